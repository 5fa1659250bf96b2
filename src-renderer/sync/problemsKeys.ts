import { listKeys } from '../ui/keymap';

/** Da risolvere: the arrows choose an operation, Invio puts it back in the queue. */
export const PROBLEMS_KEYS = listKeys('rimetti in coda');
