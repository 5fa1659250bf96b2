import { sql, type Kysely } from 'kysely';

/**
 * Idempotent money requests. Frozen once released: never import app code here.
 *
 * - money_requests: one row per money request the core has recorded, keyed by the id the client
 *   made for the operator's action (a UUID). A repeat of that id (a retry after a lost reply, a
 *   double click, a replayed request) finds the row and gets the first reply back instead of
 *   recording again. `fingerprint` is a SHA-256 of what the request asked (never a PIN), so the
 *   same id with a different request is refused; `reply` is the first reply as JSON.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE money_requests (
       request_id TEXT PRIMARY KEY,
       channel TEXT NOT NULL,
       operator_code TEXT NOT NULL,
       fingerprint TEXT NOT NULL,
       operation_id TEXT NOT NULL,
       reply TEXT NOT NULL,
       created_at TEXT NOT NULL
     ) STRICT`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
