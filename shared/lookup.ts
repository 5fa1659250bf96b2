import { checkFiscalCode, looksLikeFiscalCode } from './codiceFiscale';
import { checkPapayCode, looksLikePapay } from './papay';

/**
 * What an operator typed in the search field, read once: a Pa-Pay code, a codice fiscale or a name.
 * A well-formed query that matches nobody is not an error; a malformed code is, with a message
 * that says what is wrong.
 */
export type ParsedQuery =
  | { kind: 'papay'; code: string }
  | { kind: 'cf'; code: string; canonical: string }
  | { kind: 'name'; words: string[] }
  | { kind: 'invalid'; message: string };

const MIN_NAME_CHARS = 2;

export function parseQuery(raw: string): ParsedQuery {
  const text = raw.trim();
  if (text === '') return { kind: 'invalid', message: 'Scrivi un codice Pa-Pay, un codice fiscale o un cognome.' };
  if (looksLikePapay(text)) {
    const check = checkPapayCode(text);
    return check.valid ? { kind: 'papay', code: check.code } : { kind: 'invalid', message: check.message };
  }
  if (looksLikeFiscalCode(text)) {
    const check = checkFiscalCode(text);
    return check.valid
      ? { kind: 'cf', code: check.code, canonical: check.canonical }
      : { kind: 'invalid', message: check.message };
  }
  // Names: letters of any script with their accents; apostrophes, dashes and spaces separate words.
  const words = text
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
  if (words.some((w) => /\d/.test(w))) {
    return {
      kind: 'invalid',
      message:
        'Testo non riconosciuto: un codice Pa-Pay ha 10 cifre, un codice fiscale 16 caratteri, un nome solo lettere.',
    };
  }
  if (words.join('').length < MIN_NAME_CHARS) {
    return { kind: 'invalid', message: `Scrivi almeno ${MIN_NAME_CHARS} lettere del cognome o del nome.` };
  }
  return { kind: 'name', words };
}
