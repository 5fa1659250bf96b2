import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildNav3,
  checkDigits93,
  formatNavGroups,
  isValidNav,
  iuvOfNav,
  normalizeNav,
} from '../../../shared/pagopa/nav';

describe('checkDigits93', () => {
  it('is the number mod 93 on two digits (worked example of pagopa.md)', () => {
    expect(checkDigits93('3010000000012345')).toBe('19');
  });
  it('pads a small remainder with a zero', () => {
    expect(checkDigits93('93')).toBe('00');
    expect(checkDigits93('100')).toBe('07');
  });
  it('works beyond the safe integers (16 digits and more)', () => {
    expect(checkDigits93('9999999999999999')).toBe((9999999999999999n % 93n).toString().padStart(2, '0'));
    expect(checkDigits93('9999999999999999')).toBe('09');
  });
  it('refuses what is not digits', () => {
    expect(() => checkDigits93('30a1')).toThrow();
    expect(() => checkDigits93('')).toThrow();
  });
});

describe('buildNav3', () => {
  it('builds the worked example: SS 01, base 0000000012345', () => {
    expect(buildNav3('01', '0000000012345')).toEqual({ nav: '301000000001234519', iuv: '01000000001234519' });
  });
  it('refuses a bad segregation code or base', () => {
    expect(() => buildNav3('1', '0000000012345')).toThrow(/segregazione/);
    expect(() => buildNav3('01', '000000001234')).toThrow(/base/);
    expect(() => buildNav3('01', '00000000123456')).toThrow(/base/);
  });
  it('always yields a valid 18-digit NAV starting with 3 + segregation code', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2}$/), fc.stringMatching(/^\d{13}$/), (ss, base) => {
        const { nav, iuv } = buildNav3(ss, base);
        expect(nav).toMatch(/^\d{18}$/);
        expect(nav.startsWith(`3${ss}${base}`)).toBe(true);
        expect(iuv).toBe(nav.slice(1));
        expect(isValidNav(nav)).toBe(true);
      }),
    );
  });
});

describe('isValidNav', () => {
  it.each([
    '301000000001234519',
    '300715700000000032',
    '301188340000064356',
    '001340000013900808',
    '001202500000012313',
  ])('accepts the worked example %s', (nav) => {
    expect(isValidNav(nav)).toBe(true);
  });
  it('aux 0: AA 01 + base 2025000000123 -> check digits 13', () => {
    expect(checkDigits93('0012025000000123')).toBe('13');
  });
  it('accepts aux 1 (no check digits) and aux 2', () => {
    expect(isValidNav('112345678901234567')).toBe(true);
    const body = '2123456789012345';
    expect(isValidNav(body + checkDigits93(body))).toBe(true);
  });
  it('refuses a wrong check digit, a wrong length, letters and aux 4-9', () => {
    expect(isValidNav('301000000001234518')).toBe(false);
    expect(isValidNav('30100000000123451')).toBe(false);
    expect(isValidNav('3010000000012345190')).toBe(false);
    expect(isValidNav('30100000000123451A')).toBe(false);
    expect(isValidNav('401000000001234519')).toBe(false);
  });
  it('catches every single-digit change of a valid aux-3 NAV', () => {
    const nav = '301000000001234519';
    for (let i = 1; i < 18; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = nav.slice(0, i) + String(d) + nav.slice(i + 1);
        if (changed !== nav) expect(isValidNav(changed), changed).toBe(false);
      }
    }
  });
});

describe('normalizeNav and formatNavGroups', () => {
  it('prints the NAV in groups of four', () => {
    // pagopa.md shows "3010 0000 0000 1234 19" next to this NAV, but those are other digits
    // (301000000000123419): the NAV of the worked example groups as below.
    expect(formatNavGroups('301000000001234519')).toBe('3010 0000 0001 2345 19');
    expect(formatNavGroups('300715700000000032')).toBe('3007 1570 0000 0000 32');
  });
  it('reads back what is printed, with spaces, dots or dashes', () => {
    expect(normalizeNav('3010 0000 0001 2345 19')).toBe('301000000001234519');
    expect(normalizeNav(' 3010-0000-0001-2345-19 ')).toBe('301000000001234519');
    expect(normalizeNav('3010.0000.0001.2345.19')).toBe('301000000001234519');
    expect(normalizeNav('3010 0000 0001 2345 18')).toBeNull();
    expect(normalizeNav('PAGOPA')).toBeNull();
  });
  it('gives the IUV of a NAV (aux 0 drops the application code)', () => {
    expect(iuvOfNav('301000000001234519')).toBe('01000000001234519');
    expect(iuvOfNav('001202500000012313')).toBe('202500000012313');
    expect(() => iuvOfNav('301000000001234518')).toThrow();
  });
});

describe('the codici avviso written in the comments of nav.ts', () => {
  it('are valid ones, so a reader who copies an example copies a real codice avviso', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../../shared/pagopa/nav.ts'), 'utf8');
    const examples = [...source.matchAll(/"(\d{4}(?: \d{4}){3} \d{2})"/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(normalizeNav(example), example).not.toBeNull();
  });
});
