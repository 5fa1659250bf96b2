import type { OperationResult } from '../../shared/central';
import type { Db } from '../db/open';
import { onSettled } from '../sync/settled';

/**
 * When the central service settles a registration, its enrolments follow: confermata, or
 * rifiutata with the reason (the operation itself lands in "Da risolvere"). The real Pa-Pay codes
 * come with the feed (sync/apply.ts), not here. Runs inside the settle transaction.
 */
export function settleRegistration(db: Db, operationId: string, result: OperationResult): void {
  const registration = db.sqlite
    .prepare('SELECT id FROM registrations WHERE operation_id = ?')
    .pluck()
    .get(operationId) as string | undefined;
  if (registration === undefined) return;
  const now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
  switch (result.status) {
    case 'accepted':
      db.sqlite
        .prepare(
          `UPDATE enrolments SET state = 'confermata', refusal = NULL, state_at = ${now}
            WHERE registration_id = ? AND state != 'confermata'`,
        )
        .run(registration);
      return;
    case 'rejected':
      db.sqlite
        .prepare(
          `UPDATE enrolments SET state = 'rifiutata', refusal = ?, state_at = ${now}
            WHERE registration_id = ? AND state = 'in_attesa'`,
        )
        .run(result.reason, registration);
      return;
  }
}

export function registerSettledHook(): void {
  onSettled('registration', settleRegistration);
}
