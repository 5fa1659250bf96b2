import { describe, expect, it } from 'vitest';
import { attestationFigures, taxYearProblem, type PaidEntry } from '../../../shared/family/attestation';
import { DEFAULT_TAX_YEARS, TaxYearRules, taxRulesOf } from '../../../shared/family/taxConfig';

const e = (day: string, kind: PaidEntry['kind'], amountCents: number, extra: Partial<PaidEntry> = {}): PaidEntry => ({
  day,
  kind,
  amountCents,
  voidsKind: null,
  payerCf: null,
  ...extra,
});

describe('attestationFigures (criterio di cassa)', () => {
  it('counts only the payments of the calendar year, by their day, traceable apart from cash', () => {
    const f = attestationFigures(
      [
        e('2024-12-31', 'topup_card', 999),
        e('2025-01-01', 'topup_cash', 1_000, { payerCf: 'A' }),
        e('2025-06-01', 'topup_pagopa', 2_000, { payerCf: 'B' }),
        e('2025-06-02', 'topup_card', 300, { payerCf: 'A' }),
        e('2025-07-01', 'meal', -480),
        e('2025-07-02', 'adjustment', 5_000),
        e('2025-12-31', 'void', -300, { voidsKind: 'topup_card' }),
        e('2026-01-01', 'topup_cash', 777),
      ],
      'refezione',
      2025,
      DEFAULT_TAX_YEARS,
    );
    expect(f).toMatchObject({
      code: '12',
      limitCents: null,
      traceableCents: 2_000,
      cashCents: 1_000,
      totalCents: 3_000,
      payerCfs: ['A', 'B'],
      none: false,
    });
  });

  it('a year whose payments were all voided is "none"; a void of a meal or an adjustment is not a payment', () => {
    const f = attestationFigures(
      [
        e('2025-02-01', 'topup_cash', 1_000),
        e('2025-02-01', 'void', -1_000, { voidsKind: 'topup_cash' }),
        e('2025-02-02', 'void', 480, { voidsKind: 'meal' }),
      ],
      'trasporto',
      2025,
      DEFAULT_TAX_YEARS,
    );
    expect(f).toMatchObject({ traceableCents: 0, cashCents: 0, none: true, code: '12' });
  });

  it('takes code and limit from the rules given, never from the code', () => {
    const rules = [
      TaxYearRules.parse({
        taxYear: 2025,
        codes: { refezione: '12', trasporto: '12', asilo_nido: '44' },
        limitCents: { '44': 1_000 },
        notes: [],
      }),
    ];
    expect(attestationFigures([], 'asilo_nido', 2025, rules)).toMatchObject({ code: '44', limitCents: 1_000 });
    expect(attestationFigures([], 'asilo_nido', 2025, DEFAULT_TAX_YEARS)).toMatchObject({
      code: '33',
      limitCents: 63_200,
    });
    expect(() => taxRulesOf(rules, 2024)).toThrow("Nessuna regola fiscale configurata per l'anno 2024");
    // An entry holds until a later one replaces it.
    const later = TaxYearRules.parse({ ...rules[0], taxYear: 2027, codes: { ...rules[0]!.codes, asilo_nido: '55' } });
    expect(taxRulesOf([...rules, later], 2026).codes.asilo_nido).toBe('44');
    expect(taxRulesOf([later, ...rules], 2030).codes.asilo_nido).toBe('55');
    expect(taxRulesOf(DEFAULT_TAX_YEARS, 2019 + 20).codes.refezione).toBe('12');
    expect(() => taxRulesOf(DEFAULT_TAX_YEARS, 2019)).toThrow("l'anno 2019");
    expect(() => TaxYearRules.parse({ taxYear: 2025, codes: {}, limitCents: {}, notes: [], extra: 1 })).toThrow();
  });
});

describe('taxYearProblem (on the injected day)', () => {
  it('accepts past years and the current one, refuses the future and nonsense in Italian', () => {
    expect(taxYearProblem(2025, '2026-12-04')).toBeNull();
    expect(taxYearProblem(2026, '2026-12-04')).toBeNull();
    expect(taxYearProblem(2027, '2026-12-04')).toBe(
      "L'anno d'imposta 2027 non è ancora iniziato: indicare un anno fino al 2026.",
    );
    expect(taxYearProblem(1999, '2026-12-04')).toBe("Anno d'imposta non valido: 1999.");
    expect(taxYearProblem(2025.5, '2026-12-04')).toBe("Anno d'imposta non valido: 2025.5.");
  });
});
