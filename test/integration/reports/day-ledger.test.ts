import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import type { DaySummary } from '../../../shared/contract';

/**
 * The riepilogo del giorno agrees with the ledger: for any mix of top-ups and voids, by any of two
 * operators, on accounts of every service, each section (by method, by service, by operator, method
 * by service) and the total equal the ledger's own sums for that day, computed here in plain SQL.
 */

let t: TestCore;
const accounts: { id: string; service: string }[] = [];
const OPERATORS = [
  { code: 'sportello1', pin: '2468', session: 's1' },
  { code: 'supervisore', pin: 'carrara-1357', session: 's2' },
] as const;

beforeAll(async () => {
  t = await openTestCore();
  for (const service of ['refezione', 'trasporto', 'asilo_nido']) {
    for (let i = 0; i < 2; i++) {
      const row = t.sql
        .prepare('SELECT id, service FROM accounts WHERE service = ? ORDER BY papay_code LIMIT 1 OFFSET ?')
        .get(service, i) as { id: string; service: string } | undefined;
      if (row) accounts.push(row);
    }
  }
});
afterAll(async () => {
  await t?.close();
});

type Step =
  | { kind: 'topup'; account: number; amountCents: number; method: 'cash' | 'card'; operator: number }
  | { kind: 'void'; pick: number; operator: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('topup' as const),
      account: fc.nat(5),
      amountCents: fc.integer({ min: 500, max: 50_000 }),
      method: fc.constantFrom('cash' as const, 'card' as const),
      operator: fc.nat(1),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void' as const), pick: fc.nat(), operator: fc.nat(1) }) },
);

/** The ledger's sums of a day at SE1, grouped by an SQL expression over l (the entry) and o (what it voids). */
function ledgerSums(date: string, groupBy: string): Map<string, number> {
  const rows = t.sql
    .prepare(
      `SELECT ${groupBy} AS k, SUM(l.amount_cents) AS net
         FROM ledger l JOIN accounts a ON a.id = l.account_id LEFT JOIN ledger o ON o.id = l.voids_id
        WHERE l.counter_code = 'SE1' AND l.business_date = ? AND l.kind IN ('topup_cash', 'topup_card', 'void')
        GROUP BY k`,
    )
    .all(date) as { k: string; net: number }[];
  return new Map(rows.map((r) => [r.k, r.net]));
}

const METHOD = `CASE COALESCE(o.kind, l.kind) WHEN 'topup_cash' THEN 'cash' ELSE 'card' END`;

function netOf<R extends { netCents: number }>(rows: R[], key: (r: R) => string): Map<string, number> {
  return new Map(rows.map((r) => [key(r), r.netCents]));
}

function checkSections(day: DaySummary): void {
  const total = ledgerSums(day.date, `'all'`).get('all') ?? 0;
  expect(day.total.netCents).toBe(total);
  expect(day.total.grossCents - day.total.voidedCents).toBe(total);
  expect(netOf(day.byMethod, (r) => r.method)).toEqual(ledgerSums(day.date, METHOD));
  expect(netOf(day.byService, (r) => r.service)).toEqual(ledgerSums(day.date, 'a.service'));
  expect(netOf(day.byOperator, (r) => r.operator)).toEqual(ledgerSums(day.date, 'l.operator_code'));
  expect(netOf(day.rows, (r) => `${r.method}|${r.service}`)).toEqual(
    ledgerSums(day.date, `${METHOD} || '|' || a.service`),
  );
  // Each section adds up to the total, gross and voids too.
  for (const section of [day.byMethod, day.byService, day.byOperator, day.rows] as { grossCents: number }[][]) {
    const sum = (f: (r: DaySummary['total']) => number) =>
      (section as DaySummary['total'][]).reduce((s, r) => s + f(r), 0);
    expect(sum((r) => r.netCents)).toBe(day.total.netCents);
    expect(sum((r) => r.grossCents)).toBe(day.total.grossCents);
    expect(sum((r) => r.voidedCents)).toBe(day.total.voidedCents);
    expect(sum((r) => r.count)).toBe(day.total.count);
  }
}

describe('riepilogo del giorno and the ledger', () => {
  it('every section equals the ledger, for any mix of top-ups and voids by two operators', async () => {
    expect(accounts).toHaveLength(6);
    let day = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        // Each run is a day of its own (a void is allowed only on the day of its top-up).
        day += 1;
        t.clock.set(new Date(Date.parse('2027-01-04T08:00:00.000Z') + day * 86_400_000).toISOString());
        // A new day locks idle sessions: both operators log in again.
        for (const o of OPERATORS) await t.login(o.code, o.pin, o.session);
        const open: string[] = [];
        for (const s of steps) {
          const op = OPERATORS[s.operator]!;
          if (s.kind === 'topup') {
            const r = await t.must(
              'topups.record',
              {
                accountId: accounts[s.account]!.id,
                amountCents: s.amountCents,
                method: s.method,
                confirmDuplicate: true,
              },
              op.session,
            );
            open.push(r.operationId);
          } else if (open.length > 0) {
            const [operationId] = open.splice(s.pick % open.length, 1);
            // The second supervisor approves: neither operator here may approve a void of their own (four eyes).
            await t.must(
              'topups.void',
              { operationId: operationId!, supervisor: 'supervisore2', supervisorPin: 'carrara-2468', reason: 'prova' },
              op.session,
            );
          }
          t.clock.advance(10_000);
        }
        const summary = await t.must('reports.day', {}, 's1');
        expect(summary.total.count).toBe(steps.filter((s) => s.kind === 'topup').length);
        checkSections(summary);
      }),
      { numRuns: 30, seed: 20261130 },
    );
    expect(pick(t.sql).count('ledger', "kind = 'void'")).toBeGreaterThan(0);
  });
});
