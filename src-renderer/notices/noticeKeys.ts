import { resolveKey, type KeyBinding, type KeyPress } from '../ui/keymap';

export type NoticeAction = 'reprint' | 'thermal' | 'cancel';

/** Reprinting the A4 and cancelling are the front office's (the notice carries the codice fiscale). */
export interface NoticeKeyContext {
  frontOffice: boolean;
}

const frontOfficeOnly = (label: string) => (c: NoticeKeyContext) => (c.frontOffice ? label : null);

/**
 * The keys of the notices view, the same in the list and in the detail. No action is a letter: a
 * codice fiscale read by the scanner while the list has the focus is text for the search field. F4
 * takes back the chosen notice as it voids the chosen operation on an account; Ctrl+P prints the A4
 * PDF, Ctrl+S the receipt printer's slip.
 */
export const NOTICES_KEYS: readonly KeyBinding<NoticeKeyContext, NoticeAction | 'enter' | 'move' | 'back'>[] = [
  { keys: 'Invio', action: 'enter', hint: () => 'cerca / dettaglio' },
  { keys: '↑ ↓', action: 'move', hint: () => 'scegli avviso' },
  { keys: 'Ctrl+P', action: 'reprint', hint: frontOfficeOnly('ristampa PDF') },
  { keys: 'Ctrl+S', action: 'thermal', hint: () => 'stampa su stampante ricevute' },
  { keys: 'F4', action: 'cancel', hint: frontOfficeOnly('annulla avviso') },
  { keys: 'Esc', action: 'back', hint: () => 'torna alla ricerca' },
];

/** Which action on a notice a key press asks for, if the operator may do it here. */
export function actionOfKey(press: KeyPress, frontOffice: boolean): NoticeAction | null {
  const outcome = resolveKey(NOTICES_KEYS, press, { frontOffice });
  if (outcome.kind !== 'act') return null;
  const action = outcome.action;
  return action === 'reprint' || action === 'thermal' || action === 'cancel' ? action : null;
}

/** The key of an action, as its button says it: "Ristampa PDF (Ctrl+P)". */
export function keyOf(action: NoticeAction): string {
  return NOTICES_KEYS.find((binding) => binding.action === action)?.keys ?? '';
}
