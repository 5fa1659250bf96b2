import { sql, type Kysely } from 'kysely';

/**
 * Sync with the central service. Frozen once released: never import app code here.
 *
 * - sync_state: one row, where this counter talks to and how far it has read the feed.
 * - ledger.server_seq: the central sequence of an entry (our own operations learn it from the ack
 *   or from the feed's echo). An entry counts on top of the pulled balance until that balance's
 *   seq reaches it.
 * - outbox: when to retry (backoff) and why the central refused an operation ("Da risolvere").
 * - children: a pharmacy never stores the family, the codice fiscale or the birth date, so those
 *   columns become NULLable. SQLite cannot drop NOT NULL in place: the table is rebuilt, keeping
 *   rowids (the FTS index points at them), indexes and triggers. The caller runs this with
 *   foreign_keys off (they cannot be switched inside the transaction) and we check them before the
 *   end, as SQLite's documented rebuild procedure says.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE sync_state (
       id INTEGER PRIMARY KEY CHECK (id = 1),
       central_url TEXT,
       token TEXT,
       token_revoked INTEGER NOT NULL DEFAULT 0,
       cursor TEXT NOT NULL DEFAULT '',
       initial_sync_done INTEGER NOT NULL DEFAULT 0,
       initial_sync_progress REAL NOT NULL DEFAULT 0,
       last_sync_at TEXT,
       server_offset_ms INTEGER,
       last_error TEXT
     ) STRICT`,
    `INSERT INTO sync_state (id) VALUES (1)`,
    `ALTER TABLE ledger ADD COLUMN server_seq INTEGER`,
    `CREATE INDEX ledger_server_seq ON ledger(server_seq)`,
    `ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT`,
    `ALTER TABLE outbox ADD COLUMN rejected_reason TEXT`,
    `ALTER TABLE outbox ADD COLUMN server_seq INTEGER`,
    `CREATE INDEX outbox_state ON outbox(state, seq)`,
    // Feed entries whose account has not arrived yet (the feed sends an entity's latest state in
    // change order, so an entry can come before its account): kept here until the account lands.
    `CREATE TABLE sync_parked_entries (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL,
       item TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX sync_parked_account ON sync_parked_entries(account_id)`,
    // children rebuild
    `CREATE TABLE children_rebuilt (
       id TEXT PRIMARY KEY,
       family_id TEXT REFERENCES families(id),
       surname TEXT NOT NULL,
       name TEXT NOT NULL,
       fiscal_code TEXT,
       fiscal_code_canonical TEXT,
       birth_date TEXT,
       school TEXT NOT NULL
     ) STRICT`,
    `INSERT INTO children_rebuilt (rowid, id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school)
       SELECT rowid, id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school FROM children`,
    `DROP TABLE children`,
    `ALTER TABLE children_rebuilt RENAME TO children`,
    `CREATE INDEX children_cf ON children(fiscal_code_canonical)`,
    `CREATE INDEX children_family ON children(family_id)`,
    `CREATE TRIGGER children_ai AFTER INSERT ON children BEGIN
       INSERT INTO children_fts(rowid, surname, name) VALUES (new.rowid, new.surname, new.name);
     END`,
    `CREATE TRIGGER children_ad AFTER DELETE ON children BEGIN
       INSERT INTO children_fts(children_fts, rowid, surname, name) VALUES ('delete', old.rowid, old.surname, old.name);
     END`,
    `CREATE TRIGGER children_au AFTER UPDATE ON children BEGIN
       INSERT INTO children_fts(children_fts, rowid, surname, name) VALUES ('delete', old.rowid, old.surname, old.name);
       INSERT INTO children_fts(rowid, surname, name) VALUES (new.rowid, new.surname, new.name);
     END`,
    // Rowids were kept, so the index is already right; rebuilding makes sure of it.
    `INSERT INTO children_fts(children_fts) VALUES ('rebuild')`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
  const broken = await sql.raw('PRAGMA foreign_key_check').execute(db);
  if (broken.rows.length > 0) {
    throw new Error(
      `migrazione 0002: riferimenti non validi dopo la ricostruzione (${JSON.stringify(broken.rows[0])})`,
    );
  }
}
