import { sql, type Kysely } from 'kysely';

/**
 * The register of the attestazioni for the 730. Frozen once released: never import app code here.
 *
 * - attestations: one row per document issued, numbered per counter and year (protocol_no
 *   "SE1/2026/A00001", the number from till_sequences with kind 'A') in the same transaction that
 *   writes the row and its audit; the figures are stored so the same document can be written again
 *   (a batch resumed after a crash re-renders from the row, it does not take a new number). Never
 *   changed or deleted (triggers).
 * - batch_year: the tax year of the yearly batch the row was written by (NULL for one issued at the
 *   desk); at most one per account and batch year, so a resumed batch skips what is done.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE attestations (
       protocol_no TEXT PRIMARY KEY,
       counter_code TEXT NOT NULL,
       year INTEGER NOT NULL,
       number INTEGER NOT NULL,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       tax_year INTEGER NOT NULL,
       batch_year INTEGER,
       issued_at TEXT NOT NULL,
       operator_code TEXT NOT NULL,
       code TEXT NOT NULL,
       traceable_cents INTEGER NOT NULL,
       cash_cents INTEGER NOT NULL,
       payer_cfs TEXT NOT NULL,
       file TEXT NOT NULL,
       UNIQUE (counter_code, year, number)
     ) STRICT`,
    `CREATE INDEX attestations_account ON attestations(account_id, tax_year)`,
    `CREATE UNIQUE INDEX attestations_batch ON attestations(batch_year, account_id) WHERE batch_year IS NOT NULL`,
    `CREATE TRIGGER attestations_no_update BEFORE UPDATE ON attestations BEGIN
       SELECT RAISE(ABORT, 'un''attestazione registrata non si modifica');
     END`,
    `CREATE TRIGGER attestations_no_delete BEFORE DELETE ON attestations BEGIN
       SELECT RAISE(ABORT, 'un''attestazione registrata non si cancella');
     END`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
