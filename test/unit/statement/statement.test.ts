import { describe, expect, it } from 'vitest';
import {
  buildStatement,
  dataAsOfText,
  describeMovement,
  schoolYearStart,
  statementPeriod,
  type StatementMovement,
} from '../../../shared/statement/statement';

const base = {
  counterCode: null,
  atPharmacy: false,
  receiptNo: null,
  nav: null,
  voidsReceiptNo: null,
};
const mv = (
  id: string,
  day: string,
  kind: StatementMovement['kind'],
  amountCents: number,
  extra = {},
): StatementMovement => ({
  ...base,
  id,
  day,
  at: `${day}T10:00:00.000Z`,
  kind,
  amountCents,
  ...extra,
});

describe('school year and period', () => {
  it('starts the school year on 1 September, before and after New Year', () => {
    expect(schoolYearStart('2026-11-28')).toBe('2026-09-01');
    expect(schoolYearStart('2027-03-02')).toBe('2026-09-01');
    expect(schoolYearStart('2026-09-01')).toBe('2026-09-01');
    expect(schoolYearStart('2026-08-31')).toBe('2025-09-01');
  });
  it('defaults to the school year so far', () => {
    expect(statementPeriod('2027-01-15')).toEqual({ from: '2026-09-01', to: '2027-01-15' });
    expect(statementPeriod('2027-01-15', '2026-10-01', '2026-10-31')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });
  it('refuses a period backwards or in the future, in Italian', () => {
    expect(() => statementPeriod('2027-01-15', '2026-11-01', '2026-10-01')).toThrow(
      'Periodo al contrario: la data iniziale (01/11/2026) viene dopo quella finale (01/10/2026).',
    );
    expect(() => statementPeriod('2027-01-15', undefined, '2027-01-16')).toThrow(
      'Il periodo non può finire nel futuro: oggi è il 15/01/2027, la data finale è il 16/01/2027.',
    );
  });
});

describe('estratto conto arithmetic', () => {
  const movements = [
    mv('a', '2026-09-20', 'topup_cash', 5_000, { counterCode: 'SE1', receiptNo: 'SE1/2026/000007' }),
    mv('b', '2026-10-01', 'meal', -480),
    mv('c', '2026-10-02', 'meal', -480),
    mv('d', '2026-10-03', 'topup_card', 2_000, {
      counterCode: 'FAR-CAVATORE',
      atPharmacy: true,
      receiptNo: 'FAR-CAVATORE/2026/000002',
    }),
    mv('e', '2026-10-03', 'void', -2_000, {
      counterCode: 'FAR-CAVATORE',
      voidsReceiptNo: 'FAR-CAVATORE/2026/000002',
      receiptNo: 'FAR-CAVATORE/2026/000003',
    }),
    mv('f', '2026-10-10', 'topup_pagopa', 3_000, { nav: '301000000000000123' }),
    mv('g', '2026-10-11', 'adjustment', 150),
    mv('h', '2026-11-05', 'meal', -480),
    mv('i', '2026-11-06', 'topup_pagopa', 1_000),
  ];
  it('runs the balance from the opening to a closing that is the account balance today', () => {
    const s = buildStatement(10_000, movements, '2026-10-01', '2026-11-30');
    const moved = -480 - 480 + 2_000 - 2_000 + 3_000 + 150 - 480 + 1_000;
    expect(s.closingCents).toBe(10_000);
    expect(s.openingCents).toBe(10_000 - moved);
    expect(s.lines.map((l) => l.id)).toEqual(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect(s.lines.at(-1)!.balanceCents).toBe(s.closingCents);
    expect(s.lines[0]!.balanceCents).toBe(s.openingCents - 480);
    expect(s.totals).toEqual({
      meals: 3,
      mealsCents: -1_440,
      paidCents: 6_000,
      voidsCents: -2_000,
      adjustmentsCents: 150,
    });
  });
  it('takes the movements after the period off the balance to find its closing', () => {
    const s = buildStatement(10_000, movements, '2026-10-01', '2026-10-31');
    expect(s.closingCents).toBe(10_000 - (-480 + 1_000));
    expect(s.lines.map((l) => l.id)).toEqual(['b', 'c', 'd', 'e', 'f', 'g']);
  });
  it('an empty period has opening equal to closing', () => {
    const s = buildStatement(7_700, movements, '2026-12-01', '2026-12-31');
    expect(s).toMatchObject({ openingCents: 7_700, closingCents: 7_700, lines: [] });
  });
  it('says where and how each payment was made', () => {
    const s = buildStatement(0, movements, '2026-09-01', '2026-12-31');
    expect(s.lines.map((l) => [l.channel, l.description])).toEqual([
      ['sportello', 'Ricarica allo sportello SE1 in contanti, ricevuta SE1/2026/000007'],
      ['mensa', 'Pasto del 01/10/2026'],
      ['mensa', 'Pasto del 02/10/2026'],
      ['farmacia', 'Ricarica in farmacia FAR-CAVATORE con bancomat/carta, ricevuta FAR-CAVATORE/2026/000002'],
      ['storno', 'Storno della ricevuta FAR-CAVATORE/2026/000002, ricevuta FAR-CAVATORE/2026/000003'],
      ['pagopa', 'Pagamento pagoPA, codice avviso 301000000000000123'],
      ['rettifica', 'Rettifica del servizio'],
      ['mensa', 'Pasto del 05/11/2026'],
      ['portale', 'Pagamento dal portale genitori (pagoPA)'],
    ]);
    expect(describeMovement(mv('x', '2026-10-01', 'void', -100))).toBe('Storno');
  });
});

describe('dataAsOfText', () => {
  it('says when the data came from the central service, in Rome time, or that it never did', () => {
    expect(dataAsOfText('2026-12-20T17:30:00.000Z')).toBe(
      'dati al 20/12/2026 18:30 (ultima sincronizzazione con il servizio centrale)',
    );
    expect(dataAsOfText('2026-07-31T22:10:00.000Z')).toBe(
      'dati al 01/08/2026 00:10 (ultima sincronizzazione con il servizio centrale)',
    );
    expect(dataAsOfText(null)).toBe('dati non ancora sincronizzati con il servizio centrale');
  });
});
