import { sql, type Kysely } from 'kysely';

/**
 * The cash office. Frozen once released: never import app code here.
 *
 * - till_sessions: a sessione di cassa of a counter, opened with its float (counted by
 *   denomination, JSON; a pharmacy's has none). At most one open per counter (partial unique index).
 *   A reopened session gets closed_at NULL again; its closes stay, each with its own Z number.
 * - ledger.till_session_id: the session open when the entry was written (NULL outside any session).
 * - till_movements: versamento in Tesoreria, reintegro, prelievo, each with its numbered document.
 * - till_closes: one row per Z report (chiusura n. X), written in the close's one transaction and
 *   never changed again (triggers refuse UPDATE and DELETE). A rettifica after a reopening is a new
 *   row with the next number that names the one it rectifies.
 * - till_reopenings: who reopened which session, when, approved by whom, why.
 * - till_sequences: the numbering of Z reports and movement documents, per counter, kind and year.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE till_sessions (
       id TEXT PRIMARY KEY,
       counter_code TEXT NOT NULL,
       opened_at TEXT NOT NULL,
       opened_by TEXT NOT NULL,
       business_date TEXT NOT NULL,
       float_cents INTEGER NOT NULL CHECK (float_cents >= 0),
       float_counts TEXT NOT NULL,
       closed_at TEXT,
       closed_by TEXT
     ) STRICT`,
    `CREATE UNIQUE INDEX till_sessions_one_open ON till_sessions(counter_code) WHERE closed_at IS NULL`,
    `CREATE INDEX till_sessions_counter ON till_sessions(counter_code, opened_at)`,
    `ALTER TABLE ledger ADD COLUMN till_session_id TEXT REFERENCES till_sessions(id)`,
    `CREATE INDEX ledger_till_session ON ledger(till_session_id) WHERE till_session_id IS NOT NULL`,
    `CREATE TABLE till_movements (
       id TEXT PRIMARY KEY,
       session_id TEXT NOT NULL REFERENCES till_sessions(id),
       counter_code TEXT NOT NULL,
       kind TEXT NOT NULL CHECK (kind IN ('versamento','reintegro','prelievo')),
       document_no TEXT NOT NULL UNIQUE,
       year INTEGER NOT NULL,
       number INTEGER NOT NULL,
       amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
       date TEXT NOT NULL,
       reference TEXT,
       note TEXT,
       operator_code TEXT NOT NULL,
       created_at TEXT NOT NULL,
       UNIQUE (counter_code, kind, year, number)
     ) STRICT`,
    `CREATE INDEX till_movements_counter ON till_movements(counter_code, kind, date)`,
    `CREATE TABLE till_closes (
       z_no TEXT PRIMARY KEY,
       counter_code TEXT NOT NULL,
       year INTEGER NOT NULL,
       number INTEGER NOT NULL,
       session_id TEXT NOT NULL REFERENCES till_sessions(id),
       closed_at TEXT NOT NULL,
       business_date TEXT NOT NULL,
       operator_code TEXT NOT NULL,
       counts_drawer INTEGER NOT NULL,
       counted_counts TEXT,
       counted_cash_cents INTEGER,
       declared_card_cents INTEGER NOT NULL,
       expected_cash_cents INTEGER NOT NULL,
       expected_card_cents INTEGER NOT NULL,
       cash_difference_cents INTEGER NOT NULL,
       card_difference_cents INTEGER NOT NULL,
       note TEXT,
       approved_by TEXT,
       rectifies TEXT REFERENCES till_closes(z_no),
       totals TEXT NOT NULL,
       text TEXT NOT NULL,
       UNIQUE (counter_code, year, number)
     ) STRICT`,
    `CREATE INDEX till_closes_session ON till_closes(session_id)`,
    `CREATE TRIGGER till_closes_no_update BEFORE UPDATE ON till_closes BEGIN
       SELECT RAISE(ABORT, 'una chiusura di cassa non si modifica');
     END`,
    `CREATE TRIGGER till_closes_no_delete BEFORE DELETE ON till_closes BEGIN
       SELECT RAISE(ABORT, 'una chiusura di cassa non si cancella');
     END`,
    `CREATE TABLE till_reopenings (
       id TEXT PRIMARY KEY,
       session_id TEXT NOT NULL REFERENCES till_sessions(id),
       z_no TEXT NOT NULL REFERENCES till_closes(z_no),
       at TEXT NOT NULL,
       operator_code TEXT NOT NULL,
       approved_by TEXT NOT NULL,
       reason TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE till_sequences (
       counter_code TEXT NOT NULL,
       kind TEXT NOT NULL,
       year INTEGER NOT NULL,
       last_number INTEGER NOT NULL,
       PRIMARY KEY (counter_code, kind, year)
     ) STRICT`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
