import type { KeyBinding } from '../ui/keymap';

/** Where the registration screen is: filling the form, or looking at what was registered. */
export type RegistrationPhase = 'form' | 'done';

export type RegistrationAction =
  | 'help'
  | 'next'
  | 'page'
  | 'open'
  | 'toggle'
  | 'addChild'
  | 'addService'
  | 'save'
  | 'reprint'
  | 'newRegistration'
  | 'sync'
  | 'leave';

const inForm = (label: string) => (phase: RegistrationPhase) => (phase === 'form' ? label : null);
const whenDone = (label: string) => (phase: RegistrationPhase) => (phase === 'done' ? label : null);

/**
 * The keys of the registration screen: one list for the handlers and the hint bar. F2 and F4 mean
 * ricarica and storno everywhere else, so adding a child or a service takes Alt with the word's
 * letter (figlio, servizio), and printing the summary again takes Ctrl+P as a notice's PDF does.
 * Invio, Spazio and Ctrl+Maiusc+S are answered by the form fields and the sync; they are listed
 * so the bar shows them.
 */
export const REGISTRATION_KEYS: readonly KeyBinding<RegistrationPhase, RegistrationAction>[] = [
  { keys: 'F1', action: 'help', hint: () => 'tutti i tasti' },
  { keys: 'Invio', action: 'next', hint: inForm('campo successivo') },
  { keys: 'Pag↓ Pag↑', action: 'page', hint: inForm('passo successivo / precedente') },
  { keys: 'Invio', action: 'open', hint: whenDone('apri il PDF del riepilogo') },
  { keys: 'Spazio', action: 'toggle', hint: inForm('spunta / scegli') },
  { keys: 'Alt+F', action: 'addChild', hint: inForm('aggiungi figlio') },
  { keys: 'Alt+S', action: 'addService', hint: inForm('aggiungi servizio') },
  { keys: 'Ctrl+Invio', action: 'save', hint: inForm('registra') },
  { keys: 'Ctrl+P', action: 'reprint', hint: whenDone('ristampa il riepilogo') },
  { keys: 'F5', action: 'newRegistration', hint: whenDone('nuova iscrizione') },
  { keys: 'Ctrl+Maiusc+S', action: 'sync', hint: whenDone('sincronizza (conferma i codici)') },
  { keys: 'Esc', action: 'leave', hint: () => 'torna alla ricerca' },
];

/** The key of an action, as its button says it: "Aggiungi figlio (Alt+F)". */
export function registrationKeyOf(action: RegistrationAction): string {
  return REGISTRATION_KEYS.find((binding) => binding.action === action)?.keys ?? '';
}
