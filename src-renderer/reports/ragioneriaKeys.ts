import type { KeyBinding } from '../ui/keymap';

/** The keys of "Rapporti per la Ragioneria": the form is typed, Invio shows, the chord saves. */
export const RAGIONERIA_KEYS: readonly KeyBinding<null, 'show' | 'save' | 'back'>[] = [
  { keys: 'Invio', action: 'show', hint: () => 'mostra' },
  { keys: 'Ctrl+Maiusc+P', action: 'save', hint: () => 'salva PDF e CSV' },
  { keys: 'Esc', action: 'back', hint: () => 'torna alla ricerca' },
];
