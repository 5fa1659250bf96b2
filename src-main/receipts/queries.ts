import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** A receipt as the list shows it: the receipt, its ledger entry (and the entry it voids), the account, the child. */
export type ReceiptListRow = Pick<
  Row<'receipts'>,
  'receipt_no' | 'kind' | 'operation_id' | 'created_at' | 'printed_at'
> &
  Pick<Row<'ledger'>, 'amount_cents'> &
  Pick<Row<'accounts'>, 'papay_code' | 'service'> & {
    ledger_kind: Row<'ledger'>['kind'];
    original_kind: Row<'ledger'>['kind'] | null;
    account_id: Row<'accounts'>['id'];
    child_name: Row<'children'>['name'];
    child_surname: Row<'children'>['surname'];
    voided: number;
    accounts: number;
  };

export type StoredReceiptRow = Pick<Row<'receipts'>, 'receipt_no' | 'operation_id' | 'text' | 'printed_at'>;

type NewReceipt = {
  receiptNo: string;
  counterCode: string;
  year: number;
  number: number;
  kind: Row<'receipts'>['kind'];
  operationId: string;
  createdAt: string;
  businessDate: string;
  text: string;
};

// A split payment's receipt names its first entry: the amount is the payment's total, and `accounts`
// says how many accounts it covers (1 for a top-up of one account).
const LIST_SELECT = `
  SELECT r.receipt_no, r.kind, r.operation_id, r.created_at, COALESCE(p.total_cents, l.amount_cents) AS amount_cents,
         l.kind AS ledger_kind, o.kind AS original_kind, a.id AS account_id, a.papay_code, a.service,
         c.name AS child_name, c.surname AS child_surname, r.printed_at, COALESCE(p.lines, 1) AS accounts,
         EXISTS (SELECT 1 FROM ledger v WHERE v.voids_id = l.id) AS voided
    FROM receipts r
    JOIN ledger l ON l.id = r.operation_id
    LEFT JOIN payments p ON p.id = l.payment_id
    LEFT JOIN ledger o ON o.id = l.voids_id
    JOIN accounts a ON a.id = l.account_id
    JOIN children c ON c.id = a.child_id`;

/** Receipts, their numbers and their prints. */
export const receiptQueries = preparedPerConnection((s) => ({
  /** Runs inside the money transaction, so a rollback takes the number back with everything else. */
  nextNumber: s.prepare<[counterCode: string, year: number], Pick<Row<'receipt_sequences'>, 'last_number'>>(
    `INSERT INTO receipt_sequences (counter_code, year, last_number) VALUES (?, ?, 1)
       ON CONFLICT (counter_code, year) DO UPDATE SET last_number = last_number + 1
     RETURNING last_number`,
  ),
  /** After an enrolment: go on from the last number the central knows (never back). */
  lastNumber: s
    .prepare<[counterCode: string, year: number], Row<'receipt_sequences'>['last_number']>(
      'SELECT last_number FROM receipt_sequences WHERE counter_code = ? AND year = ?',
    )
    .pluck(),
  continueNumbering: s.prepare<[counterCode: string, year: number, lastNumber: number]>(
    `INSERT INTO receipt_sequences (counter_code, year, last_number) VALUES (?, ?, ?)
       ON CONFLICT (counter_code, year) DO UPDATE SET last_number = MAX(last_number, excluded.last_number)`,
  ),
  insert: s.prepare<[NewReceipt]>(
    `INSERT INTO receipts (receipt_no, counter_code, year, number, kind, operation_id, created_at, business_date, text)
     VALUES (@receiptNo, @counterCode, @year, @number, @kind, @operationId, @createdAt, @businessDate, @text)`,
  ),
  listDay: s.prepare<[counterCode: string, businessDate: string], ReceiptListRow>(
    `${LIST_SELECT} WHERE r.counter_code = ? AND r.business_date = ? ORDER BY r.created_at DESC, r.number DESC`,
  ),
  listUnprinted: s.prepare<[counterCode: string], ReceiptListRow>(
    `${LIST_SELECT} WHERE r.counter_code = ? AND r.printed_at IS NULL ORDER BY r.created_at`,
  ),
  one: s.prepare<[receiptNo: string, counterCode: string], StoredReceiptRow>(
    'SELECT receipt_no, operation_id, text, printed_at FROM receipts WHERE receipt_no = ? AND counter_code = ?',
  ),
  markPrinted: s.prepare<[at: string, receiptNo: string]>(
    'UPDATE receipts SET printed_at = ? WHERE receipt_no = ? AND printed_at IS NULL',
  ),
  recordPrint: s.prepare<
    [
      receiptNo: string,
      at: string,
      businessDate: string,
      operatorCode: string,
      copy: number,
      printed: number,
      error: string | null,
    ]
  >(
    `INSERT INTO receipt_prints (receipt_no, at, business_date, operator_code, copy, printed, error)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
}));
