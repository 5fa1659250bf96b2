import type { OperationResult } from '../../shared/central';
import type { Db } from '../db/open';
import type { OutboxKind } from '../journal/journal';

/**
 * What else changes at the counter when the central service settles an operation of a given outbox
 * kind (a notice becomes "registrato", an enrolment "confermata" or "rifiutata"). Called inside the
 * transaction that settles the outbox row, so the two never disagree; `at` is the settle's time on
 * the core's clock.
 */
export type SettleHook = (db: Db, operationId: string, result: OperationResult, at: string) => void;

/** At most one hook per outbox kind, handed to the sync service by whoever builds it (core.ts). */
export type SettleHooks = Partial<Record<OutboxKind, SettleHook>>;

/** The hook for an outbox row's type, if its kind has one (a type this build does not know has none). */
export function settleHookFor(hooks: SettleHooks, type: string): SettleHook | undefined {
  return Object.hasOwn(hooks, type) ? hooks[type as OutboxKind] : undefined;
}
