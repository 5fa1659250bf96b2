import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CentralError, FeedResponse, type FeedItem } from '../../../shared/central';
import type { RunningCentral } from '../../../central';
import { call, enrolCounter, someAccounts, startTestCentral, topup } from './central-client';
import { openCounterFile } from '../../support/counter-file';

let central: RunningCentral;
let officeToken: string;
let pharmacyToken: string;
beforeAll(async () => {
  central = await startTestCentral({ demo: true, tillOptional: true });
  officeToken = await enrolCounter(central, 'SE1');
  pharmacyToken = await enrolCounter(central, 'FAR-LAPERLA');
});
afterAll(async () => {
  await central.close();
});

async function page(token: string, cursor: string | null, limit?: number): Promise<FeedResponse> {
  const query = new URLSearchParams();
  if (cursor !== null) query.set('cursor', cursor);
  if (limit !== undefined) query.set('limit', String(limit));
  const reply = await call(central, 'GET', `/v1/feed?${query.toString()}`, { token });
  expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(200);
  return FeedResponse.parse(reply.body);
}

async function drain(
  token: string,
  cursor: string,
  limit: number,
): Promise<{ items: FeedItem[]; cursor: string; pages: number }> {
  const items: FeedItem[] = [];
  let pages = 0;
  for (;;) {
    const p = await page(token, cursor, limit);
    pages++;
    items.push(...p.items);
    cursor = p.nextCursor;
    if (!p.hasMore) return { items, cursor, pages };
    expect(p.remaining).toBeGreaterThan(0);
  }
}

const key = (i: FeedItem) => `${i.type}:${'id' in i ? i.id : i.code}`;

