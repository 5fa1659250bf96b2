import { SYNC_NOW_KEYS } from '../sync/syncKeys';
import type { KeyBinding } from '../ui/keymap';

/** The screens of the main window; the search is where every other one returns to. */
export type View =
  | 'search'
  | 'receipts'
  | 'day'
  | 'problems'
  | 'notices'
  | 'registration'
  | 'ragioneria'
  | 'till'
  | 'settings'
  | 'attestations';

/** What decides which keys act on the main screen. */
export interface MainKeyContext {
  view: View;
  /** An account is open (found and shown with its operations). */
  account: boolean;
  /**
   * At the front office the open account stands beside its family: the arrows move between the
   * family's accounts, or (after Invio) between the open account's operations; null without a family.
   */
  family: 'accounts' | 'operations' | null;
  /** The results of a name search have another page. */
  moreResults: boolean;
  /** Front office (pagoPA notices, registrations) rather than a pharmacy. */
  frontOffice: boolean;
  supervisor: boolean;
}

export type MainAction =
  | 'help'
  | 'enter'
  | 'move'
  | 'more'
  | 'escape'
  | 'topup'
  | 'void'
  | 'issueNotice'
  | 'statement'
  | 'attestation'
  | 'splitPayment'
  | 'attestationBatch'
  | 'notices'
  | 'receipts'
  | 'day'
  | 'registration'
  | 'syncNow'
  | 'problems'
  | 'ragioneria'
  | 'settings'
  | 'till'
  | 'logout';

/** A key pressed where it does not act: why (shown on the search screen), and whether to go there first. */
export interface Refusal {
  say: string | null;
  toSearch: boolean;
}

/** Who listens for the key: the search field (it keeps the focus for the scanner), the window, or the app above. */
export type KeyTarget = 'field' | 'window' | 'app';

export interface MainBinding extends KeyBinding<MainKeyContext, MainAction, Refusal> {
  target: KeyTarget;
}

const say = (text: string, toSearch = false): Refusal => ({ say: text, toSearch });
/** The key is taken from the browser (F3 would search the page, F6 go to the address bar) and does nothing. */
const QUIET: Refusal = { say: null, toSearch: false };

const onSearch = (c: MainKeyContext) => c.view === 'search';
const onAccount = (c: MainKeyContext) => c.view === 'search' && c.account;
/** The registration form owns the keyboard: the main screen only logs out from it. */
const inForm = (c: MainKeyContext) => c.view === 'registration';

/** Opens a view from any other one but the form; pressed on the view itself, it does nothing. */
function goTo(keys: string, view: View, label: string, action: MainAction): MainBinding {
  return {
    keys,
    target: 'window',
    action,
    hint: (c) => (c.view === view || inForm(c) ? null : label),
    otherwise: (c) => (c.view === view ? QUIET : null),
  };
}

/**
 * The keys of the main screen, in the order of the hint bar. The views (ricevute, riepilogo, avvisi,
 * da risolvere) add their own keys in front; the registration form has its own bar.
 */
