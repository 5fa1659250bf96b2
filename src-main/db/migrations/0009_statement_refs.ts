import { sql, type Kysely } from 'kysely';

/**
 * What the estratto conto says of each payment. Frozen once released: never import app code here.
 *
 * - ledger.receipt_ref: the receipt number of a top-up made at another counter, as the central
 *   feed brings it (this counter's own receipts are in `receipts`).
 * - ledger.nav: the codice avviso of a pagoPA payment of a notice (NULL for a payment made on the
 *   parents' portal without a notice, and for everything else).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`ALTER TABLE ledger ADD COLUMN receipt_ref TEXT`).execute(db);
  await sql.raw(`ALTER TABLE ledger ADD COLUMN nav TEXT`).execute(db);
}
