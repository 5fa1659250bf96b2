import type { CounterKind, Role } from './domain';
import type { ParsedQuery } from './lookup';

/**
 * Who may do what. The core checks these on every call; the renderer only uses them to hide what
 * would be refused anyway.
 */

/** A pharmacy (by role or by counter) sees as little personal data as possible. */
export function isMinimised(role: Role, counterKind: CounterKind): boolean {
  return role === 'farmacia' || counterKind === 'farmacia';
}

/** At a pharmacy, a child is found only by the Pa-Pay code the family brings. */
export function searchAllowed(role: Role, counterKind: CounterKind, kind: ParsedQuery['kind']): boolean {
  if (kind === 'invalid') return true; // the parse error is the better message
  return !isMinimised(role, counterKind) || kind === 'papay';
}

export function searchRefusedMessage(): string {
  return 'In farmacia si cerca solo per codice Pa-Pay: il codice fiscale e il nome non sono consultabili.';
}

/** The counter an operator would act at: its code and kind. */
export interface ActingCounter {
  code: string;
  kind: CounterKind;
}

/**
 * The people who may act at a counter: its own operators, and at a front-office counter (Servizi
 * Educativi, Economato) the supervisors of the Servizi Educativi (no counter of their own). A
 * pharmacy has only its own people. The central sends a counter only these people's verifiers, and
 * the counter keeps no other (issue 13 item 2).
 */
export function actsAt(operatorCounter: string | null, counter: ActingCounter): boolean {
  if (operatorCounter === null) return counter.kind !== 'farmacia';
  return operatorCounter === counter.code;
}

/**
 * An operator logs in only at their own counter; a supervisor of the Servizi Educativi (no counter)
 * may log in and approve at any front-office counter, never at a pharmacy.
 */
export function mayLogInAt(operatorCounter: string | null, role: Role, counter: ActingCounter): boolean {
  if (!actsAt(operatorCounter, counter)) return false;
  return operatorCounter !== null || role === 'supervisore';
}

export function mayApproveAt(operatorCounter: string | null, role: Role, counter: ActingCounter): boolean {
  return role === 'supervisore' && actsAt(operatorCounter, counter);
}

/** Pharmacy display of a surname: its initial and a dot ("Dell'Amico" -> "D."). */
export function surnameInitial(surname: string): string {
  const first = [...surname.trim()][0];
  return first ? `${first.toLocaleUpperCase('it-IT')}.` : '';
}
