import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { recordHeld } from '../../support/security-table';

/** Issue 13 item 10: a money request repeated with its id records once and answers the first reply. */

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

async function frontOffice(): Promise<TestCore> {
  t = await openTestCore();
  await t.login('sportello1', '2468');
  return t;
}

function counts() {
  const p = pick(t.sql);
  return {
    ledger: p.count('ledger'),
    receipts: p.count('receipts'),
    outbox: p.count('outbox'),
    audit: p.count('audit'),
    prints: p.count('receipt_prints'),
  };
}

const VOID = { supervisor: 'supervisore', supervisorPin: 'carrara-1357', reason: 'Importo sbagliato' };

describe('idempotent money requests', () => {
  it('a top-up sent twice in a row, the second with confirmDuplicate, records once', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const input = { requestId: randomUUID(), accountId: acc.id, amountCents: 2_000, method: 'cash' as const };
    const first = await t.must('topups.record', input);
    const after = counts();
    const again = await t.must('topups.record', { ...input, confirmDuplicate: true });
    const thrice = await t.must('topups.record', input);
    expect(counts()).toEqual(after);
    for (const r of [again, thrice]) {
      expect(r).toMatchObject({
        operationId: first.operationId,
        receiptNo: first.receiptNo,
        balanceAfterCents: first.balanceAfterCents,
        receiptText: first.receiptText,
      });
    }
    expect(t.printer.jobs).toHaveLength(1);
    const balance = (await t.must('accounts.get', { accountId: acc.id })).account.balanceCents;
    expect(balance).toBe(first.balanceAfterCents);
  });

  it('a top-up sent twice in parallel records once and both get the same reply', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const before = counts();
    const input = {
      requestId: randomUUID(),
      accountId: acc.id,
      amountCents: 3_000,
      method: 'cash' as const,
      confirmDuplicate: true,
    };
    const [a, b] = await Promise.all([t.must('topups.record', input), t.must('topups.record', input)]);
    expect(a.operationId).toBe(b.operationId);
    expect(a.receiptNo).toBe(b.receiptNo);
    expect(counts().ledger - before.ledger).toBe(1);
    expect(counts().receipts - before.receipts).toBe(1);
    expect(counts().outbox - before.outbox).toBe(1);
    recordHeld({
      attack: 'the same top-up request (same client id) sent twice in parallel',
      tried: 2,
      held: 'one operation, one receipt; both callers get the first reply',
    });
  });

  it('two actions with two ids are two top-ups (the id, not the content, says it is a repeat)', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const input = { accountId: acc.id, amountCents: 2_500, method: 'cash' as const, confirmDuplicate: true };
    const a = await t.must('topups.record', { ...input, requestId: randomUUID() });
    const b = await t.must('topups.record', { ...input, requestId: randomUUID() });
    expect(a.receiptNo).not.toBe(b.receiptNo);
  });

  it('the same id with a different request is refused in Italian and records nothing', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const requestId = randomUUID();
    await t.must('topups.record', { requestId, accountId: acc.id, amountCents: 2_000, method: 'cash' });
    const after = counts();
    const changed = await t.call('topups.record', { requestId, accountId: acc.id, amountCents: 2_100, method: 'cash' });
    expect(changed).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    if (!changed.ok) expect(changed.error.message).toMatch(/già registrata con dati diversi/);
    await t.login('supervisore', 'carrara-1357', 's2');
    const other = await t.call(
      'topups.record',
      { requestId, accountId: acc.id, amountCents: 2_000, method: 'cash' },
      's2',
    );
    expect(other.ok).toBe(false);
    expect(counts()).toEqual(after);
  });

  it('a failed try (suspected double) records no id: its confirmation with the same id records once', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    await t.must('topups.record', { accountId: acc.id, amountCents: 2_000, method: 'cash' });
    const requestId = randomUUID();
    const input = { requestId, accountId: acc.id, amountCents: 2_000, method: 'cash' as const };
    expect(await t.call('topups.record', input)).toMatchObject({ ok: false, error: { code: 'DUPLICATE_SUSPECTED' } });
    const confirmed = await t.must('topups.record', { ...input, confirmDuplicate: true });
    const replayed = await t.must('topups.record', { ...input, confirmDuplicate: true });
    expect(replayed.receiptNo).toBe(confirmed.receiptNo);
  });

  it('a void sent twice in a row and twice in parallel records one storno', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const one = await t.must('topups.record', { accountId: acc.id, amountCents: 2_000, method: 'cash' });
    const two = await t.must('topups.record', { accountId: acc.id, amountCents: 4_000, method: 'card' });
    const before = counts();
    const inRow = { requestId: randomUUID(), operationId: one.operationId, ...VOID };
    const v1 = await t.must('topups.void', inRow);
    const v2 = await t.must('topups.void', inRow);
    expect(v2.receiptNo).toBe(v1.receiptNo);
    const inParallel = { requestId: randomUUID(), operationId: two.operationId, ...VOID };
    const [p1, p2] = await Promise.all([t.must('topups.void', inParallel), t.must('topups.void', inParallel)]);
    expect(p1.receiptNo).toBe(p2.receiptNo);
    expect(counts().ledger - before.ledger).toBe(2);
    expect(counts().receipts - before.receipts).toBe(2);
    // A new action on a voided top-up is still refused as already voided.
    const fresh = await t.call('topups.void', { requestId: randomUUID(), operationId: one.operationId, ...VOID });
    expect(fresh).toMatchObject({ ok: false, error: { code: 'ALREADY_VOIDED' } });
    recordHeld({ attack: 'the same void sent twice in a row and twice in parallel', tried: 4, held: 'one storno' });
  });

  it('refuses a money request without a UUID request id', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const missing = await t.core.invoke('s1', 'topups.record', {
      accountId: acc.id,
      amountCents: 2_000,
      method: 'cash',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    const notUuid = await t.call('topups.record', {
      requestId: 'abc',
      accountId: acc.id,
      amountCents: 2_000,
      method: 'cash',
    });
    expect(notUuid).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });
});
