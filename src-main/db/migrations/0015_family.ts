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
  const statements = [
    `ALTER TABLE attestations ADD COLUMN data_as_of TEXT`,
    `CREATE VIRTUAL TABLE families_fts USING fts5(
       surname, name, content='families', content_rowid='rowid',
       tokenize = "unicode61 remove_diacritics 2"
     )`,
    `CREATE TRIGGER families_ai AFTER INSERT ON families BEGIN
       INSERT INTO families_fts(rowid, surname, name) VALUES (new.rowid, new.surname, new.name);
     END`,
    `CREATE TRIGGER families_ad AFTER DELETE ON families BEGIN
       INSERT INTO families_fts(families_fts, rowid, surname, name) VALUES ('delete', old.rowid, old.surname, old.name);
     END`,
    `CREATE TRIGGER families_au AFTER UPDATE OF surname, name ON families BEGIN
       INSERT INTO families_fts(families_fts, rowid, surname, name) VALUES ('delete', old.rowid, old.surname, old.name);
       INSERT INTO families_fts(rowid, surname, name) VALUES (new.rowid, new.surname, new.name);
     END`,
    `INSERT INTO families_fts(families_fts) VALUES ('rebuild')`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
