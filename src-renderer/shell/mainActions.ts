import type { KeyPress } from '../ui/keymap';
import { arrowStep } from '../ui/keymap';
import type { MainAction, Refusal, View } from './mainKeys';

/** What an operation must tell before it can be voided. */
interface Voidable {
  voided: boolean;
  voidable: boolean;
}

/** What the keys of the main screen act on; MainScreen passes its state, the tests pass spies. */
export interface MainDeps<Operation extends Voidable> {
  setView: (view: View) => void;
  /** The notice on the search screen. */
  say: (text: string) => void;
  /** The operation selected in the open account. */
  operation: Operation | undefined;
  canTopUpToday: boolean;
  openTopup: () => void;
  openVoid: (operation: Operation) => void;
  openNotice: () => void;
  openStatement: () => void;
  openAttestation: () => void;
  /** Alt+P: one payment for several accounts of the open account's family. */
  openSplitPayment: () => void;
  /** F1: the keys of the screen. */
  openHelp: () => void;
  search: { enter: () => void; move: (step: -1 | 1) => void; more: () => void; escape: () => void };
  logout: () => void;
}

/** Ctrl+Shift+S is the app's (it works on every screen, login included): see useSyncNowKey. */
export type ScreenAction = Exclude<MainAction, 'syncNow'>;

/** The handler of each action of the main key map (the compiler checks that none is missing). */
export function mainActions<Operation extends Voidable>(
  deps: MainDeps<Operation>,
): Record<ScreenAction, (press: KeyPress) => void> {
  return {
    help: () => deps.openHelp(),
    enter: () => deps.search.enter(),
    move: (press) => deps.search.move(arrowStep(press)),
    more: () => deps.search.more(),
    escape: () => deps.search.escape(),
    topup: () => {
      if (!deps.canTopUpToday) deps.say('Oggi questo sportello non accetta ricariche.');
      else deps.openTopup();
    },
    void: () => {
      const op = deps.operation;
      if (!op) deps.say('Nessuna operazione selezionata.');
      else if (op.voided) deps.say("L'operazione selezionata è già stornata.");
      else if (!op.voidable) deps.say("L'operazione selezionata non si può stornare da questo sportello oggi.");
      else deps.openVoid(op);
    },
    issueNotice: () => deps.openNotice(),
    statement: () => deps.openStatement(),
    attestation: () => deps.openAttestation(),
    splitPayment: () => {
      if (!deps.canTopUpToday) deps.say('Oggi questo sportello non accetta ricariche.');
      else deps.openSplitPayment();
    },
    attestationBatch: () => deps.setView('attestations'),
    notices: () => deps.setView('notices'),
    receipts: () => deps.setView('receipts'),
    day: () => deps.setView('day'),
    registration: () => deps.setView('registration'),
    problems: () => deps.setView('problems'),
    ragioneria: () => deps.setView('ragioneria'),
    settings: () => deps.setView('settings'),
    till: () => deps.setView('till'),
    logout: () => deps.logout(),
  };
}

/** A key pressed where it does not act: back to the search first if it says so, then why. */
export function applyRefusal(deps: Pick<MainDeps<Voidable>, 'setView' | 'say'>, refusal: Refusal) {
  if (refusal.toSearch) deps.setView('search');
  if (refusal.say !== null) deps.say(refusal.say);
}
