import { sql, type Kysely } from 'kysely';

/**
 * pagoPA payment notices. Frozen once released: never import app code here.
 *
 * - notice_blocks: ranges of 13-digit bases the central service assigned to this counter. A row
 *   with first_base NULL is a request sent (or about to be) whose answer has not come: its
 *   request_id is reused on every retry, so the central hands out one block for it, never two.
 *   next_base moves forward in the same transaction that stores the notice using it, so a base is
 *   never handed out twice, whatever happens to the process.
 * - notices / notice_payments: a notice issued here or received from the central feed (a pharmacy
 *   stores them without the debtor). base is NULL for notices issued at another counter.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE notice_blocks (
       id INTEGER PRIMARY KEY,
       request_id TEXT NOT NULL UNIQUE,
       requested_at TEXT NOT NULL,
       segregation_code TEXT,
       first_base INTEGER,
       last_base INTEGER,
       next_base INTEGER,
       received_at TEXT,
       CHECK ((first_base IS NULL) = (last_base IS NULL) AND (first_base IS NULL) = (next_base IS NULL)),
       CHECK (first_base IS NULL OR (first_base <= last_base AND next_base BETWEEN first_base AND last_base + 1))
     ) STRICT`,
    `CREATE TABLE notices (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       counter_code TEXT NOT NULL,
       operator_code TEXT,
       created_at TEXT NOT NULL,
       subject TEXT NOT NULL,
       amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
       due_date TEXT,
       debtor_name TEXT,
       debtor_fiscal_code TEXT,
       debtor_address TEXT,
       state TEXT NOT NULL CHECK (state IN ('emesso','registrato','pagato','annullato','scaduto')),
       state_at TEXT NOT NULL,
       paid_at TEXT,
       cancel_requested INTEGER NOT NULL DEFAULT 0,
       cancel_operation_id TEXT UNIQUE,
       cancel_reason TEXT,
       origin TEXT NOT NULL CHECK (origin IN ('local','central'))
     ) STRICT`,
    `CREATE INDEX notices_account ON notices(account_id, created_at)`,
    `CREATE TABLE notice_payments (
       nav TEXT PRIMARY KEY,
       notice_id TEXT NOT NULL REFERENCES notices(id),
       iuv TEXT NOT NULL UNIQUE,
       base INTEGER UNIQUE,
       amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
       due_date TEXT,
       installment INTEGER,
       paid_at TEXT,
       UNIQUE (notice_id, installment)
     ) STRICT`,
    `CREATE INDEX notice_payments_notice ON notice_payments(notice_id)`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
