/**
 * The one union of error codes that may cross the contract boundary, with the
 * replies every channel answers with. Messages are Italian, for the operator.
 */
export const ERROR_CODES = [
  'INPUT_INVALID',
  'UNKNOWN_CHANNEL',
  'NOT_LOGGED_IN',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'OPERATOR_LOCKED',
  'WRONG_COUNTER',
  'NOT_FOUND',
  'AMOUNT_OUT_OF_RANGE',
  'CASH_LIMIT',
  'METHOD_NOT_ACCEPTED',
  'DUPLICATE_SUSPECTED',
  'ALREADY_VOIDED',
  'VOID_NOT_ALLOWED',
  'PRINTER_ERROR',
  /** No codice avviso base left at this counter: a new block comes only from the central service. */
  'NOTICE_CODES_EXHAUSTED',
  /** The central service did not answer (network, timeout, 5xx): the operator may try again later. */
  'CENTRAL_UNAVAILABLE',
  /** The counter's configuration lacks what the operation needs (Ente creditore, enrolments): the message names it. */
  'NOT_CONFIGURED',
  /** No till session open at this counter: the operator is asked to open one (the UI offers it). */
  'TILL_NOT_OPEN',
  'TILL_ALREADY_OPEN',
  /** The till session is closed (already closed by another window, or a closed one touched). */
  'TILL_CLOSED',
  /** A count by denomination that cannot be: negative, fractional, absurd, an unknown denomination. */
  'COUNT_INVALID',
  /** A close with a difference needs a note; above the threshold a supervisor's PIN too. */
  'CLOSE_NEEDS_NOTE',
  'CLOSE_NEEDS_SUPERVISOR',
  /** At a pharmacy the day's statement is closed only once the pharmacist has confirmed it against the POS slip. */
  'CLOSE_NEEDS_CONFIRMATION',
  /** A versamento or prelievo larger than the cash held. */
  'CASH_INSUFFICIENT',
  /** The disk (or the database's size limit) is full: the transaction was rolled back, nothing was recorded. */
  'DISK_FULL',
  /** A copy of the database was just restored: no receipt number before the sync re-read the central's numbering. */
  'NUMBERING_UNVERIFIED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Reply<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code, message } };
}

/** Thrown inside a process; turned into a reply at the boundary. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function assertNever(value: never, what = 'valore'): never {
  throw new Error(`${what} inatteso: ${JSON.stringify(value)}`);
}

/** What the operator reads when a write found the disk full: the operation's transaction was rolled back. */
export const DISK_FULL_MESSAGE = 'Disco pieno: liberare spazio; nessuna operazione è stata registrata.';

/** Whether an error is a full disk: SQLite's SQLITE_FULL, or the file system's ENOSPC / EDQUOT. */
export function isDiskFull(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || !('code' in e)) return false;
  const { code } = e;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

/** What the operator reads while the central service cannot be used: the work goes on and nothing is lost. */
export const OFFLINE_HINT = 'si può continuare a lavorare, le operazioni sono salvate e partiranno da sole.';
