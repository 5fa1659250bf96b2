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

export type BatchAction = 'start' | 'stop' | 'back';

/** What decides which keys of the yearly batch act. */
export interface BatchKeyContext {
  running: boolean;
}

/**
 * The keys of the yearly batch of attestazioni (Ctrl+Maiusc+A, front office): Invio starts it or
 * continues a stopped one, Alt+S stops it after the document under way; Esc leaves it (a batch under
 * way goes on; coming back shows it again).
 */
export const BATCH_KEYS: readonly KeyBinding<BatchKeyContext, BatchAction>[] = [
  { keys: 'Invio', action: 'start', hint: (c) => (c.running ? null : 'avvia o riprendi il lotto') },
  { keys: 'Alt+S', action: 'stop', hint: (c) => (c.running ? 'ferma (si riprende con Invio)' : null) },
  { keys: 'Esc', action: 'back', hint: () => 'torna alla ricerca' },
];
