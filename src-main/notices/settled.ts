import type { Db } from '../db/open';
import { onSettled } from '../sync/settled';

/**
 * What the central's answer to a notice operation changes here, inside the settle transaction:
 * - 'notice' accepted: the debt position exists centrally, a PSP accepts the notice (registrato);
 *   rejected: it stays emesso and the outbox row shows it in "Da risolvere";
 * - 'notice_cancel' settled either way: the request is no longer pending. The central decides at
 *   once when it accepts it; the outcome (annullato, or pagato when a payment came first, or still
 *   registrato when a rata was already paid) comes with the feed of the same sync.
 */
export function registerNoticeHooks(): void {
  onSettled('notice', (db: Db, operationId, result) => {
    if (result.status !== 'accepted') return;
    db.sqlite
      .prepare(
        `UPDATE notices SET state = 'registrato', state_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          WHERE id = ? AND state = 'emesso'`,
      )
      .run(operationId);
  });
  onSettled('notice_cancel', (db: Db, operationId) => {
    db.sqlite.prepare('UPDATE notices SET cancel_requested = 0 WHERE cancel_operation_id = ?').run(operationId);
  });
}
