import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAPAY_LENGTH, checkPapayCode, luhnCheckDigit, makePapayCode } from '../../../shared/papay';

const serial = fc.integer({ min: 0, max: 999_999_999 });

/** Every code that differs from `code` in exactly one digit. */
function singleDigitTypos(code: string): string[] {
  const typos: string[] = [];
  for (let i = 0; i < code.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== code[i]) typos.push(code.slice(0, i) + String(d) + code.slice(i + 1));
    }
  }
  return typos;
}

describe('Luhn check digit', () => {
  it('matches the textbook example 7992739871 -> 3', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });
});

describe('makePapayCode', () => {
  it('pads the serial to 9 digits and appends the Luhn digit', () => {
    expect(makePapayCode(0)).toBe('0000000000');
    expect(makePapayCode(123456789)).toBe('1234567897');
    expect(makePapayCode(42)).toBe('0000000422');
  });

  it('refuses serials outside 0..999999999', () => {
    expect(() => makePapayCode(-1)).toThrow();
    expect(() => makePapayCode(1_000_000_000)).toThrow();
    expect(() => makePapayCode(1.5)).toThrow();
  });
});

describe('checkPapayCode', () => {
  it('accepts a valid code, also with the spaces and dashes a scanner or a parent may add', () => {
    expect(checkPapayCode('1234567897')).toEqual({ valid: true, code: '1234567897' });
    expect(checkPapayCode(' 12345-67897 ')).toEqual({ valid: true, code: '1234567897' });
    expect(checkPapayCode('123 456 7897')).toEqual({ valid: true, code: '1234567897' });
  });

  it('catches every single-digit typo of a valid code', () => {
    const typos = singleDigitTypos('1234567897');
    expect(typos).toHaveLength(90);
    for (const typo of typos) {
      const result = checkPapayCode(typo);
      expect(result.valid, typo).toBe(false);
      if (!result.valid) expect(result.message).toMatch(/cifra di controllo/);
    }
  });

  it('says how many digits were typed when the length is wrong', () => {
    const short = checkPapayCode('123456789');
    expect(short).toEqual({ valid: false, message: 'Il codice Pa-Pay ha 10 cifre: ne sono state inserite 9.' });
    const long = checkPapayCode('12345678970');
    expect(long.valid).toBe(false);
    if (!long.valid) expect(long.message).toContain('inserite 11');
  });

  it('refuses letters', () => {
    const result = checkPapayCode('12345A7897');
    expect(result).toEqual({ valid: false, message: 'Il codice Pa-Pay contiene solo cifre.' });
    expect(checkPapayCode('').valid).toBe(false);
  });

  it('property: every code made by makePapayCode validates and has 10 digits', () => {
    fc.assert(
      fc.property(serial, (s) => {
        const code = makePapayCode(s);
        expect(code).toMatch(new RegExp(`^\\d{${PAPAY_LENGTH}}$`));
        expect(checkPapayCode(code)).toEqual({ valid: true, code });
      }),
    );
  });

  it('property: changing any one digit invalidates the code', () => {
    fc.assert(
      fc.property(
        serial,
        fc.integer({ min: 0, max: PAPAY_LENGTH - 1 }),
        fc.integer({ min: 1, max: 9 }),
        (s, position, shift) => {
          const code = makePapayCode(s);
          const changed = String((Number(code[position]) + shift) % 10);
          const typo = code.slice(0, position) + changed + code.slice(position + 1);
          expect(typo).not.toBe(code);
          expect(checkPapayCode(typo).valid).toBe(false);
        },
      ),
    );
  });
});
