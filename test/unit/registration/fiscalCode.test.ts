import { describe, expect, it } from 'vitest';
import { decodeFiscalCode, omocodicVariant, withCheckCharacter } from '../../../shared/codiceFiscale';

// Born in Carrara (B832) on 10 December 1985, male; the check character is computed, not copied.
const MARIO = withCheckCharacter('RSSMRA85T10B832');
// Female: day + 40; born in the United States (Z404).
const GIULIA = withCheckCharacter('BNCGLI19A41Z404');

function message(input: string): string {
  const r = decodeFiscalCode(input);
  if (r.valid) throw new Error(`${input} doveva essere rifiutato`);
  return r.message;
}

describe('decodeFiscalCode', () => {
  it('decodes birth date, sex and place of a valid code', () => {
    expect(decodeFiscalCode(MARIO)).toEqual({
      valid: true,
      person: {
        code: MARIO,
        provisional: false,
        birthDate: '1985-12-10',
        sex: 'M',
        birthPlace: { code: 'B832', name: 'Carrara' },
      },
    });
  });

  it('reads a female code born abroad', () => {
    expect(decodeFiscalCode(GIULIA)).toMatchObject({
      valid: true,
      person: { birthDate: '2019-01-01', sex: 'F', birthPlace: { code: 'Z404', name: "Stati Uniti d'America" } },
    });
  });

  it('takes what a scanner types: lower case, spaces around and inside', () => {
    const scanned = ` ${MARIO.slice(0, 6).toLowerCase()} ${MARIO.slice(6)} `;
    expect(decodeFiscalCode(scanned)).toMatchObject({ valid: true, person: { code: MARIO } });
  });

  it('decodes an omocodic code on its canonical form, keeping the code as issued', () => {
    const omocodic = omocodicVariant(MARIO, 3);
    expect(omocodic).not.toBe(MARIO);
    expect(omocodic.slice(11, 15)).not.toBe('B832');
    expect(decodeFiscalCode(omocodic)).toEqual({
      valid: true,
      person: {
        code: omocodic,
        provisional: false,
        birthDate: '1985-12-10',
        sex: 'M',
        birthPlace: { code: 'B832', name: 'Carrara' },
      },
    });
  });

  it('accepts a provisional 11-digit code, which carries no birth data', () => {
    expect(decodeFiscalCode('01199250158')).toEqual({
      valid: true,
      person: { code: '01199250158', provisional: true, birthDate: null, sex: null, birthPlace: null },
    });
  });

  it('refuses an 11-digit code with a wrong check digit, and digits of the wrong length', () => {
    expect(message('01199250159')).toMatch(/provvisorio non valido: la cifra di controllo/);
    expect(message('0119925015')).toBe('Il codice fiscale provvisorio ha 11 cifre: ne sono state inserite 10.');
  });

  it('refuses a wrong check character, naming the expected one', () => {
    const last = MARIO.at(-1)!;
    const wrong = MARIO.slice(0, 15) + (last === 'A' ? 'B' : 'A');
    expect(message(wrong)).toBe(
      `Codice fiscale non valido: il carattere di controllo è ${wrong.at(-1)!}, dovrebbe essere ${last}. Ricontrolla il codice.`,
    );
  });

  it('refuses impossible dates: 31 February, day 32, 29 February of a common year', () => {
    for (const first15 of ['RSSMRA85B31B832', 'RSSMRA85A32B832', 'RSSMRA85B29B832', 'RSSMRA85B71B832']) {
      expect(message(withCheckCharacter(first15))).toBe('Codice fiscale non valido: la data di nascita è impossibile.');
    }
    // 29 February of a leap year is a real day.
    expect(decodeFiscalCode(withCheckCharacter('RSSMRA84B29B832'))).toMatchObject({
      valid: true,
      person: { birthDate: '1984-02-29' },
    });
  });

  it('refuses a birth place that is no known comune or country', () => {
    expect(message(withCheckCharacter('RSSMRA85T10Z999'))).toBe(
      'Codice fiscale non valido: il luogo di nascita (codice Z999) non è un comune o uno stato conosciuto.',
    );
  });

  it('refuses a code of the wrong length or shape', () => {
    expect(message('RSSMRA85T10B83')).toBe('Il codice fiscale ha 16 caratteri: ne sono stati inseriti 14.');
    expect(message('RSSMRA85T1XB832W')).toMatch(/lettere e cifre non sono al loro posto/);
  });

  it('accepts foreign territories with their own Belfiore code and states that no longer exist', () => {
    const cases: [string, string][] = [
      ['Z221', 'Hong Kong'],
      ['Z360', 'Mayotte'],
      ['Z513', 'Isola della Martinica'],
      ['Z518', 'Puerto Rico'],
      ['Z520', 'Isole Vergini Americane'],
    ];
    for (const [code, name] of cases) {
      expect(decodeFiscalCode(withCheckCharacter(`CHNWEI15A01${code}`)), code).toMatchObject({
        valid: true,
        person: { birthDate: '2015-01-01', birthPlace: { code, name } },
      });
    }
    // Yugoslavia (Z118) and the Soviet Union (Z135), for people born while they existed.
    expect(decodeFiscalCode(withCheckCharacter('PTRMRK80A01Z118'))).toMatchObject({
      valid: true,
      person: { birthPlace: { code: 'Z118' } },
    });
    expect(decodeFiscalCode(withCheckCharacter('PTRMRK91L01Z135'))).toMatchObject({
      valid: true,
      person: { birthPlace: { code: 'Z135', name: 'Unione Sovietica' } },
    });
  });

  it('counts the first and the last day of a place as valid, and the days around them as not', () => {
    // Montalcino: F402 until 31/12/2016, M378 (the comune after the merger) from 01/01/2017.
    expect(decodeFiscalCode(withCheckCharacter('BNCLCU17A01M378'))).toMatchObject({
      valid: true,
      person: { birthDate: '2017-01-01', birthPlace: { code: 'M378', name: 'Montalcino' } },
    });
    expect(message(withCheckCharacter('BNCLCU16T31M378'))).toBe(
      'Codice fiscale non valido: il luogo di nascita Montalcino (codice M378) non esisteva il 31/12/2016, giorno di nascita: il codice vale dal 01/01/2017.',
    );
    expect(decodeFiscalCode(withCheckCharacter('BNCLCU16T31F402'))).toMatchObject({
      valid: true,
      person: { birthPlace: { code: 'F402', name: 'Montalcino' } },
    });
    expect(message(withCheckCharacter('BNCLCU17A01F402'))).toBe(
      'Codice fiscale non valido: il luogo di nascita Montalcino (codice F402) non esisteva il 01/01/2017, giorno di nascita: il codice vale dal 17/03/1861 al 31/12/2016.',
    );
    // The Soviet Union's code ends with 1991.
    expect(message(withCheckCharacter('PTRMRK92A01Z135'))).toMatch(
      /non esisteva il 01\/01\/1992.*fino al 31\/12\/1991/,
    );
  });
});
