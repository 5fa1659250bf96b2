import { sql, type Kysely } from 'kysely';

/**
 * One payment split across several accounts of a family (issue 10, item 2). Frozen once released:
 * never import app code here.
 *
 * - payments: one row per split payment (voids_id NULL) and one per its void (voids_id = the
 *   payment it takes back, UNIQUE: a payment is voided once, and only as a whole). The row holds
 *   what belongs to the payment rather than to an account: its one receipt, its method, its total
 *   (signed: a void's is negative) and how many accounts it covers. Never changed or deleted.
 * - ledger.payment_id: each account's entry (a top-up, or the void of one) points to its payment;
 *   NULL for every operation of one account. A column rather than a link table: an entry belongs
 *   to at most one payment, and the sync, the void and the reports read it beside the entry.
 * - ledger.receipt_ref, already the receipt number of another counter's top-up, is also written
 *   on each entry of a split payment (its receipt row names one entry only, receipts.operation_id
 *   being UNIQUE), so every account's history shows the payment's receipt number.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE payments (
       id TEXT PRIMARY KEY,
       counter_code TEXT NOT NULL,
       receipt_no TEXT NOT NULL UNIQUE,
       method TEXT NOT NULL CHECK (method IN ('cash','card')),
       total_cents INTEGER NOT NULL,
       lines INTEGER NOT NULL CHECK (lines >= 2),
       created_at TEXT NOT NULL,
       business_date TEXT NOT NULL,
       operator_code TEXT NOT NULL,
       voids_id TEXT UNIQUE REFERENCES payments(id),
       approved_by TEXT,
       reason TEXT
     ) STRICT`,
    `ALTER TABLE ledger ADD COLUMN payment_id TEXT REFERENCES payments(id)`,
    `CREATE INDEX ledger_payment ON ledger(payment_id) WHERE payment_id IS NOT NULL`,
    `CREATE TRIGGER payments_no_update BEFORE UPDATE ON payments BEGIN
       SELECT RAISE(ABORT, 'un pagamento registrato non si modifica');
     END`,
    `CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments BEGIN
       SELECT RAISE(ABORT, 'un pagamento registrato non si cancella');
     END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
