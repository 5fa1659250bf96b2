import { CheckDigitizer, Parser, VALIDATOR } from '@marketto/codice-fiscale-utils';
import { belfioreConnector } from '@marketto/belfiore-connector-embedded';
import { birthPlaceOn, type PlaceSpan } from './places/belfiore';
import { isValidTaxCode11 } from './taxCode11';

/**
 * Codice fiscale of a person, through @marketto/codice-fiscale-utils (MIT, typed, handles omocodia;
 * chosen over codice-fiscale-js for its licence and size). This module adds only what the counter needs:
 * one call that says, in Italian, what is wrong with what the operator typed. The place of birth is
 * read from our own list (shared/places: every comune since 1861 and every foreign state or
 * territory with the days it was valid), not the library's, which misses territories with their own
 * Belfiore code and refuses a child born on the day its comune was created.
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

/** What a codice fiscale says of a person (the contract's DecodedFiscalCode). */
export interface DecodedPerson {
  /** As typed or scanned, uppercase, without spaces (an omocodic code stays as issued). */
  code: string;
  provisional: boolean;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
  birthPlace: { code: string; name: string } | null;
}

export type FiscalCodeDecoding = { valid: true; person: DecodedPerson } | { valid: false; message: string };

function italianDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function validity(spans: PlaceSpan[]): string {
  return spans
    .map((s) => {
      if (s.from !== null && s.to !== null) return `dal ${italianDate(s.from)} al ${italianDate(s.to)}`;
      if (s.from !== null) return `dal ${italianDate(s.from)}`;
      return s.to !== null ? `fino al ${italianDate(s.to)}` : 'sempre';
    })
    .join(' e ');
}

/**
 * Decodes a codice fiscale typed or scanned (the Tessera Sanitaria barcode types it with no
 * separator, sometimes in lower case). 16 characters: checked, omocodia undone, birth date, sex
 * and place read; the place must be one that existed on the day of birth (that day included).
 * 11 digits: a provisional code (people without a definitive one), which carries no birth data.
 */
export function decodeFiscalCode(input: string): FiscalCodeDecoding {
  const text = input.replace(/\s/g, '').toUpperCase();
  if (/^\d+$/.test(text)) {
    if (text.length !== 11) {
      return {
        valid: false,
        message: `Il codice fiscale provvisorio ha 11 cifre: ne sono state inserite ${text.length}.`,
      };
    }
    if (!isValidTaxCode11(text)) {
      return {
        valid: false,
        message: 'Codice fiscale provvisorio non valido: la cifra di controllo non corrisponde. Ricontrolla il codice.',
      };
    }
    return { valid: true, person: { code: text, provisional: true, birthDate: null, sex: null, birthPlace: null } };
  }
  const check = checkFiscalCode(text);
  if (!check.valid) return check;
  const belfiore = check.canonical.slice(11, 15);
  const place = birthPlaceOn(belfiore, check.birthDate);
  if (!place.found) {
    const message =
      place.reason === 'unknown'
        ? `Codice fiscale non valido: il luogo di nascita (codice ${belfiore}) non è un comune o uno stato conosciuto.`
        : `Codice fiscale non valido: il luogo di nascita ${place.spans[0]!.name} (codice ${belfiore}) non esisteva il ${italianDate(check.birthDate)}, giorno di nascita: il codice vale ${validity(place.spans)}.`;
    return { valid: false, message };
  }
  return {
    valid: true,
    person: {
      code: check.code,
      provisional: false,
      birthDate: check.birthDate,
      sex: check.sex,
      birthPlace: { code: place.code, name: place.name },
    },
  };
}
