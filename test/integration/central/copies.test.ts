import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentralError, EnrolResponse, PushResponse } from '../../../shared/central';
import type { RunningCentral } from '../../../central';
import { call, enrolCounter, someAccounts, startTestCentral, topup } from './central-client';
import { recordHeld } from '../../support/security-table';

/**
 * Issue 13 item 9, the central's side: one receipt number per counter, a token used by one
 * installation, and an enrolment code refused at the wrong counter before it is used.
 */

let central: RunningCentral;
beforeAll(async () => {
  central = await startTestCentral({ demo: true, tillOptional: true });
});
afterAll(async () => {
  await central.close();
});

async function push(token: string, operations: unknown[], installationId?: string) {
  const reply = await call(central, 'POST', '/v1/operations', {
    token,
    body: { operations },
    ...(installationId !== undefined ? { installationId } : {}),
  });
  return reply;
}

describe('one receipt number per counter', () => {
  it('refuses another operation under a number it holds, with the reason; the same id again is accepted', async () => {
    const token = await enrolCounter(central, 'SE2');
    const [a, b] = someAccounts(central, 2, 'refezione');
    const first = topup(a!, 'SE2', 1000);
    const accepted = PushResponse.parse((await push(token, [first])).body).results[0];
    expect(accepted).toMatchObject({ id: first.id, status: 'accepted' });
    // A copy of the counter's data issues the same number for another operation.
    const copy = topup(b!, 'SE2', 2500, { receiptNo: first.receiptNo });
    const [resent, refused] = PushResponse.parse((await push(token, [first, copy])).body).results;
    expect(resent).toEqual(accepted);
    expect(refused).toMatchObject({ id: copy.id, status: 'rejected' });
    if (refused?.status === 'rejected') {
      expect(refused.reason).toMatch(new RegExp(`La ricevuta ${first.receiptNo} è già registrata`));
    }
    const held = central.sqlite
      .prepare('SELECT id FROM ledger WHERE counter_code = ? AND receipt_no = ?')
      .pluck()
      .all('SE2', first.receiptNo);
    expect(held).toEqual([first.id]);
    // Another counter may use the same serial: the number is per counter.
    const other = await enrolCounter(central, 'ECO');
    const eco = topup(b!, 'ECO', 700, { receiptNo: 'ECO/2026/000001' });
    expect(PushResponse.parse((await push(other, [eco])).body).results[0]).toMatchObject({ status: 'accepted' });
    recordHeld({
      attack: 'two operations under one receipt number of a counter',
      tried: 2,
      held: 'the second rejected with the reason into Da risolvere; the same id resent is accepted',
    });
  });
});

describe('one installation per token', () => {
  it('binds the token to the installation that enrolled; another one is refused, the first goes on', async () => {
    const code = central.createEnrolmentCode('SE1');
    const enrolled = EnrolResponse.parse(
      (
        await call(central, 'POST', '/v1/enrol', {
          body: { code, deviceName: 'pc', installationId: 'installazione-A' },
        })
      ).body,
    );
    const ok = await call(central, 'GET', '/v1/time', { token: enrolled.token, installationId: 'installazione-A' });
    expect(ok.status).toBe(200);
    const copy = await call(central, 'GET', '/v1/feed', { token: enrolled.token, installationId: 'installazione-B' });
    expect(copy.status).toBe(409);
    const error = CentralError.parse(copy.body).error;
    expect(error.code).toBe('SECOND_INSTALLATION');
    expect(error.message).toMatch(/in uso su un'altra installazione.*non incassare su questo PC/);
    expect(
      (await call(central, 'GET', '/v1/time', { token: enrolled.token, installationId: 'installazione-A' })).status,
    ).toBe(200);
  });

  it('binds a token enrolled without an id to the first id presented', async () => {
    const token = await enrolCounter(central, 'FAR-CAVATORE');
    expect((await call(central, 'GET', '/v1/time', { token, installationId: 'prima-installazione' })).status).toBe(200);
    expect((await call(central, 'GET', '/v1/time', { token, installationId: 'seconda-installazione' })).status).toBe(
      409,
    );
  });
});

describe('an enrolment code for another counter', () => {
  it('is refused before it is used: the real counter keeps its token, the code still works there', async () => {
    const se1 = await enrolCounter(central, 'FAR-LAPERLA');
    const code = central.createEnrolmentCode('FAR-LAPERLA');
    const wrong = await call(central, 'POST', '/v1/enrol', {
      body: { code, deviceName: 'pc-farmacia', counterCode: 'FAR-FOSSONE' },
    });
    expect(wrong.status).toBe(409);
    const error = CentralError.parse(wrong.body).error;
    expect(error.code).toBe('WRONG_COUNTER');
    expect(error.message).toMatch(
      /è dello sportello FAR-LAPERLA.*lo sportello FAR-FOSSONE: il codice non è stato usato/,
    );
    // Nothing was revoked nor consumed.
    expect((await call(central, 'GET', '/v1/time', { token: se1 })).status).toBe(200);
    const right = await call(central, 'POST', '/v1/enrol', {
      body: { code, deviceName: 'pc-laperla', counterCode: 'FAR-LAPERLA' },
    });
    expect(right.status).toBe(200);
  });
});
