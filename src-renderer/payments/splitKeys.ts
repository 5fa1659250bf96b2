import type { KeyBinding } from '../ui/keymap';

export type SplitAction = 'record' | 'next' | 'cash' | 'card' | 'close';

/**
 * The keys of "Pagamento unico" (Alt+P on an open account at the front office). The method keys are
 * Alt and a letter, as in a top-up, so a code read by the scanner into an amount never changes them.
 */
export const SPLIT_KEYS: readonly KeyBinding<unknown, SplitAction>[] = [
  { keys: 'Invio', action: 'record', hint: () => 'registra il pagamento' },
  { keys: 'Tab', action: 'next', hint: () => 'conto successivo' },
  { keys: 'Alt+C', action: 'cash', hint: () => 'contanti' },
  { keys: 'Alt+B', action: 'card', hint: () => 'bancomat/carta' },
  { keys: 'Esc', action: 'close', hint: () => 'chiudi' },
];
