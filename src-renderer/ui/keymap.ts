/**
 * Keys as data. A binding says which key, what the hint bar calls it and when it acts; the keydown
 * handler and the hint bar both read the same list, so a key cannot work without being shown, or be
 * shown without working. The label on screen is parsed into the key it answers: "F2", "Invio",
 * "Ctrl+Maiusc+S", "↑ ↓" (either arrow).
 */

/** A key press as a handler sees it: a DOM or a React keyboard event fits. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export interface Chord {
  key: string;
  ctrl: boolean;
  shift: boolean;
}

/** The Italian names on the hint bar and the keys they stand for. */
const KEY_NAMES: Record<string, string> = {
  Invio: 'Enter',
  Esc: 'Escape',
  Spazio: ' ',
  '↑': 'ArrowUp',
  '↓': 'ArrowDown',
  'Pag↓': 'PageDown',
};

function parseChord(text: string): Chord {
  const parts = text.split('+');
  const name = parts.pop() ?? '';
  let ctrl = false;
  let shift = false;
  for (const modifier of parts) {
    if (modifier === 'Ctrl') ctrl = true;
    else if (modifier === 'Maiusc') shift = true;
    else throw new Error(`Unknown modifier "${modifier}" in key "${text}"`);
  }
  const key = KEY_NAMES[name] ?? (/^(F\d{1,2}|[A-Z])$/.test(name) ? name : null);
  if (key === null) throw new Error(`Unknown key "${name}" in "${text}"`);
  return { key, ctrl, shift };
}

/** The key presses a label stands for; a space separates alternatives ("↑ ↓"). */
export function chordsOf(keys: string): Chord[] {
  return keys.split(' ').map(parseChord);
}

const isLetter = (key: string) => /^[A-Z]$/.test(key);

/**
 * Whether a press is this chord. With Ctrl or Maiusc the modifiers must be exactly those (and no Alt).
 * A letter alone must come without Ctrl, Alt or Meta (Ctrl+C still copies). Other keys alone answer
 * whatever modifier is held, as the counter always did: a scanner's Enter is an Enter.
 */
export function pressMatches(chord: Chord, press: KeyPress): boolean {
  const key = isLetter(chord.key) ? press.key.toUpperCase() : press.key;
  if (key !== chord.key) return false;
  if (chord.ctrl || chord.shift) return press.ctrlKey === chord.ctrl && press.shiftKey === chord.shift && !press.altKey;
  if (isLetter(chord.key)) return !press.ctrlKey && !press.altKey && !press.metaKey;
  return true;
}

export interface KeyBinding<Context, Action extends string, Refusal = never> {
  /** As the hint bar shows it, and as it is pressed. */
  keys: string;
  /** The hint's words where the key acts in this context; null where it does not act. */
  hint: (context: Context) => string | null;
  action: Action;
  /**
   * Where the key does not act: what the operator is told instead (the key is taken from the
   * browser), or null to leave the key alone for whoever else listens.
   */
  otherwise?: (context: Context) => Refusal | null;
}

export interface KeyHint {
  keys: string;
  label: string;
}

export type KeyOutcome<Action extends string, Refusal> =
  { kind: 'act'; action: Action } | { kind: 'refuse'; refusal: Refusal } | { kind: 'none' };

/** What a press means in this context: the first binding for the key that acts, or its refusal. */
export function resolveKey<Context, Action extends string, Refusal>(
  bindings: readonly KeyBinding<Context, Action, Refusal>[],
  press: KeyPress,
  context: Context,
): KeyOutcome<Action, Refusal> {
  let refusal: { kind: 'refuse'; refusal: Refusal } | null = null;
  for (const binding of bindings) {
    if (!chordsOf(binding.keys).some((chord) => pressMatches(chord, press))) continue;
    if (binding.hint(context) !== null) return { kind: 'act', action: binding.action };
    const reason = binding.otherwise?.(context) ?? null;
    if (reason !== null && refusal === null) refusal = { kind: 'refuse', refusal: reason };
  }
  return refusal ?? { kind: 'none' };
}

/** The hints of the keys that act in this context, in the order of the list. */
export function hintsOf<Context, Action extends string, Refusal>(
  bindings: readonly KeyBinding<Context, Action, Refusal>[],
  context: Context,
): KeyHint[] {
  return bindings.flatMap((binding) => {
    const label = binding.hint(context);
    return label === null ? [] : [{ keys: binding.keys, label }];
  });
}

/** A keyboard event that can be taken from the browser. */
export interface KeyEvent extends KeyPress {
  preventDefault(): void;
}

type Handlers<Action extends string> = Record<Action, (event: KeyEvent) => boolean | void>;

/**
 * Runs the action a press asks for. Every action of the list needs a handler (the compiler checks
 * it), so no key is shown that does nothing. A handler that returns false leaves the key to the
 * browser (↑ in a text field moves the caret). True when the key was taken.
 */
export function runKey<Context, Action extends string>(
  bindings: readonly KeyBinding<Context, Action>[],
  event: KeyEvent,
  context: Context,
  handlers: Handlers<Action>,
): boolean {
  return runSomeKeys(bindings, event, context, handlers);
}

/**
 * The same for an element that answers only some keys of its view (a search field answers Invio
 * and Esc; the list beside it answers the letters): the others are left to the browser.
 */
export function runSomeKeys<Context, Action extends string>(
  bindings: readonly KeyBinding<Context, Action>[],
  event: KeyEvent,
  context: Context,
  handlers: Partial<Handlers<Action>>,
): boolean {
  const outcome = resolveKey(bindings, event, context);
  if (outcome.kind !== 'act') return false;
  const handler = handlers[outcome.action];
  if (!handler) return false;
  if (handler(event) === false) return false;
  event.preventDefault();
  return true;
}

export type ListAction = 'move' | 'choose' | 'back';

/** The keys of a list the arrows move through, Invio acts on, Esc leaves: the same in every view. */
export function listKeys(chooseLabel: string): KeyBinding<unknown, ListAction>[] {
  return [
    { keys: '↑ ↓', action: 'move', hint: () => 'scegli' },
    { keys: 'Invio', action: 'choose', hint: () => chooseLabel },
    { keys: 'Esc', action: 'back', hint: () => 'torna alla ricerca' },
  ];
}

/** -1 for ↑, +1 for ↓. */
export function arrowStep(event: KeyPress): -1 | 1 {
  return event.key === 'ArrowUp' ? -1 : 1;
}
