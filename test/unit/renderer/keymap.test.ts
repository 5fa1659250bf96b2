import { SETTINGS_KEYS } from '../../../src-renderer/setup/settingsKeys';
import { describe, expect, it } from 'vitest';
import { actionOfKey, NOTICES_KEYS } from '../../../src-renderer/notices/noticeKeys';
import { RECEIPTS_KEYS } from '../../../src-renderer/receipts/receiptsKeys';
import { DAY_KEYS } from '../../../src-renderer/reports/dayKeys';
import { REGISTRATION_KEYS } from '../../../src-renderer/registration/registrationKeys';
import { mainActions, type MainDeps } from '../../../src-renderer/shell/mainActions';
import { MAIN_KEYS, type MainKeyContext, type View } from '../../../src-renderer/shell/mainKeys';
import { screenHints } from '../../../src-renderer/shell/screenHints';
import { PROBLEMS_KEYS } from '../../../src-renderer/sync/problemsKeys';
import { isSyncNowKey } from '../../../src-renderer/sync/syncKeys';
import {
  chordsOf,
  hintsOf,
  isConfirmKey,
  isTyping,
  pressMatches,
  resolveKey,
  type Chord,
  type KeyBinding,
  type KeyPress,
} from '../../../src-renderer/ui/keymap';

const VIEWS: View[] = ['search', 'receipts', 'day', 'problems', 'notices', 'registration'];
const FAMILY_LEVELS: MainKeyContext['family'][] = [null, 'accounts', 'operations'];

/** Every combination the main screen can be in. */
function allContexts(): MainKeyContext[] {
  const flags = [false, true];
  return VIEWS.flatMap((view) =>
    flags.flatMap((account) =>
      flags.flatMap((moreResults) =>
        flags.flatMap((frontOffice) =>
          flags.flatMap((supervisor) =>
            FAMILY_LEVELS.map((family) => ({ view, account, family, moreResults, frontOffice, supervisor })),
          ),
        ),
      ),
    ),
  );
}

function press(chord: Chord): KeyPress {
  return { key: chord.key, ctrlKey: chord.ctrl, shiftKey: chord.shift, altKey: chord.alt, metaKey: false };
}

const presses = (keys: string) => chordsOf(keys).map(press);
const label = (c: MainKeyContext) => JSON.stringify(c);

/** The main screen's handlers with every effect recorded, and an operation that can be voided. */
function recordingDeps() {
  const effects: string[] = [];
  const deps: MainDeps<{ voided: boolean; voidable: boolean }> = {
    setView: (view) => effects.push(`view:${view}`),
    say: (text) => effects.push(`say:${text}`),
    operation: { voided: false, voidable: true },
    canTopUpToday: true,
    openTopup: () => effects.push('modal:topup'),
    openVoid: () => effects.push('modal:void'),
    openNotice: () => effects.push('modal:notice'),
    openStatement: () => effects.push('modal:statement'),
    openAttestation: () => effects.push('modal:attestation'),
    openSplitPayment: () => effects.push('modal:splitPayment'),
    openHelp: () => effects.push('modal:help'),
    search: {
      enter: () => effects.push('search:enter'),
      move: (step) => effects.push(`search:move${step}`),
      more: () => effects.push('search:more'),
      escape: () => effects.push('search:escape'),
    },
    logout: () => effects.push('logout'),
  };
  return { deps, effects };
}

describe('key labels', () => {
  it('parse into the keys they stand for', () => {
    expect(chordsOf('Ctrl+Maiusc+S')).toEqual([{ key: 'S', ctrl: true, shift: true, alt: false }]);
    expect(chordsOf('↑ ↓')).toEqual([
      { key: 'ArrowUp', ctrl: false, shift: false, alt: false },
      { key: 'ArrowDown', ctrl: false, shift: false, alt: false },
    ]);
    expect(chordsOf('Pag↓')).toEqual([{ key: 'PageDown', ctrl: false, shift: false, alt: false }]);
    expect(chordsOf('Invio')[0]?.key).toBe('Enter');
  });

  it('refuse a label that names no key, so a hint cannot promise a key nobody answers', () => {
    expect(() => chordsOf('Win+F4')).toThrow(/modifier/);
    expect(() => chordsOf('Enter')).toThrow(/Unknown key/);
  });

  it('of every map parse', () => {
    const maps: readonly (readonly KeyBinding<never, string, unknown>[])[] = [
      MAIN_KEYS,
      NOTICES_KEYS,
      RECEIPTS_KEYS,
      DAY_KEYS,
      PROBLEMS_KEYS,
      REGISTRATION_KEYS,
    ];
    for (const map of maps) for (const binding of map) expect(chordsOf(binding.keys).length).toBeGreaterThan(0);
  });
});

