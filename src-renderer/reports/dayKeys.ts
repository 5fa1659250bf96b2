import type { KeyBinding } from '../ui/keymap';

/** Invio prints from the moment the summary is there (the print button has the focus). */
export const DAY_KEYS: readonly KeyBinding<null, 'print' | 'back'>[] = [
  { keys: 'Invio', action: 'print', hint: () => 'stampa riepilogo' },
  { keys: 'Esc', action: 'back', hint: () => 'torna alla ricerca' },
];
