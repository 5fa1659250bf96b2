import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BANKNOTES_CENTS,
  COINS_CENTS,
  DENOMINATIONS_CENTS,
  MAX_PIECES,
  countLines,
  countProblems,
  denominationLabel,
  normaliseCounts,
  sumCounts,
  type DenominationCounts,
} from '../../../shared/till/denominations';
import { closeRequirements, differenceLabel, differenceOf } from '../../../shared/till/difference';

describe('denominations', () => {
  it('are the euro banknotes 500..5 and coins 2 € .. 1 cent, in cents, largest first', () => {
    expect(BANKNOTES_CENTS).toEqual([50000, 20000, 10000, 5000, 2000, 1000, 500]);
    expect(COINS_CENTS).toEqual([200, 100, 50, 20, 10, 5, 2, 1]);
    expect([...DENOMINATIONS_CENTS].sort((a, b) => b - a)).toEqual([...DENOMINATIONS_CENTS]);
    expect(denominationLabel(50000)).toBe('500 €');
    expect(denominationLabel(200)).toBe('2 €');
    expect(denominationLabel(50)).toBe('50 cent');
  });

  it('sum a count in integer cents', () => {
    expect(sumCounts({})).toBe(0);
    expect(sumCounts({ '5000': 2, '1000': 3, '200': 4, '50': 1, '1': 7 })).toBe(10000 + 3000 + 800 + 50 + 7);
    // 3 x 10 cent is exactly 30 cents (no binary float anywhere).
    expect(sumCounts({ '10': 3 })).toBe(30);
  });

  it('sum to the dot product for any good count (property)', () => {
    const count = fc.record(
      Object.fromEntries(DENOMINATIONS_CENTS.map((d) => [String(d), fc.integer({ min: 0, max: MAX_PIECES })])),
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(count, (c) => {
        const total = sumCounts(c);
        expect(Number.isSafeInteger(total)).toBe(true);
        expect(total).toBe(Object.entries(c).reduce((s, [k, v]) => s + Number(k) * (v as number), 0));
        expect(countLines(normaliseCounts(c as DenominationCounts)).reduce((s, l) => s + l.cents, 0)).toBe(total);
      }),
    );
  });

  it('refuse negative, fractional, absurd counts and unknown denominations, in Italian', () => {
    expect(countProblems({ '500': -1 })[0]!.message).toBe('5 €: il numero di pezzi non può essere negativo.');
    expect(countProblems({ '100': 1.5 })[0]!.message).toBe('1 €: il numero di pezzi deve essere intero.');
    expect(countProblems({ '1': MAX_PIECES + 1 })[0]!.message).toMatch(/sono troppi/);
    expect(countProblems({ '300': 1 })[0]!.message).toBe('Taglio inesistente: 300 centesimi.');
    expect(countProblems({ '20': '3' })[0]!.message).toBe('20 cent: indicare un numero di pezzi.');
    expect(countProblems({ '20': Number.NaN })).toHaveLength(1);
    expect(() => sumCounts({ '500': -1 })).toThrow(RangeError);
  });

  it('keep only the lines with pieces, in denomination order', () => {
    expect(normaliseCounts({ '1': 2, '50000': 0, '500': 1 })).toEqual({ '500': 1, '1': 2 });
  });
});

describe('difference rules', () => {
  it('name a shortage ammanco and an excess eccedenza', () => {
    expect(differenceOf(9500, 10000)).toEqual({
      expectedCents: 10000,
      countedCents: 9500,
      differenceCents: -500,
      kind: 'ammanco',
    });
    expect(differenceOf(10010, 10000).kind).toBe('eccedenza');
    expect(differenceOf(10000, 10000).kind).toBe('pari');
    expect(differenceLabel(differenceOf(9500, 10000))).toBe('ammanco di € 5,00');
    expect(differenceLabel(differenceOf(10010, 10000))).toBe('eccedenza di € 0,10');
    expect(differenceLabel(differenceOf(1, 1))).toBe('pari');
    expect(() => differenceOf(0.5, 1)).toThrow(RangeError);
  });

  it('ask a note for any difference and a supervisor only above the threshold', () => {
    const even = closeRequirements([differenceOf(100, 100), differenceOf(0, 0)], 1000);
    expect(even).toEqual({ noteRequired: false, supervisorRequired: false, absoluteCents: 0 });
    const small = closeRequirements([differenceOf(99, 100)], 1000);
    expect(small).toEqual({ noteRequired: true, supervisorRequired: false, absoluteCents: 1 });
    // At the threshold exactly: a note, no supervisor; one cent above: both.
    expect(closeRequirements([differenceOf(0, 1000)], 1000).supervisorRequired).toBe(false);
    expect(closeRequirements([differenceOf(0, 1001)], 1000).supervisorRequired).toBe(true);
    // Cash short and card over do not cancel out.
    const both = closeRequirements([differenceOf(0, 600), differenceOf(600, 0)], 1000);
    expect(both).toEqual({ noteRequired: true, supervisorRequired: true, absoluteCents: 1200 });
  });
});
