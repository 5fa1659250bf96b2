import { describe, expect, it } from 'vitest';
import { isValidTaxCode11 } from '../../../shared/taxCode11';

describe('isValidTaxCode11 (partita IVA, CF of an entity)', () => {
  it.each(['01199250158', '00085240950', '83000390019', '80003170661'])('%s is valid', (code) => {
    expect(isValidTaxCode11(code)).toBe(true);
  });

  it('tolerates spaces', () => {
    expect(isValidTaxCode11('011 992 501 58')).toBe(true);
  });

  it('refuses 12345678901 (wrong check digit)', () => {
    expect(isValidTaxCode11('12345678901')).toBe(false);
  });

  it('refuses every other last digit of a valid code', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 8) continue;
      expect(isValidTaxCode11(`0119925015${d}`)).toBe(false);
    }
  });

  it('catches every single-digit typo of a valid code, in doubled and plain positions alike', () => {
    const valid = '80003170661';
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + String(d) + valid.slice(i + 1);
        expect(isValidTaxCode11(typo), typo).toBe(false);
      }
    }
  });

  it.each(['0119925015', '011992501580', '', 'ABCDEFGHIJK', '0119925015X'])(
    'refuses %j (length or letters)',
    (code) => {
      expect(isValidTaxCode11(code)).toBe(false);
    },
  );
});
