import { describe, expect, it } from 'vitest';
import { checkFiscalCode } from '../../../shared/codiceFiscale';
import { computeFiscalCode } from '../../../seeds/fiscalCode';

describe('computeFiscalCode', () => {
  it('builds the well-known example code of Mario Rossi', () => {
    // Mario Rossi, born in Rome (H501) on 1 January 1980: RSSMRA80A01H501U.
    expect(
      computeFiscalCode({ surname: 'Rossi', name: 'Mario', birthDate: '1980-01-01', sex: 'M', birthPlace: 'H501' }),
    ).toBe('RSSMRA80A01H501U');
  });

  it('takes the 1st, 3rd and 4th consonant of a name with four or more', () => {
    const cf = computeFiscalCode({
      surname: 'Bianchi',
      name: 'Gianluca',
      birthDate: '1985-07-15',
      sex: 'M',
      birthPlace: 'B832',
    });
    expect(cf.slice(0, 6)).toBe('BNCGLC');
  });

  it('drops accents and apostrophes and adds 40 to the day of women', () => {
    const cf = computeFiscalCode({
      surname: "Dell'Amico",
      name: 'Zoe',
      birthDate: '2018-03-09',
      sex: 'F',
      birthPlace: 'B832',
    });
    expect(cf.slice(0, 11)).toBe('DLLZOE18C49');
    const check = checkFiscalCode(cf);
    expect(check.valid && check.birthDate).toBe('2018-03-09');
    expect(check.valid && check.sex).toBe('F');
  });

  it('pads short surnames with X and reads accents as plain vowels', () => {
    const cf = computeFiscalCode({ surname: 'Bo', name: 'Noè', birthDate: '2016-12-31', sex: 'M', birthPlace: 'Z100' });
    expect(cf.slice(0, 6)).toBe('BOXNOE');
    expect(checkFiscalCode(cf).valid).toBe(true);
  });
});
