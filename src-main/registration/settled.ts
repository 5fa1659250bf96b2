import type { OperationResult } from '../../shared/central';
import type { Db } from '../db/open';
import type { SettleHooks } from '../sync/settled';
import { registrationSettles } from './queries';

/**
 * When the central service settles a registration, its enrolments follow: confermata, or
 * rifiutata with the reason (the operation itself lands in "Da risolvere"). The real Pa-Pay codes
 * come with the feed (sync/apply.ts), not here. Runs inside the settle transaction.
 */
export function settleRegistration(db: Db, operationId: string, result: OperationResult, at: string): void {
  const q = registrationSettles(db.sqlite);
  const registration = q.byOperation.get(operationId);
  if (registration === undefined) return;
  switch (result.status) {
    case 'accepted':
      q.confirm.run(at, registration);
      return;
    case 'rejected':
      q.refuse.run(result.reason, at, registration);
      return;
  }
}

export const registrationSettleHooks = { registration: settleRegistration } satisfies SettleHooks;
