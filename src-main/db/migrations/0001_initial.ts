import { sql, type Kysely } from 'kysely';

/**
 * Frozen once released: never import app code here, never edit it after a release; add a new file.
 * Tables are STRICT; money in integer cents; times as UTC ISO strings.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    // The identity of this installation: one counter per PC, fixed at the first start.
    `CREATE TABLE installation (
       id INTEGER PRIMARY KEY CHECK (id = 1),
       counter_code TEXT NOT NULL,
       created_at TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE counters (
       code TEXT PRIMARY KEY,
       name TEXT NOT NULL,
       kind TEXT NOT NULL CHECK (kind IN ('sportello','economato','farmacia')),
       address TEXT NOT NULL,
       config TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE operators (
       code TEXT PRIMARY KEY,
       name TEXT NOT NULL,
       role TEXT NOT NULL CHECK (role IN ('sportello','farmacia','supervisore')),
       counter_code TEXT REFERENCES counters(code),
       pin_hash TEXT NOT NULL,
       active INTEGER NOT NULL DEFAULT 1,
       failed_attempts INTEGER NOT NULL DEFAULT 0,
       locked_until TEXT
     ) STRICT`,
    `CREATE TABLE families (
       id TEXT PRIMARY KEY,
       surname TEXT NOT NULL,
       name TEXT NOT NULL,
       fiscal_code TEXT NOT NULL,
       address TEXT NOT NULL,
       phone TEXT,
       email TEXT
     ) STRICT`,
    `CREATE INDEX families_cf ON families(fiscal_code)`,
    `CREATE TABLE children (
       id TEXT PRIMARY KEY,
       family_id TEXT NOT NULL REFERENCES families(id),
       surname TEXT NOT NULL,
       name TEXT NOT NULL,
       fiscal_code TEXT NOT NULL,
       fiscal_code_canonical TEXT NOT NULL,
       birth_date TEXT NOT NULL,
       school TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX children_cf ON children(fiscal_code_canonical)`,
    `CREATE INDEX children_family ON children(family_id)`,
    // Name search: accents and case folded by the tokenizer; apostrophes split words on both sides.
    `CREATE VIRTUAL TABLE children_fts USING fts5(
       surname, name, content='children', content_rowid='rowid',
       tokenize = "unicode61 remove_diacritics 2"
     )`,
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
    // One account per child per service. The server balance is what the central service last said,
    // with the server sequence it includes; local entries count on top of it until a pull includes them.
    `CREATE TABLE accounts (
       id TEXT PRIMARY KEY,
       child_id TEXT NOT NULL REFERENCES children(id),
       service TEXT NOT NULL CHECK (service IN ('refezione','trasporto','asilo_nido')),
       papay_code TEXT NOT NULL UNIQUE,
       server_balance_cents INTEGER NOT NULL,
       server_seq INTEGER NOT NULL,
       server_balance_at TEXT,
       UNIQUE (child_id, service)
     ) STRICT`,
    // Append-only: a void is a new entry pointing at the one it compensates, never an update or delete.
    `CREATE TABLE ledger (
       id TEXT PRIMARY KEY,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       kind TEXT NOT NULL CHECK (kind IN ('topup_cash','topup_card','topup_pagopa','meal','adjustment','void')),
       amount_cents INTEGER NOT NULL,
       created_at TEXT NOT NULL,
       business_date TEXT NOT NULL,
       counter_code TEXT,
       operator_code TEXT,
       voids_id TEXT UNIQUE REFERENCES ledger(id),
       payer_cf TEXT,
       pos_auth_code TEXT,
       reason TEXT,
       approved_by TEXT,
       origin TEXT NOT NULL CHECK (origin IN ('local','central')),
       included_in_server_balance INTEGER NOT NULL DEFAULT 0
     ) STRICT`,
    `CREATE INDEX ledger_account ON ledger(account_id, created_at)`,
    `CREATE INDEX ledger_pending ON ledger(account_id) WHERE included_in_server_balance = 0`,
    `CREATE INDEX ledger_day ON ledger(counter_code, business_date)`,
    `CREATE TABLE receipt_sequences (
       counter_code TEXT NOT NULL,
       year INTEGER NOT NULL,
       last_number INTEGER NOT NULL,
       PRIMARY KEY (counter_code, year)
     ) STRICT`,
    `CREATE TABLE receipts (
       receipt_no TEXT PRIMARY KEY,
       counter_code TEXT NOT NULL,
       year INTEGER NOT NULL,
       number INTEGER NOT NULL,
       kind TEXT NOT NULL CHECK (kind IN ('ricarica','storno')),
       operation_id TEXT NOT NULL UNIQUE REFERENCES ledger(id),
       created_at TEXT NOT NULL,
       business_date TEXT NOT NULL,
       text TEXT NOT NULL,
       printed_at TEXT,
       UNIQUE (counter_code, year, number)
     ) STRICT`,
    `CREATE INDEX receipts_day ON receipts(business_date)`,
    `CREATE INDEX receipts_unprinted ON receipts(created_at) WHERE printed_at IS NULL`,
    `CREATE TABLE receipt_prints (
       id INTEGER PRIMARY KEY,
       receipt_no TEXT NOT NULL REFERENCES receipts(receipt_no),
       at TEXT NOT NULL,
       business_date TEXT NOT NULL,
       operator_code TEXT NOT NULL,
       copy INTEGER NOT NULL,
       printed INTEGER NOT NULL,
       error TEXT
     ) STRICT`,
    // Written in the same transaction as the data it sends (the sync comes later and reads it in order).
    `CREATE TABLE outbox (
       seq INTEGER PRIMARY KEY AUTOINCREMENT,
       operation_id TEXT NOT NULL UNIQUE,
       type TEXT NOT NULL,
       payload TEXT NOT NULL,
       created_at TEXT NOT NULL,
       state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','confirmed','rejected')),
       attempts INTEGER NOT NULL DEFAULT 0,
       last_error TEXT
     ) STRICT`,
    `CREATE TABLE audit (
       id INTEGER PRIMARY KEY,
       at TEXT NOT NULL,
       counter_code TEXT NOT NULL,
       operator_code TEXT,
       action TEXT NOT NULL,
       detail TEXT NOT NULL
     ) STRICT`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
