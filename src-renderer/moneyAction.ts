import { v4 as uuidv4 } from 'uuid';

/**
 * The request id of one operator's action that moves money (a top-up, a void). A dialog makes one
 * when it opens and sends it unchanged with every try of that action: the second Invio after a
 * lost reply, the confirmation after a suspected double. The core records an id once and answers
 * a repeat with the first reply, so a retry can never record the money twice. Only a recorded
 * action (`recorded`) makes the next one new.
 */
export interface MoneyAction {
  /** The id every try of the current action carries. */
  readonly requestId: string;
  /** The action was recorded: the next one gets a new id. */
  recorded(): void;
}

export function moneyAction(newId: () => string = uuidv4): MoneyAction {
  let id = newId();
  return {
    get requestId() {
      return id;
    },
    recorded() {
      id = newId();
    },
  };
}
