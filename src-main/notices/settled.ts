import type { SettleHooks } from '../sync/settled';
import { noticeQueries } from './queries';

/**
 * What the central's answer to a notice operation changes here, inside the settle transaction:
 * - 'notice' accepted: the debt position exists centrally, a PSP accepts the notice (registrato);
 *   rejected: it stays emesso and the outbox row shows it in "Da risolvere";
 * - 'notice_cancel' settled either way: the request is no longer pending. The central decides at
 *   once when it accepts it; the outcome (annullato, or pagato when a payment came first, or still
 *   registrato when a rata was already paid) comes with the feed of the same sync.
 */
export const noticeSettleHooks = {
  notice: (db, operationId, result, at) => {
    if (result.status !== 'accepted') return;
    noticeQueries(db.sqlite).markRegistered.run(at, operationId);
  },
  notice_cancel: (db, operationId) => {
    noticeQueries(db.sqlite).cancelAnswered.run(operationId);
  },
} satisfies SettleHooks;
