import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentralError, EnrolResponse, PushResponse, ServerTime } from '../../../shared/central';
import { createEnrolmentCode, type RunningCentral } from '../../../central';
import { call, enrolCounter, someAccounts, startTestCentral, topup } from './central-client';

let central: RunningCentral;
beforeAll(async () => {
  central = await startTestCentral();
});
afterAll(async () => {
  await central.close();
});

describe('enrolment', () => {
  it('trades a one-time code for a token once; the second use is refused', async () => {
    const code = central.createEnrolmentCode('SE2');
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    const first = await call(central, 'POST', '/v1/enrol', { body: { code, deviceName: 'PC-SE2' } });
    expect(first.status).toBe(200);
    const enrolled = EnrolResponse.parse(first.body);
    expect(enrolled.counterCode).toBe('SE2');
    expect(enrolled.receiptNumbering).toEqual([]);
    const time = await call(central, 'GET', '/v1/time', { token: enrolled.token });
    expect(time.status).toBe(200);
    ServerTime.parse(time.body);

    const again = await call(central, 'POST', '/v1/enrol', { body: { code, deviceName: 'PC-altro' } });
    expect(again.status).toBe(401);
    expect(CentralError.parse(again.body).error.code).toBe('CODE_INVALID');
  });

  it('refuses an expired code, an unknown one and a malformed request', async () => {
    const yesterday = new Date(Date.now() - 25 * 3600_000);
    const expired = createEnrolmentCode(central.sqlite, 'SE2', yesterday);
    const late = await call(central, 'POST', '/v1/enrol', { body: { code: expired, deviceName: 'PC' } });
    expect(late.status).toBe(401);
    const unknown = await call(central, 'POST', '/v1/enrol', { body: { code: 'ZZZZZZZZZZ', deviceName: 'PC' } });
    expect(CentralError.parse(unknown.body).error.code).toBe('CODE_INVALID');
    const bad = await call(central, 'POST', '/v1/enrol', { body: { code: 12 } });
    expect(bad.status).toBe(400);
    const parsed = CentralError.parse(bad.body);
    expect(parsed.error.code).toBe('BAD_REQUEST');
    expect(parsed.serverTime).toBeDefined();
    const notJson = await call(central, 'POST', '/v1/enrol', { rawBody: '{nope' });
    expect(notJson.status).toBe(400);
  });

  it('refuses a code for a counter it does not know', () => {
    expect(() => central.createEnrolmentCode('NOPE')).toThrow(/Sportello sconosciuto/);
  });

  it('revokes the old token when the counter enrols again', async () => {
    const oldToken = await enrolCounter(central, 'ECO');
    const newToken = await enrolCounter(central, 'ECO');
    const withOld = await call(central, 'GET', '/v1/feed', { token: oldToken });
    expect(withOld.status).toBe(401);
    expect(CentralError.parse(withOld.body).error.code).toBe('TOKEN_REVOKED');
    const withNew = await call(central, 'GET', '/v1/time', { token: newToken });
    expect(withNew.status).toBe(200);
    const none = await call(central, 'GET', '/v1/time');
    expect(none.status).toBe(401);
    expect(CentralError.parse(none.body).error.code).toBe('UNAUTHORIZED');
    const forged = await call(central, 'GET', '/v1/time', { token: 'x'.repeat(43) });
    expect(CentralError.parse(forged.body).error.code).toBe('UNAUTHORIZED');
  });

  it('tells a re-enrolled counter where its receipt numbering stopped, per year', async () => {
    const token = await enrolCounter(central, 'SE1');
    const [a, b] = someAccounts(central, 2);
    const operations = [
      topup(a!, 'SE1', 1000, { receiptNo: 'SE1/2025/000007' }),
      topup(b!, 'SE1', 1500, { receiptNo: 'SE1/2026/000042' }),
      topup(a!, 'SE1', 2000, { receiptNo: 'SE1/2026/000041' }),
    ];
    const pushed = await call(central, 'POST', '/v1/operations', { token, body: { operations } });
    expect(PushResponse.parse(pushed.body).results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const code = central.createEnrolmentCode('SE1');
    const again = EnrolResponse.parse(
      (await call(central, 'POST', '/v1/enrol', { body: { code, deviceName: 'PC nuovo' } })).body,
    );
    expect(again.receiptNumbering).toEqual([
      { year: 2025, lastNumber: 7 },
      { year: 2026, lastNumber: 42 },
    ]);
  });
});
