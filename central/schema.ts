import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * The emulator's own database: what the central service (the back end of WEB GENITORI) would hold.
 * It shares nothing with a counter's database, so the two sides can only meet through HTTP.
 */
export const CENTRAL_DB_FILE = 'central.sqlite';
const SCHEMA_VERSION = 5;

const DDL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE counters (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, address TEXT NOT NULL, config TEXT NOT NULL
) STRICT;
CREATE TABLE operators (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, counter_code TEXT REFERENCES counters (code),
  pin_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE TABLE families (
  id TEXT PRIMARY KEY, surname TEXT NOT NULL, name TEXT NOT NULL, fiscal_code TEXT NOT NULL, address TEXT NOT NULL,
  phone TEXT, email TEXT
) STRICT;
CREATE TABLE children (
  id TEXT PRIMARY KEY, family_id TEXT NOT NULL REFERENCES families (id), surname TEXT NOT NULL, name TEXT NOT NULL,
  fiscal_code TEXT NOT NULL, birth_date TEXT NOT NULL, school TEXT NOT NULL
) STRICT;
-- balance_cents is kept in the same transaction as every ledger insert; it always equals
-- opening_balance_cents + the sum of the account's ledger rows (the tests check it).
CREATE TABLE accounts (
  id TEXT PRIMARY KEY, child_id TEXT NOT NULL REFERENCES children (id), service TEXT NOT NULL,
  papay_code TEXT NOT NULL UNIQUE, opening_balance_cents INTEGER NOT NULL, balance_cents INTEGER NOT NULL,
  balance_seq INTEGER NOT NULL, balance_at TEXT NOT NULL
) STRICT;
-- The central ledger: seq is the global order. The UUID made at the counter is UNIQUE, so a
-- resent operation can never be stored twice; a second void of the same entry is refused by the
-- partial unique index even if the code above it had a bug.
CREATE TABLE ledger (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  counter_code TEXT,
  operator_code TEXT,
  receipt_no TEXT,
  method TEXT,
  payer_cf TEXT,
  pos_auth_code TEXT,
  voids_id TEXT,
  reason TEXT,
  approved_by TEXT,
  -- A split payment at a counter (one receipt, an entry per account) or its void: the payment's id.
  payment_id TEXT
) STRICT;
CREATE INDEX ledger_account ON ledger (account_id, seq);
CREATE INDEX ledger_payment ON ledger (payment_id) WHERE payment_id IS NOT NULL;
CREATE INDEX ledger_counter ON ledger (counter_code) WHERE counter_code IS NOT NULL;
CREATE UNIQUE INDEX ledger_voids_once ON ledger (voids_id) WHERE voids_id IS NOT NULL;
-- A receipt number is issued once per counter (issue 13 item 9): a second operation under a number
-- the central already holds (a copy of the counter's data, a restored backup) is refused by push.ts
-- with the reason, and this trigger holds even if the code above it had a bug. One receipt may list
-- the entries of one split payment (or of its void): they share the payment's id.
CREATE INDEX ledger_receipt ON ledger (counter_code, receipt_no) WHERE receipt_no IS NOT NULL;
CREATE TRIGGER ledger_receipt_once BEFORE INSERT ON ledger
WHEN NEW.receipt_no IS NOT NULL AND EXISTS (
  SELECT 1 FROM ledger WHERE counter_code = NEW.counter_code AND receipt_no = NEW.receipt_no
     AND coalesce(payment_id, id) <> coalesce(NEW.payment_id, NEW.id))
BEGIN
  SELECT RAISE(ABORT, 'receipt number already held by another operation');
END;
-- Append-only: an entity changed twice has two rows. The feed sends its current state at each,
-- so an account is always delivered before the entries that reference it.
CREATE TABLE change_log (
  change_seq INTEGER PRIMARY KEY AUTOINCREMENT, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL
) STRICT;
CREATE TABLE enrolment_codes (
  code_hash TEXT PRIMARY KEY, counter_code TEXT NOT NULL REFERENCES counters (code), created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL, used_at TEXT
) STRICT;
-- installation_id: the installation the token was given to (null: enrolled by a counter that did not
-- say; the first id presented is then bound). Another installation presenting the token is refused.
CREATE TABLE devices (
  token_hash TEXT PRIMARY KEY, counter_code TEXT NOT NULL REFERENCES counters (code), device_name TEXT NOT NULL,
  enrolled_at TEXT NOT NULL, revoked_at TEXT, installation_id TEXT
) STRICT;
CREATE INDEX devices_counter ON devices (counter_code) WHERE revoked_at IS NULL;
-- pagoPA notices (notices.ts). Bases of codici avviso per segregation code; the blocks say which
-- counter owns which range, so a NAV outside them is refused and a base is never handed out twice.
CREATE TABLE notice_base_counters (segregation_code TEXT PRIMARY KEY, next_base INTEGER NOT NULL) STRICT;
CREATE TABLE notice_blocks (
  request_id TEXT PRIMARY KEY, counter_code TEXT NOT NULL REFERENCES counters (code), segregation_code TEXT NOT NULL,
  first_base INTEGER NOT NULL, last_base INTEGER NOT NULL, assigned_at TEXT NOT NULL
) STRICT;
CREATE INDEX notice_blocks_range ON notice_blocks (counter_code, segregation_code, first_base);
-- seq: what a resent operation gets again (its place among the notices' operations).
CREATE TABLE notices (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, operation_id TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL REFERENCES accounts (id), counter_code TEXT NOT NULL, operator_code TEXT NOT NULL,
  created_at TEXT NOT NULL, received_at TEXT NOT NULL, subject TEXT NOT NULL, amount_cents INTEGER NOT NULL,
  due_date TEXT, debtor TEXT NOT NULL, state TEXT NOT NULL, state_at TEXT NOT NULL, paid_at TEXT
) STRICT;
CREATE TABLE notice_payments (
  nav TEXT PRIMARY KEY, notice_id TEXT NOT NULL REFERENCES notices (id), iuv TEXT NOT NULL UNIQUE,
  amount_cents INTEGER NOT NULL, due_date TEXT, installment INTEGER, paid_at TEXT, ledger_id TEXT UNIQUE
) STRICT;
CREATE INDEX notice_payments_notice ON notice_payments (notice_id);
CREATE TABLE notice_cancels (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, notice_id TEXT NOT NULL REFERENCES notices (id),
  counter_code TEXT NOT NULL, operator_code TEXT NOT NULL, reason TEXT NOT NULL, created_at TEXT NOT NULL,
  received_at TEXT NOT NULL, outcome TEXT NOT NULL
) STRICT;
-- Registrations made at the counters (registrations.ts): the operation as received (its seq is what
-- a resend gets again), and the enrolments, one per child, service and school year whatever made
-- them (a counter or the portal).
CREATE TABLE registrations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, registration_id TEXT NOT NULL,
  counter_code TEXT NOT NULL, operator_code TEXT NOT NULL, family_id TEXT NOT NULL REFERENCES families (id),
  created_at TEXT NOT NULL, received_at TEXT NOT NULL, payload TEXT NOT NULL
) STRICT;
CREATE TABLE enrolments (
  id TEXT PRIMARY KEY, child_id TEXT NOT NULL REFERENCES children (id), service TEXT NOT NULL,
  school_year TEXT NOT NULL, account_id TEXT REFERENCES accounts (id), origin TEXT NOT NULL,
  operation_id TEXT, band_code TEXT, final_tariff_cents INTEGER, late INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, UNIQUE (child_id, service, school_year)
) STRICT;
-- Serial of the next Pa-Pay code the central assigns to an account opened at a counter.
CREATE TABLE papay_serials (id INTEGER PRIMARY KEY CHECK (id = 1), next_serial INTEGER NOT NULL) STRICT;
-- The provisional code a counter gave an account before the central's: a top-up recorded with it is still that account's.
-- (A replaced PC numbers its provisional codes again from 1: the pair is the key, not the code.)
-- The counters' cash offices (till.ts): each event as received; a close with what the ledger says of it.
CREATE TABLE till_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, event TEXT NOT NULL, session_id TEXT NOT NULL,
  counter_code TEXT NOT NULL, operator_code TEXT NOT NULL, created_at TEXT NOT NULL, received_at TEXT NOT NULL,
  payload TEXT NOT NULL, ledger_cash_net_cents INTEGER, ledger_card_net_cents INTEGER, missing_operations INTEGER,
  mismatch TEXT
) STRICT;
CREATE TABLE provisional_papay_codes (
  code TEXT NOT NULL, account_id TEXT NOT NULL REFERENCES accounts (id), PRIMARY KEY (code, account_id)
) STRICT;
`;

export type CentralSqlite = BetterSqlite3.Database;

/** Opens (and on first use creates) the emulator database in `dataDir`. */
export function openCentralDatabase(dataDir: string): CentralSqlite {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(path.join(dataDir, CENTRAL_DB_FILE));
  try {
    sqlite.pragma('journal_mode = WAL');
    // Money: an acknowledged operation must survive a power cut.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // The enrolment-code command writes while the server runs.
    sqlite.pragma('busy_timeout = 5000');
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version === 0) {
      sqlite.transaction(() => {
        sqlite.exec(DDL);
        // A new database gets a new epoch: a cursor from another database is refused, not misread.
        sqlite
          .prepare('INSERT INTO meta (key, value) VALUES (?, ?)')
          .run('epoch', crypto.randomBytes(6).toString('hex'));
        sqlite.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    } else if (version !== SCHEMA_VERSION) {
      throw new Error(
        `Il database dell'emulatore centrale ha la versione ${version}, attesa ${SCHEMA_VERSION}: usare una cartella dati nuova.`,
      );
    }
    return sqlite;
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

export function databaseEpoch(sqlite: CentralSqlite): string {
  const row = sqlite.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as { value: string } | undefined;
  if (!row) throw new Error('epoch mancante nel database centrale');
  return row.value;
}

/** Records that an entity changed, so the next feed of every counter delivers its current state. */
export function changeRecorder(sqlite: CentralSqlite): (entityType: EntityType, entityId: string) => void {
  const insert = sqlite.prepare('INSERT INTO change_log (entity_type, entity_id) VALUES (?, ?)');
  return (entityType, entityId) => {
    insert.run(entityType, entityId);
  };
}

export type EntityType = 'counter' | 'operator' | 'family' | 'child' | 'account' | 'entry' | 'notice';
