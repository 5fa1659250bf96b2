import { chordsOf, pressMatches, type KeyPress } from '../ui/keymap';

/** Syncs now from any screen: Chromium and Electron (no application menu) leave it to the page. */
export const SYNC_NOW_KEYS = 'Ctrl+Maiusc+S';

export function isSyncNowKey(press: KeyPress): boolean {
  return chordsOf(SYNC_NOW_KEYS).some((chord) => pressMatches(chord, press));
}
