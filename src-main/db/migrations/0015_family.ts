import { sql, type Kysely } from 'kysely';

/**
 * Issue 10, the family's documents. Frozen once released: never import app code here.
 *
 * - attestations.data_as_of: when the counter's data last came from the central service (the meals
 *   and payments of other counters, the portal and pagoPA come through its feed) at the time the
 *   attestation was issued; the document says "dati al <data>", and a file written again from the
 *   register says the same. NULL for rows issued before this column (their documents do not say it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`ALTER TABLE attestations ADD COLUMN data_as_of TEXT`).execute(db);
}
