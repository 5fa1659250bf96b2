import type { Db } from '../db/open';
import { onSettled } from '../sync/settled';

/**
 * What the central's answer to a notice operation changes here, inside the settle transaction:
 * - 'notice' accepted: the debt position exists centrally, a PSP accepts the notice (registrato);
 *   rejected: it stays emesso and the outbox row shows it in "Da risolvere";
 * - 'notice_cancel' rejected: the request is no longer pending (accepted: the feed brings the
 *   outcome, annullato or pagato when a payment came first).
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
  onSettled('notice_cancel', (db: Db, operationId, result) => {
    if (result.status !== 'rejected') return;
    db.sqlite.prepare('UPDATE notices SET cancel_requested = 0 WHERE cancel_operation_id = ?').run(operationId);
  });
}
