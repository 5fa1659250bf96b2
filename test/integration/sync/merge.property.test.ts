import fs from 'node:fs';
import os from 'node:os';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedItem, Operation, PushResponse } from '../../../shared/central';
import { openDatabase, type Db } from '../../../src-main/db/open';
import { balanceReader } from '../../../src-main/accounts/balance';
import { applyFeedPage } from '../../../src-main/sync/apply';
import { CentralTransportError, type CentralClient } from '../../../src-main/sync/http';
import { pushOutbox } from '../../../src-main/sync/push';

/**
 * Whatever the order of local operations, pushes (with lost replies), central charges and pulls
 * (in any order within and across pages), the counter's projected balance is the last pulled
 * balance plus exactly its operations that balance does not include; in the end it is the
 * central's balance, with nothing pending, nothing doubled.
 */

const ACCOUNTS = [
  { id: 'a1', childId: 'c1', papayCode: '1234567897', opening: 1000 },
  { id: 'a2', childId: 'c2', papayCode: '0000000018', opening: -250 },
] as const;

type Step =
  | { kind: 'local'; account: 0 | 1; amount: number }
  | { kind: 'push'; loseReply: boolean }
  | { kind: 'meal'; account: 0 | 1; amount: number }
  | { kind: 'pull'; pageSize: number; order: number[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('local' as const),
    account: fc.constantFrom(0 as const, 1 as const),
    amount: fc.integer({ min: 1, max: 50_000 }),
  }),
  fc.record({ kind: fc.constant('push' as const), loseReply: fc.boolean() }),
  fc.record({
    kind: fc.constant('meal' as const),
    account: fc.constantFrom(0 as const, 1 as const),
    amount: fc.integer({ min: 1, max: 900 }),
  }),
  fc.record({
    kind: fc.constant('pull' as const),
    pageSize: fc.integer({ min: 1, max: 6 }),
    order: fc.array(fc.nat(), { minLength: 0, maxLength: 30 }),
  }),
);

class Central {
  seq = 10;
  readonly entries = new Map<string, { seq: number; accountId: string; amount: number; kind: 'topup_cash' | 'meal' }>();

  accept(op: Operation): number {
    if (op.type !== 'topup' && op.type !== 'void') throw new Error(`solo ricariche e storni qui: ${op.type}`);
    const known = this.entries.get(op.id);
    if (known) return known.seq;
    this.seq += 1;
    this.entries.set(op.id, { seq: this.seq, accountId: op.accountId, amount: op.amountCents, kind: 'topup_cash' });
    return this.seq;
  }

  balance(accountId: string, opening: number): number {
    let sum = opening;
    for (const e of this.entries.values()) if (e.accountId === accountId) sum += e.amount;
    return sum;
  }

  feed(): FeedItem[] {
    const entries: FeedItem[] = [...this.entries].map(([id, e]) => ({
      type: 'entry',
      id,
      seq: e.seq,
      accountId: e.accountId,
      kind: e.kind,
      amountCents: e.amount,
      createdAt: '2026-11-30T10:00:00.000Z',
      counterCode: e.kind === 'meal' ? null : 'SE1',
      voidsId: null,
    }));
    const accounts: FeedItem[] = ACCOUNTS.map((a) => ({
      type: 'account',
      id: a.id,
      childId: a.childId,
      service: 'refezione',
      papayCode: a.papayCode,
      balanceCents: this.balance(a.id, a.opening),
      balanceSeq: this.seq,
      balanceAt: '2026-11-30T10:00:00.000Z',
    }));
    return [...entries, ...accounts];
  }
}

async function freshDb(): Promise<{ db: Db; dir: string }> {
  const dir = fs.mkdtempSync(os.tmpdir() + '/sportello-');
  const db = await openDatabase(dir);
  db.sqlite.exec(`
    INSERT INTO families (id, surname, name, fiscal_code, address) VALUES ('f1', 'Rossi', 'Mario', 'RSSMRA72L09H501S', 'via Roma 1');
    INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school)
      VALUES ('c1', 'f1', 'Rossi', 'Zoe', NULL, NULL, NULL, 'S'), ('c2', 'f1', 'Rossi', 'Ugo', NULL, NULL, NULL, 'S');
  `);
  const insert = db.sqlite.prepare(
    `INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq) VALUES (?, ?, 'refezione', ?, ?, 10)`,
  );
  for (const a of ACCOUNTS) insert.run(a.id, a.childId, a.papayCode, a.opening);
  return { db, dir };
}

