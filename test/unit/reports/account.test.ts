import { describe, expect, it } from 'vitest';
import { accountPeriod, methodsOwed, monthBounds, receiptRanges, yearAccount } from '../../../shared/reports/account';
import type { Remittance } from '../../../shared/reports/remittance';
import type { TakingsLine } from '../../../shared/reports/totals';

const line = (date: string, method: 'cash' | 'card', amountCents: number, count = 1): TakingsLine => ({
  counterCode: 'FAR-CAVATORE',
  date,
  service: 'refezione',
  method,
  operator: 'cavatore',
  kind: amountCents < 0 ? 'void' : 'topup',
  count,
  amountCents,
});
const remit = (date: string, amountCents: number, reference: string): Remittance => ({
  counterCode: 'FAR-CAVATORE',
  date,
  amountCents,
  reference,
  documentNo: `V-${reference}`,
});
const receipt = (date: string, number: number, kind: 'ricarica' | 'storno' = 'ricarica') => ({
  year: Number(date.slice(0, 4)),
  number,
  kind,
  date,
});

describe('receipt ranges', () => {
  it('compacts consecutive numbers, shows a gap as two runs, keeps years apart', () => {
    expect(receiptRanges([])).toEqual([]);
    expect(
      receiptRanges([
        { year: 2026, number: 3 },
        { year: 2026, number: 1 },
        { year: 2026, number: 2 },
        { year: 2026, number: 5 },
        { year: 2027, number: 1 },
        { year: 2027, number: 2 },
      ]),
    ).toEqual([
      { year: 2026, from: 1, to: 3 },
      { year: 2026, from: 5, to: 5 },
      { year: 2027, from: 1, to: 2 },
    ]);
  });
});

describe('month bounds', () => {
  it('knows February of a leap year and December', () => {
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthBounds('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('what an agent owes', () => {
  it('a pharmacy owes cash and card, a counter with the Comune POS only cash', () => {
    expect(methodsOwed('farmacia')).toEqual(['cash', 'card']);
    expect(methodsOwed('economato')).toEqual(['cash']);
    expect(methodsOwed('sportello')).toEqual(['cash']);
  });
});

describe('a month of the account (rendiconto)', () => {
  it('collected net of voids, owed, remitted, still to remit, receipt ranges; other months ignored', () => {
    const p = accountPeriod({
      from: '2026-11-01',
      to: '2026-11-30',
      lines: [
        line('2026-10-31', 'cash', 99_900),
        line('2026-11-02', 'cash', 10_000, 3),
        line('2026-11-02', 'cash', -2_000),
        line('2026-11-15', 'card', 5_000, 2),
      ],
      receipts: [
        receipt('2026-10-31', 40),
        receipt('2026-11-02', 41),
        receipt('2026-11-02', 42),
        receipt('2026-11-02', 43),
        receipt('2026-11-02', 44, 'storno'),
        receipt('2026-11-15', 45),
        receipt('2026-11-15', 46),
      ],
      remittances: [
        remit('2026-11-20', 6_000, 'Q2'),
        remit('2026-11-10', 1_500, 'Q1'),
        remit('2026-12-01', 7_000, 'Q3'),
      ],
      owed: ['cash', 'card'],
      openingCents: 1_200,
    });
    expect(p.collected).toEqual({ count: 5, grossCents: 15_000, voidCount: 1, voidedCents: 2_000, netCents: 13_000 });
    expect(p.byMethod).toEqual([
      { method: 'cash', takings: { count: 3, grossCents: 10_000, voidCount: 1, voidedCents: 2_000, netCents: 8_000 } },
      { method: 'card', takings: { count: 2, grossCents: 5_000, voidCount: 0, voidedCents: 0, netCents: 5_000 } },
    ]);
    expect(p.owedCents).toBe(13_000);
    expect(p.remittances.map((r) => r.reference)).toEqual(['Q1', 'Q2']);
    expect(p.remittedCents).toBe(7_500);
    expect(p.closingCents).toBe(1_200 + 13_000 - 7_500);
    expect(p.receipts).toEqual({ count: 6, voids: 1, ranges: [{ year: 2026, from: 41, to: 46 }] });
  });

  it('at a counter whose cards go straight to the Tesoreria only the cash is owed', () => {
    const p = accountPeriod({
      from: '2026-11-01',
      to: '2026-11-30',
      lines: [line('2026-11-02', 'cash', 10_000), line('2026-11-03', 'card', 5_000)],
      receipts: [],
      remittances: [],
      owed: ['cash'],
      openingCents: 0,
    });
    expect(p.collected.netCents).toBe(15_000);
    expect(p.owedCents).toBe(10_000);
    expect(p.closingCents).toBe(10_000);
  });
});

describe('the year (conto giudiziale, modello 21)', () => {
  it('twelve months, each opening with the last closing; totals add up; the closing carries over', () => {
    const y = yearAccount({
      year: 2026,
      lines: [
        line('2025-12-31', 'cash', 1),
        line('2026-01-10', 'cash', 10_000),
        line('2026-01-10', 'cash', -1_000),
        line('2026-03-05', 'card', 4_000),
        line('2026-12-31', 'cash', 2_500),
        line('2027-01-01', 'cash', 777),
      ],
      receipts: [
        receipt('2026-01-10', 1),
        receipt('2026-01-10', 2, 'storno'),
        receipt('2026-03-05', 3),
        receipt('2026-12-31', 4),
      ],
      remittances: [remit('2026-02-01', 9_000, 'Q-FEB'), remit('2026-12-31', 2_000, 'Q-DIC')],
      owed: ['cash'],
      openingCents: 500,
    });
    expect(y.months).toHaveLength(12);
    expect(y.months.map((m) => m.from.slice(5, 7))).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
    ]);
    for (let i = 1; i < 12; i++) expect(y.months[i]!.openingCents).toBe(y.months[i - 1]!.closingCents);
    expect(y.months[0]).toMatchObject({ openingCents: 500, owedCents: 9_000, remittedCents: 0, closingCents: 9_500 });
    expect(y.months[1]).toMatchObject({ owedCents: 0, remittedCents: 9_000, closingCents: 500 });
    expect(y.months[2]).toMatchObject({ owedCents: 0, closingCents: 500 });
    expect(y.months[2]!.collected.netCents).toBe(4_000);
    expect(y.months[11]).toMatchObject({ owedCents: 2_500, remittedCents: 2_000, closingCents: 1_000 });
    expect(y.totals).toEqual({
      collected: { count: 3, grossCents: 16_500, voidCount: 1, voidedCents: 1_000, netCents: 15_500 },
      owedCents: 11_500,
      remittedCents: 11_000,
      receipts: 4,
      voidReceipts: 1,
    });
    expect(y.closingCents).toBe(500 + 11_500 - 11_000);
    expect(y.months[0]!.receipts.ranges).toEqual([{ year: 2026, from: 1, to: 2 }]);
  });
});
