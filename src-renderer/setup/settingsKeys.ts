import type { KeyBinding } from '../ui/keymap';

export type SettingsAction = 'drawer' | 'diagnostics' | 'unlock' | 'back';

/** Impostazioni (supervisors): the cash drawer, the diagnostics, unlocking an operator, Esc back; each step has its button. */
export const SETTINGS_KEYS: readonly KeyBinding<null, SettingsAction>[] = [
  { keys: 'Alt+C', action: 'drawer', hint: () => 'apri cassetto' },
  { keys: 'Alt+D', action: 'diagnostics', hint: () => 'esporta diagnostica' },
  { keys: 'Alt+B', action: 'unlock', hint: () => 'sblocca un operatore' },
  { keys: 'Esc', action: 'back', hint: () => 'indietro' },
];
