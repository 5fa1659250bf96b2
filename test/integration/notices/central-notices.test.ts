import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedItem, Operation, OperationResult } from '../../../shared/central';
import { buildNav3 } from '../../../shared/pagopa/nav';
import type { RunningCentral } from '../../../central';
import { call, enrolCounter, someAccounts, startTestCentral } from '../central/central-client';

/** The emulator's side of notices, over HTTP: blocks, registration, cancellation, the PSP. */

let central: RunningCentral | undefined;
afterEach(async () => {
  await central?.close();
  central = undefined;
});

type NoticeOp = Extract<Operation, { type: 'notice' }>;

function notice(accountId: string, navs: string[], extra: Partial<NoticeOp> = {}): NoticeOp {
  const id = randomUUID();
  return {
    type: 'notice',
    id,
    noticeId: id,
    accountId,
    counterCode: 'SE1',
    operatorCode: 'sportello1',
    createdAt: new Date().toISOString(),
    subject: 'Ricarica refezione',
    amountCents: 1000 * navs.length,
    dueDate: null,
    payments: navs.map((nav, i) => ({
      nav,
      iuv: nav.slice(1),
      amountCents: 1000,
      dueDate: null,
      installment: navs.length > 1 ? i + 1 : null,
    })),
    debtor: { fiscalCode: 'RSSMRA72L09H501S', fullName: 'Mario Rossi', address: 'Via Roma 1, Carrara' },
    ...extra,
  };
}

const navOf = (base: number) => buildNav3('01', String(base).padStart(13, '0')).nav;

async function push(token: string, operations: Operation[]): Promise<OperationResult[]> {
  const reply = await call(central!, 'POST', '/v1/operations', { token, body: { operations } });
  expect(reply.status).toBe(200);
  return (reply.body as { results: OperationResult[] }).results;
}

async function block(token: string, requestId: string, size?: number) {
  return call(central!, 'POST', '/v1/notice-blocks', {
    token,
    body: size === undefined ? { requestId } : { requestId, size },
  });
}

