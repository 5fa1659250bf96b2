import { tillQueries } from '../till/queries';
import type BetterSqlite3 from 'better-sqlite3';
import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';
import type { Remittance } from '../../shared/reports/remittance';

/**
 * The counter's takings grouped by counter, day, service, method, operator and kind (top-up or
 * void): every report is added up from these lines. A void takes the method of the top-up it
 * voids; a void whose top-up this PC never received (a central entry without its link) has no
 * method to count under and is left out, as is any entry not made at a counter.
 */
export type TakingsRow = Pick<Row<'ledger'>, 'counter_code' | 'business_date' | 'operator_code'> &
  Pick<Row<'accounts'>, 'service'> & {
    method: 'cash' | 'card';
    kind: 'topup' | 'void';
    count: number;
    amount: number;
  };

export type VoidRow = Pick<Row<'ledger'>, 'approved_by' | 'reason' | 'created_at'> & {
  receipt_no: Row<'receipts'>['receipt_no'];
  voids_receipt_no: Row<'receipts'>['receipt_no'] | null;
  amount: Row<'ledger'>['amount_cents'];
  method: 'cash' | 'card';
};

export type ReprintRow = Pick<Row<'receipt_prints'>, 'receipt_no' | 'operator_code' | 'at'>;

export type ReceiptNumberRow = Pick<Row<'receipts'>, 'year' | 'number' | 'kind' | 'business_date'>;

export const reportQueries = preparedPerConnection((s) => ({
  /** Uses ledger_day (counter_code, business_date). */
  takings: s.prepare<[counterCode: string, from: string, to: string], TakingsRow>(
    `SELECT l.counter_code, l.business_date, a.service, l.operator_code,
            CASE COALESCE(o.kind, l.kind) WHEN 'topup_cash' THEN 'cash' ELSE 'card' END AS method,
            CASE WHEN l.kind = 'void' THEN 'void' ELSE 'topup' END AS kind,
            COUNT(*) AS count, SUM(l.amount_cents) AS amount
       FROM ledger l
       JOIN accounts a ON a.id = l.account_id
       LEFT JOIN ledger o ON o.id = l.voids_id
      WHERE l.counter_code = ? AND l.business_date BETWEEN ? AND ?
        AND (l.kind IN ('topup_cash', 'topup_card') OR (l.kind = 'void' AND o.kind IN ('topup_cash', 'topup_card')))
      GROUP BY l.counter_code, l.business_date, a.service, l.operator_code, method, l.kind = 'void'
      ORDER BY l.business_date, a.service, method`,
  ),
  /** The counters that took money in the period, as this PC knows them. */
  countersWithTakings: s.prepare<[from: string, to: string], Pick<Row<'ledger'>, 'counter_code'>>(
    `SELECT DISTINCT counter_code FROM ledger
      WHERE counter_code IS NOT NULL AND business_date BETWEEN ? AND ? AND kind IN ('topup_cash', 'topup_card', 'void')
      ORDER BY counter_code`,
  ),
  voids: s.prepare<[counterCode: string, date: string], VoidRow>(
    `SELECT COALESCE(rv.receipt_no, v.receipt_ref) AS receipt_no, COALESCE(ro.receipt_no, l.receipt_ref) AS voids_receipt_no,
            l.amount_cents AS amount, CASE l.kind WHEN 'topup_cash' THEN 'cash' ELSE 'card' END AS method,
            v.approved_by, v.reason, v.created_at
       FROM ledger v
       JOIN ledger l ON l.id = v.voids_id
       LEFT JOIN receipts rv ON rv.operation_id = v.id
       LEFT JOIN receipts ro ON ro.operation_id = l.id
      -- This counter's voids: each has its receipt, or (an account of a split payment's void) the receipt's number.
      WHERE v.counter_code = ? AND v.business_date = ? AND v.kind = 'void'
        AND (rv.receipt_no IS NOT NULL OR v.payment_id IS NOT NULL)
      ORDER BY v.created_at`,
  ),
  reprints: s.prepare<[counterCode: string, date: string], ReprintRow>(
    `SELECT p.receipt_no, p.operator_code, p.at
       FROM receipt_prints p JOIN receipts r ON r.receipt_no = p.receipt_no
      WHERE r.counter_code = ? AND p.business_date = ? AND p.copy = 1
      ORDER BY p.at`,
  ),
  /** The receipts this PC numbered in a period, in numbering order (uses the UNIQUE (counter, year, number) index). */
  receiptNumbers: s.prepare<[{ counterCode: string; from: string; to: string }], ReceiptNumberRow>(
    `SELECT year, number, kind, business_date FROM receipts
      WHERE counter_code = @counterCode
        AND year BETWEEN CAST(substr(@from, 1, 4) AS INTEGER) AND CAST(substr(@to, 1, 4) AS INTEGER)
        AND business_date BETWEEN @from AND @to
      ORDER BY year, number`,
  ),
  operatorNames: s.prepare<[], Pick<Row<'operators'>, 'code' | 'name'>>(`SELECT code, name FROM operators`),
}));

/** The versamenti in Tesoreria of a counter in a period (the till's movements of kind 'versamento'), oldest first. */
export function remittancesOf(
  sqlite: BetterSqlite3.Database,
  counterCode: string,
  from: string,
  to: string,
): Remittance[] {
  return tillQueries(sqlite)
    .remittances.all(counterCode, from, to)
    .map((m) => ({
      counterCode: m.counter_code,
      date: m.date,
      amountCents: m.amount_cents,
      reference: m.reference ?? '',
      documentNo: m.document_no,
    }));
}
