import type { OperationResult } from '../../shared/central';
import type { Db } from '../db/open';

/**
 * What else changes at the counter when the central service settles an operation of a given outbox
 * type (a notice becomes "registrato", an enrolment "confermata" or "rifiutata"). Called inside the
 * transaction that settles the outbox row, so the two never disagree.
 */
export type SettledHook = (db: Db, operationId: string, result: OperationResult) => void;

const hooks = new Map<string, SettledHook>();

/** Each kind of operation registers its own hook (at most one per outbox type). */
export function onSettled(type: string, hook: SettledHook): void {
  hooks.set(type, hook);
}

export function runSettledHook(db: Db, type: string, operationId: string, result: OperationResult): void {
  hooks.get(type)?.(db, operationId, result);
}
