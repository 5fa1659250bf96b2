import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';
import type { TopupEntryRow } from '../topups/queries';

/** Split payments: who an account belongs to, the payment rows and their entries. */
export const paymentQueries = preparedPerConnection((s) => ({
  /** The child and adulto di riferimento of an account: what "the same family" is decided on. */
  familyOf: s.prepare<
    [accountId: string],
    { child_id: Row<'children'>['id']; family_id: Row<'children'>['family_id'] }
  >(`SELECT c.id AS child_id, c.family_id FROM accounts a JOIN children c ON c.id = a.child_id WHERE a.id = ?`),
  insert: s.prepare<[Row<'payments'>]>(
    `INSERT INTO payments (id, counter_code, receipt_no, method, total_cents, lines, created_at, business_date,
                           operator_code, voids_id, approved_by, reason)
     VALUES (@id, @counter_code, @receipt_no, @method, @total_cents, @lines, @created_at, @business_date,
             @operator_code, @voids_id, @approved_by, @reason)`,
  ),
  byId: s.prepare<[id: string], Row<'payments'>>(
    `SELECT id, counter_code, receipt_no, method, total_cents, lines, created_at, business_date, operator_code,
            voids_id, approved_by, reason
       FROM payments WHERE id = ?`,
  ),
  /** The payment of a ledger entry, or undefined for an entry of one account. */
  paymentOfEntry: s
    .prepare<[entryId: string], Row<'ledger'>['payment_id']>(`SELECT payment_id FROM ledger WHERE id = ?`)
    .pluck(),
  voidOf: s.prepare<[paymentId: string], Row<'payments'>['id']>(`SELECT id FROM payments WHERE voids_id = ?`).pluck(),
  /** A payment's entries in the order they were written (the receipt's order). */
  entries: s.prepare<[paymentId: string], TopupEntryRow>(
    `SELECT l.id, l.account_id, l.kind, l.amount_cents, l.counter_code, l.business_date, l.created_at,
            l.operator_code, l.payment_id, EXISTS (SELECT 1 FROM ledger v WHERE v.voids_id = l.id) AS voided,
            l.receipt_ref AS receipt_no
       FROM ledger l WHERE l.payment_id = ? ORDER BY l.rowid`,
  ),
  /** The payer's codice fiscale and the POS code given with a payment (on each of its entries). */
  payerOf: s.prepare<[entryId: string], Pick<Row<'ledger'>, 'payer_cf' | 'pos_auth_code'>>(
    `SELECT payer_cf, pos_auth_code FROM ledger WHERE id = ?`,
  ),
}));
