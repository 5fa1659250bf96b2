import { resolveKey, type KeyBinding, type KeyPress } from '../ui/keymap';

export type NoticeAction = 'reprint' | 'thermal' | 'cancel';

/** Reprinting the A4 and cancelling are the front office's (the notice carries the codice fiscale). */
export interface NoticeKeyContext {
  frontOffice: boolean;
}

const frontOfficeOnly = (label: string) => (c: NoticeKeyContext) => (c.frontOffice ? label : null);

/** The keys of the notices view; the letters of the actions are the same in the list and in the detail. */
export const NOTICES_KEYS: readonly KeyBinding<NoticeKeyContext, NoticeAction | 'enter' | 'move' | 'back'>[] = [
  { keys: 'Invio', action: 'enter', hint: () => 'cerca / dettaglio' },
  { keys: '↑ ↓', action: 'move', hint: () => 'scegli avviso' },
  { keys: 'R', action: 'reprint', hint: frontOfficeOnly('ristampa PDF') },
  { keys: 'S', action: 'thermal', hint: () => 'stampa su stampante ricevute' },
  { keys: 'A', action: 'cancel', hint: frontOfficeOnly('annulla avviso') },
  { keys: 'Esc', action: 'back', hint: () => 'torna alla ricerca' },
];

/** Which action on a notice a key press asks for, if the operator may do it here. */
export function actionOfKey(press: KeyPress, frontOffice: boolean): NoticeAction | null {
  const outcome = resolveKey(NOTICES_KEYS, press, { frontOffice });
  if (outcome.kind !== 'act') return null;
  const action = outcome.action;
  return action === 'reprint' || action === 'thermal' || action === 'cancel' ? action : null;
}
