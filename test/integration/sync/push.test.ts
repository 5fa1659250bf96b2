import { afterEach, describe, expect, it } from 'vitest';
import { FakeCentral } from './fake-central';
import { demoAccounts, failure, maxServerSeq, openSyncCore, outboxRows, type SyncTestCore } from './sync-fixture';
import { demoDataDir } from '../../support/core-fixture';
import { CENTRAL_UNAVAILABLE, CENTRAL_UNREACHABLE } from '../../../src-main/sync/http';
import { openCounterFile } from '../../support/counter-file';

let central: FakeCentral;
let t: SyncTestCore;

afterEach(async () => {
  await t?.close();
  await central?.stop();
});

/** A front-office core on demo data, enrolled with a fake central whose seq starts above the demo's. */
async function enrolledFrontOffice(): Promise<{ accounts: ReturnType<typeof demoAccounts> }> {
  const dataDir = demoDataDir();
  const raw = openCounterFile(dataDir);
  const start = maxServerSeq(raw);
  raw.close();
  central = await new FakeCentral(start).start();
  t = await openSyncCore({ centralUrl: central.url, dataDir });
  expect(await t.must('sync.enrol', { code: 'CODICE-UNO' })).toEqual({ counterCode: 'SE1' });
  await t.must('session.login', { operator: 'sportello1', pin: '2468' });
  // The enrolment starts a sync in the background: let it finish before the test's own steps.
  await t.must('sync.now', {});
  return { accounts: demoAccounts(t.sql, 5) };
}

