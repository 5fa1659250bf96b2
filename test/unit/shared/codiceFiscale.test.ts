import { describe, expect, it } from 'vitest';
import {
  checkFiscalCode,
  looksLikeFiscalCode,
  omocodicVariant,
  withCheckCharacter,
} from '../../../shared/codiceFiscale';

const MARIO = 'RSSMRA72L09H501S';

function invalidMessage(code: string): string {
  const result = checkFiscalCode(code);
  if (result.valid) throw new Error(`${code} should be invalid`);
  return result.message;
}

describe('checkFiscalCode', () => {
  it('accepts the worked example RSSMRA72L09H501S and reads date and sex', () => {
    expect(checkFiscalCode(MARIO)).toEqual({
      valid: true,
      code: MARIO,
      canonical: MARIO,
      birthDate: '1972-07-09',
      sex: 'M',
      omocodic: false,
    });
  });

  it('reads lower case and spaces as the operator meant them', () => {
    const result = checkFiscalCode(' rssmra72l09 h501s ');
    expect(result.valid && result.code).toBe(MARIO);
  });

  it('says which check character is expected when it is wrong', () => {
    expect(invalidMessage('RSSMRA72L09H501A')).toBe(
      'Codice fiscale non valido: il carattere di controllo è A, dovrebbe essere S. Ricontrolla il codice.',
    );
  });

  it('refuses the pagoPA documentation sample RSSMRA60D20F205R (its check character is wrong)', () => {
    const message = invalidMessage('RSSMRA60D20F205R');
    expect(message).toContain('carattere di controllo è R');
    const expected = /dovrebbe essere ([A-Z])/.exec(message)?.[1];
    expect(expected).toBeDefined();
    expect(expected).not.toBe('R');
    // The character it suggests is indeed the right one.
    expect(checkFiscalCode(`RSSMRA60D20F205${expected}`).valid).toBe(true);
  });

  it.each([
    ['15 characters', 'RSSMRA72L09H501', 15],
    ['17 characters', 'RSSMRA72L09H501SX', 17],
    ['empty', '', 0],
  ])('refuses a wrong length (%s) and says how many were typed', (_label, code, typed) => {
    expect(invalidMessage(code)).toBe(`Il codice fiscale ha 16 caratteri: ne sono stati inseriti ${typed}.`);
  });

  it('refuses letters and digits out of place', () => {
    expect(invalidMessage('RSSMRA72X09H501S')).toContain('non sono al loro posto');
    expect(invalidMessage('1SSMRA72L09H501S')).toContain('non sono al loro posto');
  });

  describe('impossible birth dates, even with a correct check character', () => {
    it('31 February (month B)', () => {
      const code = withCheckCharacter('RSSMRA72B31H501');
      expect(invalidMessage(code)).toContain('data di nascita è impossibile');
    });

    it('day 32', () => {
      expect(invalidMessage(withCheckCharacter('RSSMRA72L32H501'))).toContain('data di nascita è impossibile');
    });

    it('day 00', () => {
      expect(invalidMessage(withCheckCharacter('RSSMRA72L00H501'))).toContain('data di nascita è impossibile');
    });

    it('29 February only in a leap year', () => {
      expect(invalidMessage(withCheckCharacter('RSSMRA73B29H501'))).toContain('data di nascita è impossibile');
      const leap = checkFiscalCode(withCheckCharacter('RSSMRA72B29H501'));
      expect(leap.valid && leap.birthDate).toBe('1972-02-29');
    });

    it('for women too: day 71 of February (31 + 40) and day 69 of February 1973', () => {
      expect(invalidMessage(withCheckCharacter('RSSMRA72B71H501'))).toContain('data di nascita è impossibile');
      expect(invalidMessage(withCheckCharacter('RSSMRA73B69H501'))).toContain('data di nascita è impossibile');
    });

    it('hidden behind omocodia (31 February with the day written 3M)', () => {
      expect(invalidMessage(withCheckCharacter('RSSMRA72B3MH501'))).toContain('data di nascita è impossibile');
    });
  });

  it('reads a woman: day + 40', () => {
    const result = checkFiscalCode(withCheckCharacter('RSSMRA72L49H501'));
    expect(result).toMatchObject({ valid: true, birthDate: '1972-07-09', sex: 'F' });
    const lastDay = checkFiscalCode(withCheckCharacter('RSSMRA72L71H501'));
    expect(lastDay).toMatchObject({ valid: true, birthDate: '1972-07-31', sex: 'F' });
  });

  it('reads a child born in Carrara (B832) in this century', () => {
    const result = checkFiscalCode(withCheckCharacter('DLLZOE18C49B832'));
    expect(result).toMatchObject({ valid: true, birthDate: '2018-03-09', sex: 'F' });
  });
});

describe('omocodia', () => {
  it('levels 1..7 are distinct valid codes with the same canonical code, date and sex', () => {
    const variants = [1, 2, 3, 4, 5, 6, 7].map((level) => omocodicVariant(MARIO, level));
    expect(new Set([MARIO, ...variants]).size).toBe(8);
    for (const variant of variants) {
      expect(checkFiscalCode(variant), variant).toEqual({
        valid: true,
        code: variant,
        canonical: MARIO,
        birthDate: '1972-07-09',
        sex: 'M',
        omocodic: true,
      });
    }
  });

  it('every level 1..127 is valid and reads back to the same person', () => {
    for (let level = 1; level <= 127; level++) {
      const result = checkFiscalCode(omocodicVariant(MARIO, level));
      expect(result.valid && result.canonical, `level ${level}`).toBe(MARIO);
    }
  });

  it('level 1 replaces the rightmost digit (1 -> M) and recomputes the check character', () => {
    expect(omocodicVariant(MARIO, 1)).toBe('RSSMRA72L09H50MK');
  });

  it('the fully omocodic variant (level 127, no digits left) is still the same person', () => {
    const full = omocodicVariant(MARIO, 127);
    expect(full).toMatch(/^[A-Z]{16}$/);
    const result = checkFiscalCode(full);
    expect(result.valid && result.canonical).toBe(MARIO);
  });

  it('a wrong check character on a variant is still caught', () => {
    const variant = omocodicVariant(MARIO, 3);
    const wrong = variant.slice(0, 15) + (variant[15] === 'A' ? 'B' : 'A');
    expect(invalidMessage(wrong)).toContain('carattere di controllo');
  });
});

describe('withCheckCharacter', () => {
  it('completes the worked example', () => {
    expect(withCheckCharacter('RSSMRA72L09H501')).toBe(MARIO);
  });
});

describe('looksLikeFiscalCode', () => {
  it('recognises codes, also typed in lower case, with spaces, or fully omocodic', () => {
    expect(looksLikeFiscalCode(MARIO)).toBe(true);
    expect(looksLikeFiscalCode('rssmra72l09h501s')).toBe(true);
    expect(looksLikeFiscalCode('RSSMRA 72L09 H501S')).toBe(true);
    expect(looksLikeFiscalCode(omocodicVariant(MARIO, 127))).toBe(true);
  });

  it('does not take a 16-letter name for a code ("Ferrari Francesca", "Castelfranchetti")', () => {
    expect(looksLikeFiscalCode('Ferrari Francesca')).toBe(false);
    expect(looksLikeFiscalCode('Castelfranchetti')).toBe(false);
  });

  it('does not take 10 digits or a short word for a code', () => {
    expect(looksLikeFiscalCode('1234567897')).toBe(false);
    expect(looksLikeFiscalCode('Rossi')).toBe(false);
  });
});