describe('matching a press', () => {
  const base = { ctrlKey: false, shiftKey: false, altKey: false, metaKey: false };
  it('refuses a letter alone as a key: it is what a barcode scanner types', () => {
    expect(() => chordsOf('R')).toThrow(/Ctrl or Alt/);
    expect(() => chordsOf('Maiusc+A')).toThrow(/Ctrl or Alt/);
  });

  it('takes Ctrl or Alt with a letter, either case, only with exactly those modifiers', () => {
    const [p] = chordsOf('Ctrl+P');
    expect(p && pressMatches(p, { ...base, key: 'p', ctrlKey: true })).toBe(true);
    expect(p && pressMatches(p, { ...base, key: 'p' })).toBe(false);
    expect(p && pressMatches(p, { ...base, key: 'P', ctrlKey: true, shiftKey: true })).toBe(false);
    const [c] = chordsOf('Alt+C');
    expect(c && pressMatches(c, { ...base, key: 'c', altKey: true })).toBe(true);
    expect(c && pressMatches(c, { ...base, key: 'c', altKey: true, ctrlKey: true })).toBe(false);
  });

  it('tells Ctrl+Invio from the Invio a scanner sends', () => {
    expect(isConfirmKey({ ...base, key: 'Enter', ctrlKey: true })).toBe(true);
    expect(isConfirmKey({ ...base, key: 'Enter' })).toBe(false);
    const [enter] = chordsOf('Invio');
    expect(enter && pressMatches(enter, { ...base, key: 'Enter', ctrlKey: true })).toBe(false);
    expect(enter && pressMatches(enter, { ...base, key: 'Enter', shiftKey: true })).toBe(true);
  });

  it('knows a typed character from a command', () => {
    expect(isTyping({ ...base, key: 'A', shiftKey: true })).toBe(true);
    expect(isTyping({ ...base, key: '7' })).toBe(true);
    expect(isTyping({ ...base, key: 'p', ctrlKey: true })).toBe(false);
    expect(isTyping({ ...base, key: 'Enter' })).toBe(false);
    expect(isTyping({ ...base, key: 'F2' })).toBe(false);
  });

  it('takes a chord with modifiers only with exactly those', () => {
    expect(isSyncNowKey({ ...base, key: 'S', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(isSyncNowKey({ ...base, key: 's', ctrlKey: true })).toBe(false);
    expect(isSyncNowKey({ ...base, key: 'S', ctrlKey: true, shiftKey: true, altKey: true })).toBe(false);
  });

  it('takes a function key or Invio whatever modifier is held, as the counter always did', () => {
    const [f2] = chordsOf('F2');
    expect(f2 && pressMatches(f2, { ...base, key: 'F2', ctrlKey: true })).toBe(true);
  });
});

describe('the main screen key map', () => {
  const contexts = allContexts();

  it('every hint shown acts when its key is pressed, and reaches a handler that does something', () => {
    for (const context of contexts.filter((c) => c.view !== 'registration')) {
      for (const binding of MAIN_KEYS) {
        const text = binding.hint(context);
        if (text === null) continue;
        expect(screenHints(context), label(context)).toContainEqual({ keys: binding.keys, label: text });
        for (const p of presses(binding.keys)) {
          const outcome = resolveKey(MAIN_KEYS, p, context);
          expect(outcome, `${binding.keys} in ${label(context)}`).toEqual({ kind: 'act', action: binding.action });
          if (binding.action === 'syncNow') {
            expect(isSyncNowKey(p)).toBe(true);
            continue;
          }
          const { deps, effects } = recordingDeps();
          mainActions(deps)[binding.action](p);
          expect(effects.length, `${binding.keys} in ${label(context)}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('every key that acts is shown on the hint bar (the registration form has its own bar)', () => {
    for (const context of contexts.filter((c) => c.view !== 'registration')) {
      const shown = screenHints(context);
      for (const binding of MAIN_KEYS) {
        for (const p of presses(binding.keys)) {
          const outcome = resolveKey(MAIN_KEYS, p, context);
          if (outcome.kind !== 'act') continue;
          const acting = MAIN_KEYS.find((b) => b.action === outcome.action);
          expect(
            shown.map((h) => h.keys),
            `${p.key} in ${label(context)}`,
          ).toContain(acting?.keys);
        }
      }
    }
  });

  it('shows each key once on a bar', () => {
    for (const context of contexts.filter((c) => c.view !== 'registration')) {
      const keys = screenHints(context).map((h) => h.keys);
      expect(new Set(keys).size, label(context)).toBe(keys.length);
    }
  });

  it('binds every action to a key that is shown somewhere, and has a handler for each', () => {
    const { deps } = recordingDeps();
    const handled = Object.keys(mainActions(deps)).sort();
    const bound = [...new Set(MAIN_KEYS.map((b) => b.action))].filter((a) => a !== 'syncNow').sort();
    expect(bound).toEqual(handled);
    for (const binding of MAIN_KEYS) {
      expect(
        contexts.some((c) => c.view !== 'registration' && binding.hint(c) !== null),
        binding.keys,
      ).toBe(true);
    }
  });

  it('leaves the registration form its keys, but for logging out', () => {
    const form: MainKeyContext = {
      view: 'registration',
      account: false,
      family: null,
      moreResults: false,
      frontOffice: true,
      supervisor: true,
    };
    for (const keys of ['F2', 'F3', 'F4', 'F5', 'F6', 'F8', 'F9', 'Esc', 'Invio', 'Ctrl+Maiusc+D']) {
      for (const p of presses(keys)) expect(resolveKey(MAIN_KEYS, p, form), keys).toEqual({ kind: 'none' });
    }
    const [logout] = presses('Ctrl+Maiusc+L');
    expect(logout && resolveKey(MAIN_KEYS, logout, form)).toEqual({ kind: 'act', action: 'logout' });
  });
});

describe('keys pressed where they do not act', () => {
  const search: MainKeyContext = {
    view: 'search',
    account: false,
    family: null,
    moreResults: false,
    frontOffice: true,
    supervisor: false,
  };
  const outcomeOf = (keys: string, context: MainKeyContext) => {
    const [p] = presses(keys);
    if (!p) throw new Error(keys);
    return resolveKey(MAIN_KEYS, p, context);
  };

  it('say why on the search screen', () => {
    expect(outcomeOf('F2', search)).toEqual({
      kind: 'refuse',
      refusal: { say: 'Aprire prima un conto: cercare il codice Pa-Pay e premere Invio.', toSearch: false },
    });
    expect(outcomeOf('F6', { ...search, frontOffice: false, account: true })).toMatchObject({
      refusal: { say: 'In farmacia gli avvisi pagoPA si cercano e si stampano da Avvisi (F3).' },
    });
  });

  it('go back to the search to say it when the key belongs to someone else', () => {
    expect(outcomeOf('F5', { ...search, view: 'receipts', frontOffice: false })).toEqual({
      kind: 'refuse',
      refusal: { say: 'Le iscrizioni si fanno allo sportello dei Servizi Educativi, non in farmacia.', toSearch: true },
    });
    expect(outcomeOf('Ctrl+Maiusc+D', { ...search, view: 'day' })).toEqual({
      kind: 'refuse',
      refusal: { say: 'Le operazioni da risolvere sono visibili solo a un supervisore.', toSearch: true },
    });
  });

  it('are still taken from the browser where they would do something else (F3 searches the page)', () => {
    expect(outcomeOf('F3', { ...search, view: 'notices' })).toEqual({
      kind: 'refuse',
      refusal: { say: null, toSearch: false },
    });
  });
});

describe('the voiding key', () => {
  it('says why the selected operation cannot be voided', () => {
    const { deps, effects } = recordingDeps();
    const [f4] = presses('F4');
    if (!f4) throw new Error('F4');
    mainActions({ ...deps, operation: { voided: true, voidable: true } }).void(f4);
    mainActions({ ...deps, operation: { voided: false, voidable: false } }).void(f4);
    mainActions({ ...deps, operation: undefined }).void(f4);
    mainActions(deps).void(f4);
    expect(effects).toEqual([
      "say:L'operazione selezionata è già stornata.",
      "say:L'operazione selezionata non si può stornare da questo sportello oggi.",
      'say:Nessuna operazione selezionata.',
      'modal:void',
    ]);
  });
});

describe('the keys of the views', () => {
  it('answer every key they show', () => {
    const maps: [string, readonly KeyBinding<null, string>[]][] = [
      ['ricevute', RECEIPTS_KEYS],
      ['riepilogo', DAY_KEYS],
      ['da risolvere', PROBLEMS_KEYS],
      ['impostazioni', SETTINGS_KEYS],
    ];
    for (const [name, map] of maps) {
      for (const binding of map) {
        for (const p of presses(binding.keys)) {
          expect(resolveKey(map, p, null), `${name}: ${binding.keys}`).toEqual({ kind: 'act', action: binding.action });
        }
      }
    }
  });

  it('give the notice actions the same keys in the list and the detail, none a letter; A4 and cancel at the front office only', () => {
    const key = (k: string, ctrlKey = false): KeyPress => ({
      key: k,
      ctrlKey,
      shiftKey: false,
      altKey: false,
      metaKey: false,
    });
    expect(actionOfKey(key('p', true), true)).toBe('reprint');
    expect(actionOfKey(key('p', true), false)).toBeNull();
    expect(actionOfKey(key('s', true), false)).toBe('thermal');
    expect(actionOfKey(key('F4'), true)).toBe('cancel');
    expect(actionOfKey(key('F4'), false)).toBeNull();
    for (const letter of 'RSAP') {
      expect(actionOfKey(key(letter), true), letter).toBeNull();
      expect(actionOfKey(key(letter.toLowerCase()), true), letter).toBeNull();
    }
    expect(actionOfKey(key('Enter'), true)).toBeNull();
  });
});

describe('the registration screen key map', () => {
  it('never gives F2 or F4 another meaning than ricarica and storno', () => {
    for (const phase of ['form', 'done'] as const) {
      for (const keys of ['F2', 'F4']) {
        for (const p of presses(keys)) expect(resolveKey(REGISTRATION_KEYS, p, phase), keys).toEqual({ kind: 'none' });
      }
    }
  });

  it('adds a child and a service with Alt+F and Alt+S in the form, and reprints with Ctrl+P once registered', () => {
    const act = (keys: string, phase: 'form' | 'done') =>
      presses(keys).map((p) => resolveKey(REGISTRATION_KEYS, p, phase));
    expect(act('Alt+F', 'form')).toEqual([{ kind: 'act', action: 'addChild' }]);
    expect(act('Alt+S', 'form')).toEqual([{ kind: 'act', action: 'addService' }]);
    expect(act('Ctrl+Invio', 'form')).toEqual([{ kind: 'act', action: 'save' }]);
    expect(act('Ctrl+P', 'done')).toEqual([{ kind: 'act', action: 'reprint' }]);
    expect(act('Ctrl+P', 'form')).toEqual([{ kind: 'none' }]);
    expect(act('Alt+F', 'done')).toEqual([{ kind: 'none' }]);
    expect(act('Esc', 'form')).toEqual([{ kind: 'act', action: 'leave' }]);
  });

  it('means by Ctrl+P what the notices mean: print the document again', () => {
    const [press] = presses('Ctrl+P');
    expect(press && resolveKey(NOTICES_KEYS, press, { frontOffice: true })).toEqual({ kind: 'act', action: 'reprint' });
  });

  it('shows on its bar every key that acts, once', () => {
    for (const phase of ['form', 'done'] as const) {
      const shown = hintsOf(REGISTRATION_KEYS, phase).map((h) => h.keys);
      expect(new Set(shown).size).toBe(shown.length);
    }
  });
});
