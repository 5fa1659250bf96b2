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

/**
 * An operator logs in only at their own counter; a supervisor of the Servizi Educativi (no counter)
 * may log in and approve at any counter.
 */
export function mayLogInAt(operatorCounter: string | null, role: Role, counterCode: string): boolean {
  if (operatorCounter === null) return role === 'supervisore';
  return operatorCounter === counterCode;
}

export function mayApproveAt(operatorCounter: string | null, role: Role, counterCode: string): boolean {
  return role === 'supervisore' && (operatorCounter === null || operatorCounter === counterCode);
}

/** Pharmacy display of a surname: its initial and a dot ("Dell'Amico" -> "D."). */
export function surnameInitial(surname: string): string {
  const first = [...surname.trim()][0];
  return first ? `${first.toLocaleUpperCase('it-IT')}.` : '';
}
