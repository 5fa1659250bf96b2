import { sql, type Kysely } from 'kysely';

/**
 * Which installation this database belongs to. Frozen once released: never import app code here.
 *
 * - installation.installation_id: the id of the data folder the database was first opened in
 *   (src-main/core/installationId.ts keeps it outside the database, tied to the folder). NULL until
 *   the first start after this migration fills it; a database found in a folder with another id was
 *   copied there, and takes no receipt number until a supervisor enrols it again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(`ALTER TABLE installation ADD COLUMN installation_id TEXT`).execute(db);
}
