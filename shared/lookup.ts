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

/**
 * What to say when a well-formed search finds nobody: what to try next, in the operator's words. A
 * pharmacy searches by Pa-Pay code only, so it is not told to try the others.
 */
export function noMatchMessage(kind: Exclude<ParsedQuery['kind'], 'invalid'>, pharmacy: boolean): string {
  switch (kind) {
    case 'papay':
      return pharmacy
        ? 'Nessun conto con questo codice Pa-Pay. Controlla le 10 cifre con il genitore: il codice è nel portale, accanto a ogni servizio.'
        : 'Nessun conto con questo codice Pa-Pay. Controlla le 10 cifre, oppure cerca per codice fiscale o per cognome.';
    case 'cf':
      return 'Nessun bambino né adulto di riferimento con questo codice fiscale. Prova a cercare per cognome e nome; se la famiglia non è iscritta, F5 apre una nuova iscrizione.';
    case 'name':
      return "Nessun bambino con questo nome. Prova con le prime lettere del solo cognome (per esempio «dang» per D'Angelo) o cerca per codice Pa-Pay o codice fiscale.";
  }
}
