import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** A ledger entry made at this counter (origin 'local', not yet in a pulled balance). */
export interface LocalEntry {
  id: string;
  accountId: string;
  kind: Row<'ledger'>['kind'];
  amountCents: number;
  createdAt: string;
  businessDate: string;
  counterCode: string;
  operatorCode: string;
  voidsId: string | null;
  payerCf: string | null;
  posAuthCode: string | null;
  reason: string | null;
  approvedBy: string | null;
  /** The split payment the entry belongs to (src-main/payments), with its receipt number; null otherwise. */
  paymentId: string | null;
  receiptRef: string | null;
}

/** An entry as a void checks it. */
export type TopupEntryRow = Pick<
  Row<'ledger'>,
  | 'id'
  | 'account_id'
  | 'kind'
  | 'amount_cents'
  | 'counter_code'
  | 'business_date'
  | 'created_at'
  | 'operator_code'
  | 'payment_id'
> & { voided: number; receipt_no: Row<'receipts'>['receipt_no'] | null };

/** Top-ups and voids: the ledger entries this counter writes. */
export const topupQueries = preparedPerConnection((s) => ({
  insertLedger: s.prepare<[LocalEntry]>(
    `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, operator_code,
                         voids_id, payer_cf, pos_auth_code, reason, approved_by, origin, included_in_server_balance,
                         till_session_id, payment_id, receipt_ref)
     VALUES (@id, @accountId, @kind, @amountCents, @createdAt, @businessDate, @counterCode, @operatorCode,
             @voidsId, @payerCf, @posAuthCode, @reason, @approvedBy, 'local', 0,
             (SELECT id FROM till_sessions WHERE counter_code = @counterCode AND closed_at IS NULL), @paymentId, @receiptRef)`,
  ),
  // The double guard: a top-up of the same amount on the same account, not voided, in the window.
  recentSame: s.prepare<[accountId: string, amountCents: number, since: string], Pick<Row<'ledger'>, 'created_at'>>(
    `SELECT l.created_at FROM ledger l
      WHERE l.account_id = ? AND l.kind IN ('topup_cash', 'topup_card') AND l.amount_cents = ? AND l.created_at >= ?
        AND NOT EXISTS (SELECT 1 FROM ledger v WHERE v.voids_id = l.id)
      ORDER BY l.created_at DESC LIMIT 1`,
  ),
  entryById: s.prepare<[id: string], TopupEntryRow>(
    `SELECT l.id, l.account_id, l.kind, l.amount_cents, l.counter_code, l.business_date, l.created_at, l.operator_code,
            l.payment_id, EXISTS (SELECT 1 FROM ledger v WHERE v.voids_id = l.id) AS voided,
            COALESCE(r.receipt_no, l.receipt_ref) AS receipt_no
       FROM ledger l LEFT JOIN receipts r ON r.operation_id = l.id
      WHERE l.id = ?`,
  ),
}));
