import { BATCH_KEYS, type BatchKeyContext } from '../family/familyKeys';
import { NOTICES_KEYS } from '../notices/noticeKeys';
import { RECEIPTS_KEYS } from '../receipts/receiptsKeys';
import { DAY_KEYS } from '../reports/dayKeys';
import { RAGIONERIA_KEYS } from '../reports/ragioneriaKeys';
import { PROBLEMS_KEYS } from '../sync/problemsKeys';
import { SETTINGS_KEYS } from '../setup/settingsKeys';
import { TILL_IDLE, TILL_KEYS, type TillKeyContext } from '../till/tillKeys';
import { hintsOf, type KeyHint } from '../ui/keymap';
import { MAIN_KEYS, type MainKeyContext, type View } from './mainKeys';

const BATCH_IDLE: BatchKeyContext = { running: false };

/** The keys of the view itself, in front of the main screen's on the hint bar. */
export function viewHints(
  view: View,
  frontOffice: boolean,
  till: TillKeyContext = TILL_IDLE,
  batch: BatchKeyContext = BATCH_IDLE,
): KeyHint[] {
  switch (view) {
    case 'search':
    case 'registration':
      return [];
    case 'receipts':
      return hintsOf(RECEIPTS_KEYS, null);
    case 'day':
      return hintsOf(DAY_KEYS, null);
    case 'notices':
      return hintsOf(NOTICES_KEYS, { frontOffice });
    case 'problems':
      return hintsOf(PROBLEMS_KEYS, null);
    case 'ragioneria':
      return hintsOf(RAGIONERIA_KEYS, null);
    case 'settings':
      return hintsOf(SETTINGS_KEYS, null);
    case 'till':
      return hintsOf(TILL_KEYS, till);
    case 'attestations':
      return hintsOf(BATCH_KEYS, batch);
    default: {
      const never: never = view;
      return never;
    }
  }
}

/**
 * The hint bar of the main screen: F1 first (it lists the keys the one-line bar has no room
 * for), the view's own keys, then the main screen's.
 */
export function screenHints(
  context: MainKeyContext,
  till: TillKeyContext = TILL_IDLE,
  batch: BatchKeyContext = BATCH_IDLE,
): KeyHint[] {
  const main = hintsOf(MAIN_KEYS, context);
  const help = main.filter((hint) => hint.keys === 'F1');
  const rest = main.filter((hint) => hint.keys !== 'F1');
  return [...help, ...viewHints(context.view, context.frontOffice, till, batch), ...rest];
}
