import type BetterSqlite3 from 'better-sqlite3';
import type { FeedItem } from '../../shared/central';
import { noticeQueries } from './queries';

type FeedNotice = Extract<FeedItem, { type: 'notice' }>;

/** States after which a pending cancellation request has had its answer. */
const FINAL_STATES = new Set<FeedNotice['state']>(['pagato', 'annullato', 'scaduto']);

/**
 * A notice from the central feed (its state changed centrally): stored or updated. Runs inside the
 * page's transaction (sync/apply.ts); applying the same item twice changes nothing.
 */
export function applyNoticeItem(sqlite: BetterSqlite3.Database, item: FeedNotice): void {
  const s = noticeQueries(sqlite);
  s.upsertFromFeed.run({
    id: item.id,
    accountId: item.accountId,
    counterCode: item.counterCode,
    createdAt: item.createdAt,
    subject: item.subject,
    amountCents: item.amountCents,
    dueDate: item.dueDate,
    debtorName: item.debtor?.fullName ?? null,
    debtorFiscalCode: item.debtor?.fiscalCode ?? null,
    debtorAddress: item.debtor?.address ?? null,
    state: item.state,
    stateAt: item.stateAt,
    paidAt: item.paidAt,
    final: FINAL_STATES.has(item.state) ? 1 : 0,
  });
  for (const p of item.payments) {
    s.upsertPaymentFromFeed.run({
      nav: p.nav,
      noticeId: item.id,
      iuv: p.iuv,
      amountCents: p.amountCents,
      dueDate: p.dueDate,
      installment: p.installment,
      paidAt: p.paidAt,
    });
  }
}