export const MAIN_KEYS: readonly MainBinding[] = [
  // The registration form has its own F1, over its own keys.
  { keys: 'F1', target: 'window', action: 'help', hint: (c) => (inForm(c) ? null : 'tutti i tasti') },
  {
    keys: 'Invio',
    target: 'field',
    action: 'enter',
    hint: (c) => {
      if (!onSearch(c)) return null;
      return c.account && c.family === 'accounts' ? 'operazioni del conto' : 'cerca / apri';
    },
  },
  {
    keys: '↑ ↓',
    target: 'field',
    action: 'move',
    hint: (c) => {
      if (!onSearch(c)) return null;
      if (!c.account) return 'scegli conto';
      return c.family === 'accounts' ? 'scegli conto della famiglia' : 'scegli operazione';
    },
  },
  {
    keys: 'Pag↓',
    target: 'field',
    action: 'more',
    hint: (c) => (onSearch(c) && !c.account && c.moreResults ? 'altri risultati' : null),
  },
  {
    keys: 'F2',
    target: 'window',
    action: 'topup',
    hint: (c) => (onAccount(c) ? 'ricarica' : null),
    otherwise: (c) =>
      inForm(c) ? null : onSearch(c) ? say('Aprire prima un conto: cercare il codice Pa-Pay e premere Invio.') : QUIET,
  },
  {
    keys: 'F4',
    target: 'window',
    action: 'void',
    hint: (c) => (onAccount(c) ? 'storna operazione' : null),
    otherwise: (c) => (inForm(c) ? null : QUIET),
  },
  {
    keys: 'F6',
    target: 'window',
    action: 'issueNotice',
    hint: (c) => (onAccount(c) && c.frontOffice ? 'avviso pagoPA' : null),
    otherwise: (c) => {
      if (inForm(c)) return null;
      if (!onSearch(c)) return QUIET;
      if (!c.frontOffice) return say('In farmacia gli avvisi pagoPA si cercano e si stampano da Avvisi (F3).');
      return say("Aprire prima un conto: l'avviso pagoPA si emette per un conto.");
    },
  },
  {
    keys: 'Alt+E',
    target: 'window',
    action: 'statement',
    hint: (c) => (onAccount(c) ? (c.frontOffice ? 'estratto conto' : 'ultimi movimenti') : null),
    otherwise: (c) =>
      inForm(c) ? null : onSearch(c) ? say("Aprire prima un conto: l'estratto conto è di un conto.") : QUIET,
  },
  {
    keys: 'Alt+T',
    target: 'window',
    action: 'attestation',
    hint: (c) => (onAccount(c) && c.frontOffice ? 'attestazione 730' : null),
    otherwise: (c) => {
      if (inForm(c)) return null;
      if (!onSearch(c)) return QUIET;
      if (!c.frontOffice) {
        return say(
          "L'attestazione per la dichiarazione dei redditi si rilascia solo allo sportello dei Servizi Educativi.",
        );
      }
      return say("Aprire prima un conto: l'attestazione è di un conto e di un anno.");
    },
  },
  {
    keys: 'Alt+P',
    target: 'window',
    action: 'splitPayment',
    hint: (c) => (onAccount(c) && c.frontOffice ? 'pagamento unico' : null),
    otherwise: (c) => {
      // Elsewhere Alt+P is the view's own (the till's prelievo).
      if (inForm(c) || !onSearch(c)) return null;
      if (!c.frontOffice)
        return say('Il pagamento unico per più conti si fa solo allo sportello dei Servizi Educativi.');
      return say('Aprire prima il conto di uno dei figli: il pagamento unico riguarda i conti della sua famiglia.');
    },
  },
  {
    keys: 'Esc',
    target: 'field',
    action: 'escape',
    hint: (c) => {
      if (!onSearch(c)) return null;
      if (!c.account) return 'svuota';
      if (c.family === 'operations') return 'torna alla famiglia';
      return c.family === 'accounts' ? 'chiudi famiglia' : 'chiudi conto';
    },
  },
  goTo('F3', 'notices', 'avvisi pagoPA', 'notices'),
  goTo('F8', 'receipts', 'ricevute', 'receipts'),
  goTo('F9', 'day', 'riepilogo del giorno', 'day'),
  goTo('F7', 'till', 'cassa', 'till'),
  {
    keys: 'F5',
    target: 'window',
    action: 'registration',
    hint: (c) => (c.frontOffice && !inForm(c) ? 'nuova iscrizione' : null),
    // In the form F5 belongs to the form (it must not reload the page there either).
    otherwise: (c) =>
      inForm(c) ? null : say('Le iscrizioni si fanno allo sportello dei Servizi Educativi, non in farmacia.', true),
  },
  {
    keys: 'Ctrl+Maiusc+A',
    target: 'window',
    action: 'attestationBatch',
    hint: (c) => (c.frontOffice && c.view !== 'attestations' && !inForm(c) ? 'attestazioni 730 (lotto)' : null),
    otherwise: (c) => {
      if (inForm(c)) return null;
      if (c.view === 'attestations') return QUIET;
      return say(
        "L'attestazione per la dichiarazione dei redditi si rilascia solo allo sportello dei Servizi Educativi.",
        true,
      );
    },
  },
  { keys: SYNC_NOW_KEYS, target: 'app', action: 'syncNow', hint: (c) => (inForm(c) ? null : 'sincronizza') },
  {
    keys: 'Ctrl+Maiusc+D',
    target: 'window',
    action: 'problems',
    hint: (c) => (c.supervisor && c.view !== 'problems' && !inForm(c) ? 'da risolvere' : null),
    otherwise: (c) => {
      if (inForm(c)) return null;
      if (c.supervisor) return QUIET;
      return say('Le operazioni da risolvere sono visibili solo a un supervisore.', true);
    },
  },
  {
    keys: 'Ctrl+Maiusc+E',
    target: 'window',
    action: 'ragioneria',
    hint: (c) => (c.supervisor && c.view !== 'ragioneria' && !inForm(c) ? 'rapporti Ragioneria' : null),
    otherwise: (c) => {
      if (inForm(c)) return null;
      if (c.supervisor) return QUIET;
      return say('I rapporti per la Ragioneria sono riservati ai supervisori.', true);
    },
  },
  {
    keys: 'Ctrl+Maiusc+U',
    target: 'window',
    action: 'settings',
    hint: (c) => (c.supervisor && c.view !== 'settings' && !inForm(c) ? 'impostazioni' : null),
    otherwise: (c) => {
      if (inForm(c)) return null;
      if (c.supervisor) return QUIET;
      return say('Le impostazioni di questo PC sono riservate ai supervisori.', true);
    },
  },
  // The only key of the main screen that works in the registration form too (its bar does not show it).
  { keys: 'Ctrl+Maiusc+L', target: 'window', action: 'logout', hint: () => 'esci' },
];
