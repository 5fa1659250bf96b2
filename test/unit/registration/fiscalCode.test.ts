import { describe, expect, it } from 'vitest';
import { decodeFiscalCode, omocodicVariant, withCheckCharacter } from '../../../shared/codiceFiscale';

// Born in Carrara (B832) on 10 December 1985, male; the check character is computed, not copied.
const MARIO = withCheckCharacter('RSSMRA85T10B832');
// Female: day + 40; born in the United States (Z404).
const GIULIA = withCheckCharacter('BNCGLI19A41Z404');

async function message(input: string): Promise<string> {
  const r = await decodeFiscalCode(input);
  if (r.valid) throw new Error(`${input} doveva essere rifiutato`);
  return r.message;
}

describe('decodeFiscalCode', () => {
  it('decodes birth date, sex and place of a valid code', async () => {
    expect(await decodeFiscalCode(MARIO)).toEqual({
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

  it('reads a female code born abroad', async () => {
    expect(await decodeFiscalCode(GIULIA)).toMatchObject({
      valid: true,
      person: { birthDate: '2019-01-01', sex: 'F', birthPlace: { code: 'Z404', name: "Stati Uniti d'America" } },
    });
  });

  it('takes what a scanner types: lower case, spaces around and inside', async () => {
    const scanned = ` ${MARIO.slice(0, 6).toLowerCase()} ${MARIO.slice(6)} `;
    expect(await decodeFiscalCode(scanned)).toMatchObject({ valid: true, person: { code: MARIO } });
  });

  it('decodes an omocodic code on its canonical form, keeping the code as issued', async () => {
    const omocodic = omocodicVariant(MARIO, 3);
    expect(omocodic).not.toBe(MARIO);
    expect(omocodic.slice(11, 15)).not.toBe('B832');
    expect(await decodeFiscalCode(omocodic)).toEqual({
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

  it('accepts a provisional 11-digit code, which carries no birth data', async () => {
    expect(await decodeFiscalCode('01199250158')).toEqual({
      valid: true,
      person: { code: '01199250158', provisional: true, birthDate: null, sex: null, birthPlace: null },
    });
  });

  it('refuses an 11-digit code with a wrong check digit, and digits of the wrong length', async () => {
    expect(await message('01199250159')).toMatch(/provvisorio non valido: la cifra di controllo/);
    expect(await message('0119925015')).toBe('Il codice fiscale provvisorio ha 11 cifre: ne sono state inserite 10.');
  });

  it('refuses a wrong check character, naming the expected one', async () => {
    const last = MARIO.at(-1)!;
    const wrong = MARIO.slice(0, 15) + (last === 'A' ? 'B' : 'A');
    expect(await message(wrong)).toBe(
      `Codice fiscale non valido: il carattere di controllo è ${wrong.at(-1)!}, dovrebbe essere ${last}. Ricontrolla il codice.`,
    );
  });

  it('refuses impossible dates: 31 February, day 32, 29 February of a common year', async () => {
    for (const first15 of ['RSSMRA85B31B832', 'RSSMRA85A32B832', 'RSSMRA85B29B832', 'RSSMRA85B71B832']) {
      expect(await message(withCheckCharacter(first15))).toBe(
        'Codice fiscale non valido: la data di nascita è impossibile.',
      );
    }
    // 29 February of a leap year is a real day.
    expect(await decodeFiscalCode(withCheckCharacter('RSSMRA84B29B832'))).toMatchObject({
      valid: true,
      person: { birthDate: '1984-02-29' },
    });
  });

  it('refuses a birth place that is no known comune or country', async () => {
    expect(await message(withCheckCharacter('RSSMRA85T10Z999'))).toBe(
      'Codice fiscale non valido: il luogo di nascita (codice Z999) non è un comune o uno stato conosciuto.',
    );
  });

  it('refuses a code of the wrong length or shape', async () => {
    expect(await message('RSSMRA85T10B83')).toBe('Il codice fiscale ha 16 caratteri: ne sono stati inseriti 14.');
    expect(await message('RSSMRA85T1XB832W')).toMatch(/lettere e cifre non sono al loro posto/);
  });
});