describe('notices at the central emulator', () => {
  it('hands out blocks: the same request gets the same block, another the next range; a pharmacy gets none', async () => {
    central = await startTestCentral({ demo: true, tillOptional: true });
    const se1 = await enrolCounter(central, 'SE1');
    const se2 = await enrolCounter(central, 'SE2');
    const r1 = randomUUID();
    const first = await block(se1, r1, 10);
    expect(first).toMatchObject({
      status: 200,
      body: { requestId: r1, segregationCode: '01', firstBase: '0000000000001', lastBase: '0000000000010' },
    });
    expect((await block(se1, r1, 10)).body).toMatchObject({ firstBase: '0000000000001', lastBase: '0000000000010' });
    expect((await block(se2, randomUUID())).body).toMatchObject({
      firstBase: '0000000000011',
      lastBase: '0000000001010',
    });
    // A request id belongs to the counter that made it.
    expect((await block(se2, r1)).status).toBe(400);
    const far = await enrolCounter(central, 'FAR-CAVATORE');
    expect((await block(far, randomUUID())).status).toBe(400);
  });

  it('registers a notice once, refuses NAVs outside the counter blocks, unknown accounts and NAVs already used', async () => {
    central = await startTestCentral({ demo: true, tillOptional: true });
    const se1 = await enrolCounter(central, 'SE1');
    const se2 = await enrolCounter(central, 'SE2');
    await block(se1, randomUUID(), 10); // bases 1-10
    await block(se2, randomUUID(), 10); // bases 11-20
    const [account] = someAccounts(central, 1);
    const ok = notice(account!.id, [navOf(1), navOf(2)]);
    const [accepted] = await push(se1, [ok]);
    expect(accepted).toMatchObject({ status: 'accepted' });
    const seq = (accepted as { seq: number }).seq;
    expect(seq).toBeGreaterThan(0);
    // Sent again (the reply was lost): accepted with the same seq, stored once.
    expect(await push(se1, [ok])).toEqual([{ id: ok.id, status: 'accepted', seq }]);
    expect(central.sqlite.prepare('SELECT COUNT(*) FROM notices').pluck().get()).toBe(1);

    const reasons = (
      await push(se1, [
        notice(account!.id, [navOf(11)]),
        notice('nessun-conto', [navOf(3)]),
        notice(account!.id, [navOf(2)]),
        notice(account!.id, [navOf(4)], { amountCents: 999 }),
      ])
    ).map((r) => (r.status === 'rejected' ? r.reason : 'accepted'));
    expect(reasons[0]).toMatch(/non appartiene ai blocchi assegnati allo sportello SE1/);
    expect(reasons[1]).toMatch(/Conto nessun-conto sconosciuto/);
    expect(reasons[2]).toMatch(/già usato da un altro avviso/);
    expect(reasons[3]).toMatch(/somma delle rate/);
    expect(central.sqlite.prepare('SELECT COUNT(*) FROM notice_payments').pluck().get()).toBe(2);
    const listed = await call(central, 'GET', '/admin/notices');
    expect(listed.body).toEqual({
      notices: [
        {
          id: ok.noticeId,
          accountId: account!.id,
          counterCode: 'SE1',
          state: 'registrato',
          amountCents: 2000,
          navs: [navOf(1), navOf(2)],
        },
      ],
    });
    expect((await call(central, 'GET', '/admin/state')).body).toMatchObject({
      counts: { notices: 1, noticeBlocks: 2 },
    });
  });

  it('the PSP side: an unregistered NAV is refused, an expired notice too; the feed follows the state, a pharmacy without debtor', async () => {
    central = await startTestCentral({ demo: true, tillOptional: true });
    const se1 = await enrolCounter(central, 'SE1');
    const far = await enrolCounter(central, 'FAR-CAVATORE');
    await block(se1, randomUUID(), 10);
    const [account] = someAccounts(central, 1);
    const op = notice(account!.id, [navOf(5)]);
    expect((await call(central, 'POST', '/admin/notices/pay', { body: { nav: navOf(5) } })).status).toBe(404);
    await push(se1, [op]);
    const expired = await call(central, 'POST', '/admin/notices/expire', { body: { nav: navOf(5) } });
    expect(expired).toMatchObject({ status: 200, body: { state: 'scaduto' } });
    expect((await call(central, 'POST', '/admin/notices/pay', { body: { nav: navOf(5) } })).status).toBe(409);

    const feedNotices = async (token: string) => {
      const items: FeedItem[] = [];
      let cursor = '';
      for (;;) {
        const page = await call(central!, 'GET', `/v1/feed?cursor=${cursor}&limit=5000`, { token });
        const body = page.body as { items: FeedItem[]; nextCursor: string; hasMore: boolean };
        items.push(...body.items);
        cursor = body.nextCursor;
        if (!body.hasMore) return items.filter((i) => i.type === 'notice');
      }
    };
    expect(await feedNotices(se1)).toMatchObject([{ id: op.noticeId, state: 'scaduto', debtor: op.debtor }]);
    expect(await feedNotices(far)).toMatchObject([{ id: op.noticeId, state: 'scaduto', debtor: null }]);

    // A cancellation of an unknown notice is refused; of this one, accepted (an expired notice can be cancelled).
    const cancel = (noticeId: string) => ({
      type: 'notice_cancel' as const,
      id: randomUUID(),
      noticeId,
      accountId: account!.id,
      counterCode: 'SE1',
      operatorCode: 'sportello1',
      createdAt: new Date().toISOString(),
      reason: 'Errore',
    });
    const [unknown, known] = await push(se1, [cancel('nessuno'), cancel(op.noticeId)]);
    expect(unknown).toMatchObject({ status: 'rejected' });
    expect(known).toMatchObject({ status: 'accepted' });
    const read = await call(central, 'GET', `/admin/notices/${op.noticeId}`);
    expect(read.body).toMatchObject({ state: 'annullato', cancels: [{ outcome: 'annullato' }] });
  });
});
