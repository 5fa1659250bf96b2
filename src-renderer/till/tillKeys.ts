import type { KeyBinding } from '../ui/keymap';

/** What decides which keys of the Cassa view act: whether a session is open, whether a close can be reopened. */
export interface TillKeyContext {
  /** The status has been read (until then no key of the view acts). */
  loaded: boolean;
  open: boolean;
  /** The counter counts a drawer (front office, Economato): reintegro and prelievo exist only there. */
  countsDrawer: boolean;
  /** No session is open and the last one was closed: a supervisor may reopen it. */
  canReopen: boolean;
}

export const TILL_IDLE: TillKeyContext = { loaded: false, open: false, countsDrawer: false, canReopen: false };

export type TillAction = 'open' | 'versamento' | 'reintegro' | 'prelievo' | 'close' | 'reopen' | 'back';

const whenOpen = (label: string) => (c: TillKeyContext) => (c.loaded && c.open ? label : null);
const withDrawer = (label: string) => (c: TillKeyContext) => (c.loaded && c.open && c.countsDrawer ? label : null);

/**
 * The keys of the Cassa view (F7). Alt and a letter, as the other forms' choices, so that a code read
 * by the scanner never starts a movement; none of these letters means anything else on another screen.
 */
export const TILL_KEYS: readonly KeyBinding<TillKeyContext, TillAction>[] = [
  { keys: 'Alt+A', action: 'open', hint: (c) => (c.loaded && !c.open ? 'apri la cassa' : null) },
  { keys: 'Alt+V', action: 'versamento', hint: whenOpen('versamento in Tesoreria') },
  { keys: 'Alt+I', action: 'reintegro', hint: withDrawer('reintegro del fondo') },
  { keys: 'Alt+P', action: 'prelievo', hint: withDrawer('prelievo') },
  { keys: 'Alt+Z', action: 'close', hint: whenOpen('chiudi la cassa') },
  { keys: 'Alt+R', action: 'reopen', hint: (c) => (c.loaded && c.canReopen ? 'riapri (supervisore)' : null) },
  { keys: 'Esc', action: 'back', hint: () => 'torna alla ricerca' },
];
