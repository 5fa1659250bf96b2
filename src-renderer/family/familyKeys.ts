import type { KeyBinding } from '../ui/keymap';

/** What decides which keys of the estratto conto act. */
export interface StatementKeyContext {
  /** The full statement (front office); at a pharmacy only the last movements are printed. */
  frontOffice: boolean;
  /** The statement of the period is on screen. */
  loaded: boolean;
}

export type StatementAction = 'reload' | 'pdf' | 'printShort' | 'close';

/**
 * The keys of the estratto conto (Alt+E on an open account). Alt and a letter, as the other dialogs'
 * choices, so a code read by the scanner never prints anything.
 */
export const STATEMENT_KEYS: readonly KeyBinding<StatementKeyContext, StatementAction>[] = [
  { keys: 'Invio', action: 'reload', hint: (c) => (c.frontOffice ? 'mostra il periodo' : null) },
  { keys: 'Alt+D', action: 'pdf', hint: (c) => (c.frontOffice && c.loaded ? 'salva PDF A4' : null) },
  { keys: 'Alt+U', action: 'printShort', hint: () => 'stampa ultimi movimenti' },
  { keys: 'Esc', action: 'close', hint: () => 'chiudi' },
];

export type AttestationAction = 'issue' | 'close';

/** The keys of the attestazione per il 730 (Alt+T on an open account, front office). */
export const ATTESTATION_KEYS: readonly KeyBinding<unknown, AttestationAction>[] = [
  { keys: 'Invio', action: 'issue', hint: () => 'rilascia (PDF A4)' },
  { keys: 'Esc', action: 'close', hint: () => 'chiudi' },
];
