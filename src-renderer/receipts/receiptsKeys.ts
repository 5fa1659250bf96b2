import { listKeys } from '../ui/keymap';

/** Today's receipts: the arrows choose one, Invio prints it again as a COPIA. */
export const RECEIPTS_KEYS = listKeys('ristampa');
