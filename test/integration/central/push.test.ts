import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponse, type OperationResult } from '../../../shared/central';
import type { RunningCentral } from '../../../central';
import { balanceMismatches, call, enrolCounter, someAccounts, startTestCentral, topup, voidOf } from './central-client';

let central: RunningCentral;
let token: string;
beforeAll(async () => {
  central = await startTestCentral();
  token = await enrolCounter(central, 'SE1');
});
afterAll(async () => {
  await central.close();
});

async function push(operations: unknown[], as = token): Promise<OperationResult[]> {
  const reply = await call(central, 'POST', '/v1/operations', { token: as, body: { operations } });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return PushResponse.parse(reply.body).results;
}

interface AdminAccount {
  openingBalanceCents: number;
  balanceCents: number;
  balanceSeq: number;
  entries: { id: string; seq: number; amountCents: number }[];
}
async function account(id: string): Promise<AdminAccount> {
  return (await call(central, 'GET', `/admin/accounts/${id}`)).body as AdminAccount;
}
async function operations(): Promise<{ id: string; seq: number }[]> {
  return ((await call(central, 'GET', '/admin/operations')).body as { operations: { id: string; seq: number }[] })
    .operations;
}

describe('push', () => {
  it('stores an operation once: the same id sent twice gets the same seq', async () => {
    const [a] = someAccounts(central, 1);
    const before = await account(a!.id);
    const op = topup(a!, 'SE1', 2500);
    const [first] = await push([op]);
    const [second] = await push([op, op]);
    expect(first).toMatchObject({ id: op.id, status: 'accepted' });
    expect(second).toEqual(first);
    const after = await account(a!.id);
    expect(after.balanceCents).toBe(before.balanceCents + 2500);
    expect(after.entries.filter((e) => e.id === op.id)).toHaveLength(1);
    expect((await operations()).filter((o) => o.id === op.id)).toHaveLength(1);
    if (first?.status !== 'accepted') throw new Error('atteso accepted');
    expect(after.balanceSeq).toBe(first.seq);
  });

  it('rejects, one by one and with the Italian reason, what the central service cannot accept', async () => {
    const [a, b] = someAccounts(central, 2);
    const good = topup(a!, 'SE1', 1000);
    const unknownAccount = topup({ ...a!, id: '01900000-0000-7000-8000-000000000000' }, 'SE1', 1000);
    const wrongPapay = topup(a!, 'SE1', 1000, { papayCode: b!.papayCode });
    const otherCounter = topup(a!, 'SE2', 1000);
    const results = await push([good, unknownAccount, wrongPapay, otherCounter]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected']);
    const reasons = results.map((r) => (r.status === 'rejected' ? r.reason : ''));
    expect(reasons[1]).toMatch(/sconosciuto/);
    expect(reasons[2]).toMatch(/Pa-Pay .* non corrisponde/);
    expect(reasons[3]).toMatch(/sportello SE2/);
    // A rejected operation leaves nothing behind.
    const ids = new Set((await operations()).map((o) => o.id));
    expect([good.id, unknownAccount.id, wrongPapay.id, otherCounter.id].map((id) => ids.has(id))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('accepts a void once, and rejects a void of the unknown, of another account, or twice', async () => {
    const [a, b] = someAccounts(central, 2);
    const original = topup(a!, 'SE1', 3000);
    await push([original]);
    const before = await account(a!.id);
    const okVoid = voidOf(original);
    const unknown = voidOf({ ...original, id: '01900000-0000-7000-8000-00000000abcd' });
    const otherAccount = voidOf(original, { accountId: b!.id });
    const wrongAmount = voidOf(original, { amountCents: -100 });
    const results = await push([okVoid, unknown, otherAccount, wrongAmount]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected']);
    const twice = await push([voidOf(original)]);
    expect(twice[0]).toMatchObject({ status: 'rejected', reason: 'Operazione già stornata.' });
    // Resending the accepted void is still fine: same seq, nothing moves.
    expect(await push([okVoid])).toEqual([results[0]]);
    const after = await account(a!.id);
    expect(after.balanceCents).toBe(before.balanceCents - 3000);
  });

  it('validates the body with the contract', async () => {
    const bad = await call(central, 'POST', '/v1/operations', { token, body: { operations: [] } });
    expect(bad.status).toBe(400);
    const negative = await call(central, 'POST', '/v1/operations', {
      token,
      body: { operations: [{ ...topup(someAccounts(central, 1)[0]!, 'SE1', 100), amountCents: -5 }] },
    });
    expect(negative.status).toBe(400);
  });

  it('keeps every balance equal to the opening balance plus the sum of its entries', async () => {
    const accounts = someAccounts(central, 20);
    const ops = accounts.map((a, i) => topup(a, 'SE1', 500 + i * 10));
    const results = await push(ops);
    const seqs = results.map((r) => (r.status === 'accepted' ? r.seq : 0));
    expect(seqs.every((s, i) => s > 0 && (i === 0 || s > seqs[i - 1]!))).toBe(true);
    expect(balanceMismatches(central)).toBe(0);
    for (const a of accounts.slice(0, 5)) {
      const view = await account(a.id);
      const sum = view.entries.reduce((s, e) => s + e.amountCents, 0);
      expect(view.balanceCents).toBe(view.openingBalanceCents + sum);
      expect(view.balanceSeq).toBe(Math.max(0, ...view.entries.map((e) => e.seq)));
    }
  });
});
