import type { CounterKind, PaymentMethod } from '../domain';
import type { Remittance } from './remittance';
import { NO_TAKINGS, sumTakings, type Takings, type TakingsLine } from './totals';

/**
 * The arithmetic of the agente contabile's accounts: the pharmacy's monthly rendiconto and the
 * yearly conto giudiziale (modello 21, DPR 194/1996). What the agent collected (riscossioni, net of
 * voids) is what it owes; what it paid in to the Tesoreria (versamenti) discharges it; the rest is
 * carried over, month to month and year to year.
 */

/**
 * The takings the agent itself must pay in. At a pharmacy the Comune's takings, cash and card,
 * land in the pharmacy's own till and bank account, so both are owed. At the Comune's own counters
 * the card terminal's acquirer credits the Tesoreria directly: only the cash passes through the
 * agent's hands.
 */
export function methodsOwed(kind: CounterKind): readonly PaymentMethod[] {
  return kind === 'farmacia' ? ['cash', 'card'] : ['cash'];
}

/** A run of consecutive receipt numbers of one year (numbering restarts each year). */
export interface ReceiptRange {
  year: number;
  from: number;
  to: number;
}

/** Consecutive numbers as runs: [1,2,3,5,6] of 2026 -> 2026 1-3, 2026 5-6. A gap shows as two runs. */
export function receiptRanges(receipts: readonly { year: number; number: number }[]): ReceiptRange[] {
  const sorted = [...receipts].sort((a, b) => a.year - b.year || a.number - b.number);
  const ranges: ReceiptRange[] = [];
  for (const r of sorted) {
    const last = ranges.at(-1);
    if (last !== undefined && last.year === r.year && r.number <= last.to + 1) last.to = Math.max(last.to, r.number);
    else ranges.push({ year: r.year, from: r.number, to: r.number });
  }
  return ranges;
}

/** What an agent owes from some takings: the net of the methods it must pay in. */
export function owedCents(lines: readonly TakingsLine[], owed: readonly PaymentMethod[]): number {
  return lines.filter((l) => owed.includes(l.method)).reduce((sum, l) => sum + l.amountCents, 0);
}

export function remittedCents(remittances: readonly Remittance[]): number {
  return remittances.reduce((sum, r) => sum + r.amountCents, 0);
}

/** One period of an account (a month): riscossioni, versamenti, and the balance carried over. */
export interface AccountPeriod {
  /** First and last day, AAAA-MM-GG. */
  from: string;
  to: string;
  /** Every method, net of voids (voids in their own column). */
  collected: Takings;
  byMethod: { method: PaymentMethod; takings: Takings }[];
  /** Net of the methods the agent must pay in. */
  owedCents: number;
  receipts: { count: number; voids: number; ranges: ReceiptRange[] };
  remittances: Remittance[];
  remittedCents: number;
  /** Carried over from before the period. */
  openingCents: number;
  /** openingCents + owedCents - remittedCents: still to pay in at the end of the period. */
  closingCents: number;
}

export interface PeriodInput {
  from: string;
  to: string;
  /** Takings lines of the period (others are ignored). */
  lines: readonly TakingsLine[];
  receipts: readonly { year: number; number: number; kind: 'ricarica' | 'storno'; date: string }[];
  remittances: readonly Remittance[];
  owed: readonly PaymentMethod[];
  openingCents: number;
}

const within = (date: string, from: string, to: string) => date >= from && date <= to;

export function accountPeriod(input: PeriodInput): AccountPeriod {
  const { from, to, owed } = input;
  const lines = input.lines.filter((l) => within(l.date, from, to));
  const receipts = input.receipts.filter((r) => within(r.date, from, to));
  const remittances = input.remittances
    .filter((r) => within(r.date, from, to))
    .sort((a, b) => a.date.localeCompare(b.date) || a.documentNo.localeCompare(b.documentNo));
  const owedNow = owedCents(lines, owed);
  const remitted = remittedCents(remittances);
  return {
    from,
    to,
    collected: sumTakings(lines),
    byMethod: (['cash', 'card'] as const).map((method) => ({
      method,
      takings: sumTakings(lines.filter((l) => l.method === method)),
    })),
    owedCents: owedNow,
    receipts: {
      count: receipts.length,
      voids: receipts.filter((r) => r.kind === 'storno').length,
      ranges: receiptRanges(receipts),
    },
    remittances,
    remittedCents: remitted,
    openingCents: input.openingCents,
    closingCents: input.openingCents + owedNow - remitted,
  };
}

/** AAAA-MM: its first and last day. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The conto giudiziale of a year: twelve months, each opening with the previous one's balance. */
export interface YearAccount {
  year: number;
  openingCents: number;
  months: AccountPeriod[];
  totals: {
    collected: Takings;
    owedCents: number;
    remittedCents: number;
    receipts: number;
    voidReceipts: number;
  };
  closingCents: number;
}

export function yearAccount(input: Omit<PeriodInput, 'from' | 'to'> & { year: number }): YearAccount {
  // Each month reads only its own inputs (a year holds 100,000 receipts).
  const byMonth = <T extends { date: string }>(items: readonly T[]) => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const key = item.date.slice(0, 7);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    return (month: string) => groups.get(month) ?? [];
  };
  const lines = byMonth(input.lines);
  const receipts = byMonth(input.receipts);
  const remittances = byMonth(input.remittances);
  const months: AccountPeriod[] = [];
  let opening = input.openingCents;
  for (let m = 1; m <= 12; m++) {
    const month = `${input.year}-${String(m).padStart(2, '0')}`;
    const period = accountPeriod({
      ...monthBounds(month),
      lines: lines(month),
      receipts: receipts(month),
      remittances: remittances(month),
      owed: input.owed,
      openingCents: opening,
    });
    months.push(period);
    opening = period.closingCents;
  }
  const add = (f: (p: AccountPeriod) => number) => months.reduce((s, p) => s + f(p), 0);
  return {
    year: input.year,
    openingCents: input.openingCents,
    months,
    totals: {
      collected: months.reduce((t, p) => addTakings(t, p.collected), NO_TAKINGS),
      owedCents: add((p) => p.owedCents),
      remittedCents: add((p) => p.remittedCents),
      receipts: add((p) => p.receipts.count),
      voidReceipts: add((p) => p.receipts.voids),
    },
    closingCents: opening,
  };
}

function addTakings(a: Takings, b: Takings): Takings {
  return {
    count: a.count + b.count,
    grossCents: a.grossCents + b.grossCents,
    voidCount: a.voidCount + b.voidCount,
    voidedCents: a.voidedCents + b.voidedCents,
    netCents: a.netCents + b.netCents,
  };
}