describe('push', () => {
  it('sends the outbox in order and confirms each operation with its own server seq', async () => {
    const { accounts } = await enrolledFrontOffice();
    const ops = [];
    for (const a of accounts.slice(0, 3)) ops.push((await t.topup(a.id, 1500)).operationId);
    expect((await t.must('sync.status', {})).pendingCount).toBe(3);

    const status = await t.must('sync.now', {});
    expect(status).toMatchObject({
      enrolled: true,
      online: true,
      pendingCount: 0,
      deadLetterCount: 0,
      lastError: null,
    });
    expect(central.pushes.flat().map((o) => o.id)).toEqual(ops);
    const rows = outboxRows(t.sql);
    expect(rows.map((r) => r.state)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(rows.map((r) => r.server_seq)).toEqual(ops.map((id) => central.ledger.get(id)!.seq));
    const ledgerSeqs = ops.map(
      (id) =>
        (t.sql.prepare('SELECT server_seq FROM ledger WHERE id = ?').get(id) as { server_seq: number }).server_seq,
    );
    expect(ledgerSeqs).toEqual(rows.map((r) => r.server_seq));
    // What was sent is what the counter stored, field by field.
    const sent = central.pushes[0]![0]!;
    expect(sent).toMatchObject({
      type: 'topup',
      accountId: accounts[0]!.id,
      amountCents: 1500,
      method: 'cash',
      counterCode: 'SE1',
    });
  });

  it('a refused operation goes to "Da risolvere" with its reason; the others still confirm', async () => {
    const { accounts } = await enrolledFrontOffice();
    const a = await t.topup(accounts[0]!.id, 1000);
    const b = await t.topup(accounts[1]!.id, 2000);
    const c = await t.topup(accounts[2]!.id, 3000);
    central.rejections.set(b.operationId, 'Conto chiuso il 2026-11-01');

    const status = await t.must('sync.now', {});
    expect(status).toMatchObject({ pendingCount: 0, deadLetterCount: 1 });
    expect(outboxRows(t.sql).map((r) => [r.operation_id, r.state, r.rejected_reason])).toEqual([
      [a.operationId, 'confirmed', null],
      [b.operationId, 'rejected', 'Conto chiuso il 2026-11-01'],
      [c.operationId, 'confirmed', null],
    ]);

    // Only a supervisor sees the list.
    const refused = failure(await t.call('sync.problems', {}));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/supervisore/);
    await t.must('session.login', { operator: 'supervisore', pin: 'carrara-1357' }, 'sup');
    const problems = await t.must('sync.problems', {}, 'sup');
    expect(problems.items.map((p) => ({ ...p, createdAt: Date.parse(p.createdAt) > 0 }))).toEqual([
      {
        operationId: b.operationId,
        type: 'topup',
        receiptNo: b.receiptNo,
        reference: b.receiptNo,
        accountId: accounts[1]!.id,
        // Named for the supervisor by the child and service of the account.
        child: expect.stringMatching(/^\S.* \((Refezione scolastica|Trasporto scolastico|Asilo nido)\)$/) as unknown,
        amountCents: 2000,
        reason: 'Conto chiuso il 2026-11-01',
        attempts: 1,
        createdAt: true,
      },
    ]);

    // Fixed centrally: the supervisor puts it back, it goes through, with an audit row.
    central.rejections.delete(b.operationId);
    expect(await t.call('sync.retry', { operationId: b.operationId })).toMatchObject({ ok: false });
    await t.must('sync.retry', { operationId: b.operationId }, 'sup');
    expect((await t.must('sync.status', {})).pendingCount).toBe(1);
    const after = await t.must('sync.now', {});
    expect(after).toMatchObject({ pendingCount: 0, deadLetterCount: 0 });
    expect(central.ledger.has(b.operationId)).toBe(true);
    const audit = t.sql.prepare(`SELECT operator_code, detail FROM audit WHERE action = 'sync.retry'`).all() as {
      operator_code: string;
      detail: string;
    }[];
    expect(audit.map((r) => r.operator_code)).toEqual(['supervisore']);
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      operationId: b.operationId,
      rejectedReason: 'Conto chiuso il 2026-11-01',
    });
    expect((await t.call('sync.retry', { operationId: b.operationId }, 'sup')).ok).toBe(false);
  });

  it('transport failures keep operations pending with a growing backoff; later they go, once, with the same ids', async () => {
    const { accounts } = await enrolledFrontOffice();
    const a = await t.topup(accounts[0]!.id, 1200);
    const b = await t.topup(accounts[1]!.id, 1300);
    central.pushFaults.push('http500', 'reset', 'garbage', 'hang');

    const delays: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const status = await t.must('sync.now', {});
      expect(status.online).toBe(false);
      expect(status.pendingCount).toBe(2);
      // Plain words for the operator whatever broke (HTTP 500, reset, garbage, hang): no code, status or address.
      expect([CENTRAL_UNREACHABLE, CENTRAL_UNAVAILABLE]).toContain(status.lastError);
      const rows = outboxRows(t.sql);
      expect(rows.map((r) => [r.state, r.attempts])).toEqual([
        ['pending', i],
        ['pending', i],
      ]);
      const next = Date.parse(rows[0]!.next_attempt_at!);
      delays.push(next - t.clock.now().getTime());
      // (That the automatic sync waits for the backoff, and sync.now does not: backoff-order.test.ts.)
      t.clock.set(new Date(next).toISOString());
    }
    // Exponential with jitter: each delay within [ceiling/2, ceiling] of 2 s * 2^(n-1).
    delays.forEach((d, i) => {
      const ceiling = 2000 * 2 ** i;
      expect(d).toBeGreaterThanOrEqual(ceiling / 2);
      expect(d).toBeLessThanOrEqual(ceiling);
    });

    const status = await t.must('sync.now', {});
    expect(status).toMatchObject({ online: true, pendingCount: 0, lastError: null });
    expect(central.ledger.size).toBe(2);
    expect([...central.ledger.keys()].sort()).toEqual([a.operationId, b.operationId].sort());
  });

  it('a lost reply: the operation is resent with the same id and the central keeps one', async () => {
    const { accounts } = await enrolledFrontOffice();
    const a = await t.topup(accounts[0]!.id, 2500);
    central.pushFaults.push('acceptThenReset');
    expect((await t.must('sync.now', {})).pendingCount).toBe(1);
    expect(central.ledger.size).toBe(1);
    const firstSeq = central.ledger.get(a.operationId)!.seq;

    t.clock.advance(60_000);
    expect((await t.must('sync.now', {})).pendingCount).toBe(0);
    expect(central.pushes.map((batch) => batch.map((o) => o.id))).toEqual([[a.operationId], [a.operationId]]);
    expect(central.pushes[1]).toEqual(central.pushes[0]);
    expect(central.ledger.size).toBe(1);
    expect(outboxRows(t.sql)[0]).toMatchObject({ state: 'confirmed', server_seq: firstSeq });
  });

  it('backoff is capped at 5 minutes and never gives up', async () => {
    const { accounts } = await enrolledFrontOffice();
    await t.topup(accounts[0]!.id, 900);
    for (let i = 0; i < 14; i++) {
      central.pushFaults.push('http500');
      await t.must('sync.now', {});
      const row = outboxRows(t.sql)[0]!;
      expect(row.state).toBe('pending');
      expect(Date.parse(row.next_attempt_at!) - t.clock.now().getTime()).toBeLessThanOrEqual(5 * 60_000);
      t.clock.set(row.next_attempt_at!);
    }
    expect(outboxRows(t.sql)[0]).toMatchObject({ state: 'pending', attempts: 14 });
    expect((await t.must('sync.now', {})).pendingCount).toBe(0);
  });

  it('sends in batches of at most 200, in seq order', async () => {
    const { accounts } = await enrolledFrontOffice();
    // Rows written straight into the outbox (the money path is tested elsewhere): 450 operations.
    const template = t.sql.prepare('SELECT type, payload FROM outbox LIMIT 1');
    await t.topup(accounts[0]!.id, 700);
    const first = template.get() as { type: string; payload: string };
    const insert = t.sql.prepare(
      `INSERT INTO outbox (operation_id, type, payload, created_at) VALUES (?, ?, ?, '2026-11-30T09:00:00.000Z')`,
    );
    const firstPayload = JSON.parse(first.payload) as Record<string, unknown>;
    const ids: string[] = [firstPayload.id as string];
    t.sql.transaction(() => {
      for (let i = 0; i < 449; i++) {
        const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
        ids.push(id);
        insert.run(id, first.type, JSON.stringify({ ...firstPayload, id }));
      }
    })();
    const status = await t.must('sync.now', {});
    expect(status.pendingCount).toBe(0);
    expect(central.pushes.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(central.pushes.flat().map((o) => o.id)).toEqual(ids);
  });
});
