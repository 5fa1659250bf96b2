import { CheckDigitizer, Parser, VALIDATOR } from '@marketto/codice-fiscale-utils';
import { belfioreConnector } from '@marketto/belfiore-connector-embedded';

/**
 * Codice fiscale of a person, through @marketto/codice-fiscale-utils (MIT, typed, handles omocodia;
 * chosen over codice-fiscale-js for its licence and size). This module adds only what the counter needs:
 * one call that says, in Italian, what is wrong with what the operator typed.
 */

// Letters and digits in their places (omocodic digits included), before any meaning is checked.
const SYNTAX = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
// The library's full matcher also rejects impossible dates (31 February, day 32, 29 February off leap years).
const WITH_VALID_DATE = new RegExp(`^${VALIDATOR.CODICE_FISCALE}$`);
const parser = new Parser(belfioreConnector);

export type FiscalCodeCheck =
  | {
      valid: true;
      /** As typed, uppercase, without spaces. */
      code: string;
      /** Omocodia undone: every variant of one person has the same canonical code. */
      canonical: string;
      birthDate: string;
      sex: 'M' | 'F';
      omocodic: boolean;
    }
  | { valid: false; message: string };

/** True when the text has the shape of a personal codice fiscale (16 letters and digits). */
export function looksLikeFiscalCode(input: string): boolean {
  const text = input.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z0-9]{16}$/.test(text) || !/^[A-Z]{6}/.test(text)) return false;
  // 16 letters without a digit are a name ("Ferrari Francesca") unless they are a fully omocodic code.
  return /\d/.test(text) || SYNTAX.test(text);
}

export function checkFiscalCode(input: string): FiscalCodeCheck {
  const code = input.replace(/\s/g, '').toUpperCase();
  if (code.length !== 16) {
    return { valid: false, message: `Il codice fiscale ha 16 caratteri: ne sono stati inseriti ${code.length}.` };
  }
  if (!SYNTAX.test(code)) {
    return { valid: false, message: 'Codice fiscale non valido: lettere e cifre non sono al loro posto.' };
  }
  if (!WITH_VALID_DATE.test(code)) {
    return { valid: false, message: 'Codice fiscale non valido: la data di nascita è impossibile.' };
  }
  const expected = CheckDigitizer.checkDigit(code.slice(0, 15));
  if (expected !== code[15]) {
    return {
      valid: false,
      message: `Codice fiscale non valido: il carattere di controllo è ${code[15]}, dovrebbe essere ${expected}. Ricontrolla il codice.`,
    };
  }
  const canonical = parser.cfDeomocode(code);
  const date = parser.cfToBirthDate(code);
  const sex = parser.cfToGender(code);
  if (!date || !sex) return { valid: false, message: 'Codice fiscale non valido: data o sesso illeggibili.' };
  return {
    valid: true,
    code,
    canonical,
    birthDate: date.toISOString().slice(0, 10),
    sex,
    omocodic: canonical !== code,
  };
}

/** The omocodic variant number `level` (1..127) of a valid code: used by the demo data and tests. */
export function omocodicVariant(code: string, level: number): string {
  return parser.cfOmocode(code, level);
}

/** Builds a valid code from its 15 first characters. */
export function withCheckCharacter(first15: string): string {
  const c = CheckDigitizer.checkDigit(first15);
  if (!c) throw new Error(`impossibile calcolare il carattere di controllo di ${first15}`);
  return first15 + c;
}
