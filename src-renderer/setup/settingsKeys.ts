import type { KeyBinding } from '../ui/keymap';

export type SettingsAction = 'drawer' | 'diagnostics' | 'back';

/** Impostazioni (supervisors): the cash drawer, the diagnostics, Esc back; each step has its button. */
export const SETTINGS_KEYS: readonly KeyBinding<null, SettingsAction>[] = [
  { keys: 'Alt+C', action: 'drawer', hint: () => 'apri cassetto' },
  { keys: 'Alt+D', action: 'diagnostics', hint: () => 'esporta diagnostica' },
  { keys: 'Esc', action: 'back', hint: () => 'indietro' },
];
