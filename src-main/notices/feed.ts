import type BetterSqlite3 from 'better-sqlite3';
import type { FeedItem } from '../../shared/central';
import { preparedPerConnection } from '../db/statements';

type FeedNotice = Extract<FeedItem, { type: 'notice' }>;

/** States after which a pending cancellation request has had its answer. */
const FINAL_STATES = new Set<FeedNotice['state']>(['pagato', 'annullato', 'scaduto']);

const statements = preparedPerConnection(prepare);

function prepare(sqlite: BetterSqlite3.Database) {
  return {
    // The central service is the system of record of a notice's state: it replaces ours. The
    // debtor stays as we have it (a pharmacy receives none and keeps none).
    upsert: sqlite.prepare(
      `INSERT INTO notices (id, account_id, counter_code, operator_code, created_at, subject, amount_cents, due_date,
         debtor_name, debtor_fiscal_code, debtor_address, state, state_at, paid_at, origin)
       VALUES (@id, @accountId, @counterCode, NULL, @createdAt, @subject, @amountCents, @dueDate,
         @debtorName, @debtorFiscalCode, @debtorAddress, @state, @stateAt, @paidAt, 'central')
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, state_at = excluded.state_at,
         paid_at = excluded.paid_at,
         cancel_requested = CASE WHEN @final = 1 THEN 0 ELSE notices.cancel_requested END`,
    ),
    upsertPayment: sqlite.prepare(
      `INSERT INTO notice_payments (nav, notice_id, iuv, base, amount_cents, due_date, installment, paid_at)
       VALUES (@nav, @noticeId, @iuv, NULL, @amountCents, @dueDate, @installment, @paidAt)
       ON CONFLICT (nav) DO UPDATE SET paid_at = excluded.paid_at`,
    ),
  };
}

/**
 * A notice from the central feed (its state changed centrally): stored or updated. Runs inside the
 * page's transaction (sync/apply.ts); applying the same item twice changes nothing.
 */
export function applyNoticeItem(sqlite: BetterSqlite3.Database, item: FeedNotice): void {
  const s = statements(sqlite);
  s.upsert.run({
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
    s.upsertPayment.run({
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
