import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec, startCentral, type RunningCentral } from '../../../central';
import type { AdminAccount, AdminOperation } from '../../../central/admin';
import { familyOfTwo } from '../../support/family';
import { openSyncCore, type SyncTestCore } from '../sync/sync-fixture';

/** A split payment and its void reach the central emulator over HTTP exactly once, each entry with the payment id. */

let central: RunningCentral | undefined;
let t: SyncTestCore | undefined;
afterEach(async () => {
  await t?.close();
  await central?.close();
  t = undefined;
  central = undefined;
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));

async function admin<T>(what: string): Promise<T> {
  const res = await fetch(`${central!.url}/admin/${what}`);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}
const operations = async () => (await admin<{ operations: AdminOperation[] }>('operations')).operations;
const centralBalance = async (id: string) => (await admin<AdminAccount>(`accounts/${id}`)).balanceCents;

/** Posts operations to the central as the counter does, with the counter's own token. */
async function push(sync: SyncTestCore, ops: unknown[]) {
  const token = sync.sql.prepare('SELECT token FROM sync_state WHERE id = 1').pluck().get() as string;
  const res = await fetch(`${central!.url}/v1/operations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ operations: ops }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: { id: string; status: string; seq?: number; reason?: string }[] }).results;
}

function outboxOperations(sync: SyncTestCore, ids: string[]): unknown[] {
  return ids.map((id) => {
    const row = sync.sql.prepare('SELECT type, payload FROM outbox WHERE operation_id = ?').get(id) as {
      type: string;
      payload: string;
    };
    return { ...(JSON.parse(row.payload) as object), type: row.type };
  });
}

describe('a split payment through the sync', () => {
  it('sends each entry once with its payment id, its void as a whole; a resent push changes nothing; a part alone cannot be voided centrally', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true });
    t = await openSyncCore({ centralUrl: central.url, dataDir: tmp(), counter: 'SE1', syncRequestTimeoutMs: 5_000 });
    await t.must('sync.enrol', { code: central.createEnrolmentCode('SE1') }, 'first-run');
    await t.waitForStatus((s) => s.initialSync.done);
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    // The demo counters take money only in an open till session.
    await t.must('till.open', { floatCounts: { '2000': 5 } });
    const { a, b } = familyOfTwo(t.sql);
    const startA = await centralBalance(a.id);
    const startB = await centralBalance(b.id);

    // Offline: both payments and the void wait in the outbox; then they go with lost replies and duplicates.
    central.faults.set(parseFaultSpec('reset=1'));
    const kept = await t.must('payments.record', {
      method: 'cash',
      lines: [
        { accountId: a.id, amountCents: 3_000 },
        { accountId: b.id, amountCents: 2_000 },
      ],
    });
    const voided = await t.must('payments.record', {
      method: 'card',
      lines: [
        { accountId: a.id, amountCents: 1_500 },
        { accountId: b.id, amountCents: 1_000 },
      ],
    });
    const v = await t.must('topups.void', {
      requestId: randomUUID(),
      operationId: voided.lines[0]?.operationId ?? '',
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'carta sbagliata',
    });
    expect((await t.must('sync.now', {})).pendingCount).toBe(7);
    central.faults.set(parseFaultSpec('dropAfterCommit=0.5,duplicate=0.5,seed=3'));
    for (let i = 0; i < 30 && (await t.must('sync.now', {})).pendingCount > 0; i++) {
      /* retries with the same ids */
    }
    central.faults.set(parseFaultSpec(''));
    expect(await t.must('sync.now', {})).toMatchObject({ pendingCount: 0, deadLetterCount: 0 });

    const ops = await operations();
    const byPayment = (id: string) => ops.filter((o) => o.paymentId === id);
    expect(new Set(ops.map((o) => o.id)).size).toBe(ops.length);
    expect(byPayment(kept.paymentId).map((o) => [o.id, o.accountId, o.amountCents, o.receiptNo])).toEqual([
      [kept.lines[0]?.operationId, a.id, 3_000, kept.receiptNo],
      [kept.lines[1]?.operationId, b.id, 2_000, kept.receiptNo],
    ]);
    expect(byPayment(voided.paymentId).map((o) => o.amountCents)).toEqual([1_500, 1_000]);
    const voidPaymentId = t.sql
      .prepare('SELECT id FROM payments WHERE voids_id = ?')
      .pluck()
      .get(voided.paymentId) as string;
    const voids = byPayment(voidPaymentId);
    expect(voids.map((o) => [o.type, o.voidsId, o.amountCents, o.receiptNo])).toEqual([
      ['void', voided.lines[0]?.operationId, -1_500, v.receiptNo],
      ['void', voided.lines[1]?.operationId, -1_000, v.receiptNo],
    ]);
    expect(await centralBalance(a.id)).toBe(startA + 3_000);
    expect(await centralBalance(b.id)).toBe(startB + 2_000);

    // The same push again, as a counter whose reply was lost would send it: accepted with the same seqs, nothing new.
    const keptIds = kept.lines.map((l) => l.operationId);
    const again = await push(t, outboxOperations(t, keptIds));
    expect(again.map((r) => [r.id, r.status, r.seq])).toEqual(
      byPayment(kept.paymentId).map((o) => [o.id, 'accepted', o.seq]),
    );
    expect((await operations()).length).toBe(ops.length);
    expect(await centralBalance(a.id)).toBe(startA + 3_000);

    // A void of one account's part, without the payment: the central refuses it.
    const [part] = await push(t, [
      {
        type: 'void',
        id: randomUUID(),
        voidsId: kept.lines[1]?.operationId,
        accountId: b.id,
        amountCents: -2_000,
        reason: 'solo una parte',
        approvedBy: 'supervisore',
        counterCode: 'SE1',
        operatorCode: 'sportello1',
        receiptNo: 'SE1/2026/999999',
        createdAt: new Date().toISOString(),
      },
    ]);
    expect(part).toMatchObject({ status: 'rejected' });
    expect(part?.reason).toMatch(/fa parte di un pagamento unico per più conti: si storna solo con tutto il pagamento/);
    expect(await centralBalance(b.id)).toBe(startB + 2_000);
  });
});
