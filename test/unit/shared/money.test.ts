import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, formatEuro, looksLikeCode, parseEuroInput } from '../../../shared/money';

describe('formatCents', () => {
  it.each([
    [0, '0,00'],
    [5, '0,05'],
    [100, '1,00'],
    [2050, '20,50'],
    [123456, '1.234,56'],
    [100000000, '1.000.000,00'],
    [-5, '-0,05'],
    [-2050, '-20,50'],
    [-123456, '-1.234,56'],
  ])('%i cents -> %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('prints a negative zero (e.g. minus an empty sum of voids) as plain zero', () => {
    expect(formatCents(-0)).toBe('0,00');
  });

  it('refuses amounts that are not whole cents', () => {
    expect(() => formatCents(12.5)).toThrow(/non intero/);
    expect(() => formatCents(Number.NaN)).toThrow(/non intero/);
  });
});

describe('formatEuro', () => {
  it('puts the euro sign before the amount', () => {
    expect(formatEuro(0)).toBe('€ 0,00');
    expect(formatEuro(2050)).toBe('€ 20,50');
    expect(formatEuro(123456)).toBe('€ 1.234,56');
    expect(formatEuro(100000000)).toBe('€ 1.000.000,00');
  });

  it('keeps the minus with the number for negatives (voids)', () => {
    expect(formatEuro(-2050)).toBe('€ -20,50');
    expect(formatEuro(-123456)).toBe('€ -1.234,56');
  });
});

describe('parseEuroInput', () => {
  it.each([
    ['20', 2000],
    ['20,5', 2050],
    ['20,50', 2050],
    ['1.234,56', 123456],
    ['1.234', 123400],
    ['20.50', 2050],
    ['€ 20', 2000],
    ['€20,50', 2050],
    ['20 €', 2000],
    ['  35  ', 3500],
    ['0', 0],
    ['12.345.678,9', 1234567890],
  ])('%j -> %i cents', (text, cents) => {
    expect(parseEuroInput(text)).toBe(cents);
  });

  it.each([
    '',
    '   ',
    'abc',
    'venti',
    '20,555',
    '20,',
    ',50',
    '-5',
    '1,234.56',
    '12.34.56',
    '20..50',
    '1.2345',
    '€',
    '20 euro',
    '99999999999999999999',
  ])('%j is unreadable -> null', (text) => {
    expect(parseEuroInput(text)).toBeNull();
  });

  it('reads back what formatCents and formatEuro print', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (cents) => {
        expect(parseEuroInput(formatCents(cents))).toBe(cents);
        expect(parseEuroInput(formatEuro(cents))).toBe(cents);
      }),
    );
  });
});

describe('looksLikeCode', () => {
  it.each([
    '0000000018',
    '1001050671',
    '301000000000000144',
    'CRSRNN14L50B832W',
    'crsrnn14l50b832w',
    '3010 0000 0000 0001 44',
  ])('%j is a scanned code, not an amount', (text) => {
    expect(looksLikeCode(text)).toBe(true);
  });

  it.each(['20', '20,50', '1.234,56', '€ 500', 'venti', '123456'])('%j is not a code', (text) => {
    expect(looksLikeCode(text)).toBe(false);
  });
});
