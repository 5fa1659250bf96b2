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
  alt: boolean;
}

/** The Italian names on the hint bar and the keys they stand for. */
const KEY_NAMES: Record<string, string> = {
  Invio: 'Enter',
  Esc: 'Escape',
  Spazio: ' ',
  '↑': 'ArrowUp',
  '↓': 'ArrowDown',
  'Pag↑': 'PageUp',
  'Pag↓': 'PageDown',
  Inizio: 'Home',
  Fine: 'End',
  Tab: 'Tab',
};

function parseChord(text: string): Chord {
  const parts = text.split('+');
  const name = parts.pop() ?? '';
  let ctrl = false;
  let shift = false;
  let alt = false;
  for (const modifier of parts) {
    if (modifier === 'Ctrl') ctrl = true;
    else if (modifier === 'Maiusc') shift = true;
    else if (modifier === 'Alt') alt = true;
    else throw new Error(`Unknown modifier "${modifier}" in key "${text}"`);
  }
  const key = KEY_NAMES[name] ?? (/^(F\d{1,2}|[A-Z])$/.test(name) ? name : null);
  if (key === null) throw new Error(`Unknown key "${name}" in "${text}"`);
  // A letter alone is what a barcode scanner types: it is text, never a command.
  if (isLetter(key) && !ctrl && !alt) throw new Error(`A letter needs Ctrl or Alt: "${text}"`);
  return { key, ctrl, shift, alt };
}

/** The key presses a label stands for; a space separates alternatives ("↑ ↓"). */
export function chordsOf(keys: string): Chord[] {
  return keys.split(' ').map(parseChord);
}

function isLetter(key: string): boolean {
  return /^[A-Z]$/.test(key);
}

/**
 * Whether a press is this chord. With a modifier the modifiers must be exactly those. Other keys
 * alone answer whatever modifier is held, as the counter always did, but for Ctrl+Invio (a
 * confirmation of its own): a scanner's Enter is an Enter.
 */
export function pressMatches(chord: Chord, press: KeyPress): boolean {
  const key = isLetter(chord.key) ? press.key.toUpperCase() : press.key;
  if (key !== chord.key) return false;
  if (chord.ctrl || chord.shift || chord.alt) {
    return press.ctrlKey === chord.ctrl && press.shiftKey === chord.shift && press.altKey === chord.alt;
  }
  return !(chord.key === 'Enter' && press.ctrlKey);
}

/**
 * What a state-changing confirmation (a void, a notice's cancellation, a suspected double top-up,
 * leaving a form unsaved) waits for: a chord no barcode scanner sends, where a plain Invio may be the
 * end of a code read while the operator looked elsewhere.
 */
export const CONFIRM_KEYS = 'Ctrl+Invio';

export function isConfirmKey(press: KeyPress): boolean {
  return chordsOf(CONFIRM_KEYS).some((chord) => pressMatches(chord, press));
}

/** A press that types a character (what a scanner sends before its Invio): no command key held. */
export function isTyping(press: KeyPress): boolean {
  return press.key.length === 1 && !press.ctrlKey && !press.altKey && !press.metaKey;
}

const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color']);

/** Whether typed characters land in this element (a text field), rather than being lost on a list or a button. */
export function takesText(element: Element | null): boolean {
  if (element instanceof HTMLInputElement) return !NOT_TEXT_INPUTS.has(element.type);
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLElement && element.isContentEditable;
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