function recordLocal(db: Db, n: number, accountId: string, papayCode: string, amount: number): string {
  const id = `op-${String(n).padStart(4, '0')}`;
  const createdAt = '2026-11-30T09:00:00.000Z';
  db.sqlite.transaction(() => {
    db.sqlite
      .prepare(
        `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, origin)
         VALUES (?, ?, 'topup_cash', ?, ?, '2026-11-30', 'SE1', 'local')`,
      )
      .run(id, accountId, amount, createdAt);
    const payload = {
      id,
      accountId,
      papayCode,
      amountCents: amount,
      method: 'cash',
      payerCf: null,
      posAuthCode: null,
      counterCode: 'SE1',
      operatorCode: 'sportello1',
      receiptNo: `SE1/2026/${String(n).padStart(6, '0')}`,
      createdAt,
    };
    db.sqlite
      .prepare(`INSERT INTO outbox (operation_id, type, payload, created_at) VALUES (?, 'topup', ?, ?)`)
      .run(id, JSON.stringify(payload), createdAt);
  })();
  return id;
}

function stubClient(central: Central, loseReply: boolean): CentralClient {
  const client = {
    push(operations: Operation[]): Promise<{ value: PushResponse; localMidpointMs: number }> {
      const results = operations.map((op) => ({ id: op.id, status: 'accepted' as const, seq: central.accept(op) }));
      if (loseReply) return Promise.reject(new CentralTransportError('risposta persa'));
      return Promise.resolve({ value: { serverTime: '2026-11-30T10:00:00.000Z', results }, localMidpointMs: 0 });
    },
  };
  return client as unknown as CentralClient;
}

/** Applies the feed as pages of `pageSize`, items permuted by `order`. */
function pull(db: Db, central: Central, pageSize: number, order: number[]): { balance: number[]; seq: number } {
  const items = central.feed();
  for (let i = 0; i < order.length && items.length > 1; i++) {
    const j = order[i]! % items.length;
    const k = (i * 7 + 3) % items.length;
    [items[j], items[k]] = [items[k]!, items[j]!];
  }
  for (let from = 0; from < items.length; from += pageSize) {
    const pageItems = items.slice(from, from + pageSize);
    const hasMore = from + pageSize < items.length;
    applyFeedPage(
      db,
      {
        serverTime: '2026-11-30T10:00:00.000Z',
        items: pageItems,
        nextCursor: String(from + pageItems.length),
        hasMore,
        remaining: Math.max(0, items.length - from - pageSize),
      },
      'SE1',
      { initialSyncDone: true, initialSyncProgress: 1 },
    );
  }
  return { balance: ACCOUNTS.map((a) => central.balance(a.id, a.opening)), seq: central.seq };
}

describe('merge of acks and pulls (property)', () => {
  it('projected balance = pulled balance + local operations it does not include; converges to the central', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const { db, dir } = await freshDb();
        try {
          const central = new Central();
          const balanceOf = balanceReader(db);
          const local: { id: string; account: number; amount: number }[] = [];
          let pulled: { balance: number[]; seq: number } = { balance: ACCOUNTS.map((a) => a.opening), seq: 10 };
          let clock = Date.parse('2026-11-30T09:00:00.000Z');
          const now = () => new Date((clock += 3_600_000));
          let meals = 0;

          const check = () => {
            ACCOUNTS.forEach((a, i) => {
              const notIncluded = local
                .filter((op) => op.account === i)
                .filter((op) => {
                  const c = central.entries.get(op.id);
                  return !(c && c.seq <= pulled.seq);
                })
                .reduce((s, op) => s + op.amount, 0);
              const b = balanceOf(a.id);
              expect(b.serverCents).toBe(pulled.balance[i]);
              expect(b.totalCents).toBe(pulled.balance[i]! + notIncluded);
            });
          };

          for (const s of steps) {
            switch (s.kind) {
              case 'local': {
                const a = ACCOUNTS[s.account];
                local.push({
                  id: recordLocal(db, local.length + 1, a.id, a.papayCode, s.amount),
                  account: s.account,
                  amount: s.amount,
                });
                break;
              }
              case 'push':
                await pushOutbox(db, stubClient(central, s.loseReply), now).catch((e: unknown) => {
                  if (!(e instanceof CentralTransportError)) throw e;
                });
                break;
              case 'meal':
                central.seq += 1;
                meals += 1;
                central.entries.set(`meal-${meals}`, {
                  seq: central.seq,
                  accountId: ACCOUNTS[s.account].id,
                  amount: -s.amount,
                  kind: 'meal',
                });
                break;
              case 'pull':
                pulled = pull(db, central, s.pageSize, s.order);
                break;
            }
            check();
          }

          // Network back for good: everything goes, one full pull.
          await pushOutbox(db, stubClient(central, false), now);
          pulled = pull(db, central, 4, []);
          check();
          ACCOUNTS.forEach((a) => {
            const b = balanceOf(a.id);
            expect(b.pendingCents).toBe(0);
            expect(b.totalCents).toBe(central.balance(a.id, a.opening));
          });
          expect(db.sqlite.prepare(`SELECT COUNT(*) FROM outbox WHERE state != 'confirmed'`).pluck().get()).toBe(0);
          expect(db.sqlite.prepare('SELECT COUNT(*) FROM ledger').pluck().get()).toBe(local.length + meals);
          expect(central.entries.size).toBe(local.length + meals);
        } finally {
          await db.close();
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});