describe('feed', () => {
  it('delivers the whole demo roster to a first sync, the same ids and balances as `sportello seed --demo`', async () => {
    const { items } = await drain(officeToken, '', 5000);
    const counter = openCounterFile(inject('demoTemplateDir'), { readonly: true });
    try {
      const seeded = counter.prepare('SELECT id, server_balance_cents AS balance FROM accounts').all() as {
        id: string;
        balance: number;
      }[];
      const accounts = new Map(items.flatMap((i) => (i.type === 'account' ? [[i.id, i.balanceCents] as const] : [])));
      expect(accounts.size).toBe(seeded.length);
      for (const s of seeded) expect(accounts.get(s.id), s.id).toBe(s.balance);
      const families = counter.prepare('SELECT count(*) FROM families').pluck().get() as number;
      expect(items.filter((i) => i.type === 'family')).toHaveLength(families);
      const pinHashes = new Map(
        (counter.prepare('SELECT code, pin_hash AS h FROM operators').all() as { code: string; h: string }[]).map(
          (o) => [o.code, o.h],
        ),
      );
      for (const o of items) if (o.type === 'operator') expect(o.pinHash).toBe(pinHashes.get(o.code));
      const seededEntries = counter.prepare("SELECT count(*) FROM ledger WHERE origin = 'central'").pluck().get();
      expect(items.filter((i) => i.type === 'entry')).toHaveLength(seededEntries as number);
    } finally {
      counter.close();
    }
    // Each account comes before every entry that references it.
    const seenAccounts = new Set<string>();
    for (const i of items) {
      if (i.type === 'account') seenAccounts.add(i.id);
      if (i.type === 'entry') expect(seenAccounts.has(i.accountId)).toBe(true);
    }
    expect(items.filter((i) => i.type === 'counter').map((c) => (c.type === 'counter' ? c.code : ''))).toEqual(['SE1']);
    const operatorCounters = new Set(items.flatMap((i) => (i.type === 'operator' ? [i.counterCode] : [])));
    expect([...operatorCounters].sort()).toEqual([null, 'SE1'].sort());
  });

  it('pages by cursor and resumes where it stopped: small pages give the same items as one big page', async () => {
    const big = await drain(officeToken, '', 5000);
    const small = await drain(officeToken, '', 1000);
    expect(small.pages).toBeGreaterThan(big.pages);
    expect(small.items.map(key)).toEqual(big.items.map(key));
    const first = await page(officeToken, null);
    expect(first.items.length).toBeLessThanOrEqual(1000);
    expect(first.remaining).toBeGreaterThan(0);
    // Resuming from the end: nothing, until something changes; then only that.
    const empty = await page(officeToken, big.cursor);
    expect(empty).toMatchObject({ items: [], hasMore: false, remaining: 0, nextCursor: big.cursor });
    const [a] = someAccounts(central, 1);
    const pharmacyOp = topup(a!, 'FAR-LAPERLA', 1500);
    await call(central, 'POST', '/v1/operations', { token: pharmacyToken, body: { operations: [pharmacyOp] } });
    const after = await page(officeToken, big.cursor);
    expect(after.items.map((i) => i.type)).toEqual(['entry', 'account']);
    const account = after.items[1];
    const entry = after.items[0];
    if (account?.type !== 'account' || entry?.type !== 'entry') throw new Error('attesi entry e account');
    expect(entry).toMatchObject({
      id: pharmacyOp.id,
      kind: 'topup_cash',
      amountCents: 1500,
      counterCode: 'FAR-LAPERLA',
    });
    expect(account.balanceSeq).toBe(entry.seq);
    // The pharmacy learns of its own operation from the ack; its feed brings only the balance.
    const { items: pharmacyItems } = await drain(pharmacyToken, '', 5000);
    expect(pharmacyItems.some((i) => i.type === 'entry' && i.id === pharmacyOp.id)).toBe(false);
  });

  it('gives a pharmacy no families, children without personal data, only its own operators', async () => {
    const { items } = await drain(pharmacyToken, '', 5000);
    expect(items.some((i) => i.type === 'family')).toBe(false);
    const children = items.filter((i) => i.type === 'child');
    expect(children.length).toBeGreaterThan(1000);
    for (const c of children) {
      expect(c).toMatchObject({ familyId: null, fiscalCode: null, birthDate: null });
      expect(c.surname).toMatch(/^\p{Lu}\.$/u);
    }
    const counters = items.flatMap((i) => (i.type === 'counter' ? [i.code] : []));
    expect(counters).toEqual(['FAR-LAPERLA']);
    const operators = items.flatMap((i) => (i.type === 'operator' ? [[i.code, i.counterCode] as const] : []));
    expect(operators.every(([, counter]) => counter === null || counter === 'FAR-LAPERLA')).toBe(true);
    // Issue 13 item 2: only the people who may act at that pharmacy, so no front-office verifier
    // (the supervisors', which approve money at the front office) is ever stored on a pharmacy PC.
    expect(operators.map(([code]) => code).sort()).toEqual(['laperla', 'sup-laperla']);
    expect(items.some((i) => i.type === 'account')).toBe(true);
  });

  it("gives a front-office counter its own people and the front-office supervisors, no pharmacy's", async () => {
    const { items } = await drain(officeToken, '', 5000);
    const operators = items.flatMap((i) => (i.type === 'operator' ? [i.code] : []));
    expect(operators.sort()).toEqual(['sportello1', 'supervisore', 'supervisore2']);
  });

  it('refuses a cursor it did not make with 400 BAD_CURSOR, and clamps the limit', async () => {
    for (const bad of ['garbage', '000000000000.5', `${(await page(officeToken, '')).nextCursor}999999999`]) {
      const reply = await call(central, 'GET', `/v1/feed?cursor=${encodeURIComponent(bad)}`, { token: officeToken });
      expect(reply.status, bad).toBe(400);
      expect(CentralError.parse(reply.body).error.code).toBe('BAD_CURSOR');
    }
    const other = await startTestCentral();
    try {
      const otherToken = await enrolCounter(other, 'SE1');
      const foreign = (await page(officeToken, '')).nextCursor;
      const reply = await call(other, 'GET', `/v1/feed?cursor=${foreign}`, { token: otherToken });
      expect(CentralError.parse(reply.body).error.code).toBe('BAD_CURSOR');
    } finally {
      await other.close();
    }
    // At most 5000 changes per page, whatever is asked (some are not for this counter: fewer items).
    const clamped = await page(officeToken, '', 100_000);
    const { counts } = (await call(central, 'GET', '/admin/state')).body as { counts: { changes: number } };
    expect(clamped.remaining).toBe(counts.changes - 5000);
    expect(clamped.items.length).toBeGreaterThan(4900);
    const badLimit = await call(central, 'GET', '/v1/feed?limit=abc', { token: officeToken });
    expect(badLimit.status).toBe(400);
  });
});
