import { sql, type Kysely } from 'kysely';

/**
 * Families registered at the counter (iscrizioni). Frozen once released: never import app code here.
 *
 * - registrations: one visit of an adulto di riferimento, with the consent to the processing of
 *   personal data (when, and the exact text consented to with its SHA-256).
 * - enrolments: a child in a service for a school year (UNIQUE), with the tariff computed then and
 *   the state the central service gives it (in_attesa until the sync, then confermata/rifiutata).
 * - child_links: every change of the adulto di riferimento a child is linked to (the child follows
 *   the parent who enrolled it last), with who did it and in which registration.
 * - accounts.papay_provisional: 1 while the account's Pa-Pay code is the counter's provisional one
 *   (P-<counter>-<n>); the central service's real code replaces it through the feed.
 * - papay_provisional_sequences: the n of those codes, per counter, never reused.
 * - families.birth_date/sex: what was typed for the parent, also when the codice fiscale is a
 *   provisional one (11 digits) that carries neither. A child's sex is read from its code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `ALTER TABLE accounts ADD COLUMN papay_provisional INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE families ADD COLUMN birth_date TEXT`,
    `ALTER TABLE families ADD COLUMN sex TEXT`,
    `CREATE TABLE papay_provisional_sequences (
       counter_code TEXT PRIMARY KEY,
       last_number INTEGER NOT NULL
     ) STRICT`,
    `CREATE TABLE registrations (
       id TEXT PRIMARY KEY,
       created_at TEXT NOT NULL,
       counter_code TEXT NOT NULL,
       operator_code TEXT NOT NULL,
       family_id TEXT NOT NULL REFERENCES families(id),
       consent_at TEXT NOT NULL,
       consent_text TEXT NOT NULL,
       consent_text_sha256 TEXT NOT NULL,
       operation_id TEXT NOT NULL UNIQUE
     ) STRICT`,
    `CREATE INDEX registrations_family ON registrations(family_id)`,
    `CREATE TABLE enrolments (
       id TEXT PRIMARY KEY,
       registration_id TEXT NOT NULL REFERENCES registrations(id),
       child_id TEXT NOT NULL REFERENCES children(id),
       service TEXT NOT NULL CHECK (service IN ('refezione','trasporto','asilo_nido')),
       school_year TEXT NOT NULL,
       account_id TEXT NOT NULL REFERENCES accounts(id),
       isee_cents INTEGER,
       isee_date TEXT,
       band_code TEXT NOT NULL,
       band_label TEXT NOT NULL,
       tariff_cents INTEGER NOT NULL,
       sibling_reduction_percent INTEGER NOT NULL,
       final_tariff_cents INTEGER NOT NULL,
       tariff_unit TEXT NOT NULL,
       late INTEGER NOT NULL CHECK (late IN (0, 1)),
       details TEXT NOT NULL,
       state TEXT NOT NULL DEFAULT 'in_attesa' CHECK (state IN ('in_attesa','confermata','rifiutata')),
       refusal TEXT,
       state_at TEXT NOT NULL,
       UNIQUE (child_id, service, school_year)
     ) STRICT`,
    `CREATE INDEX enrolments_registration ON enrolments(registration_id)`,
    `CREATE TABLE child_links (
       id INTEGER PRIMARY KEY,
       child_id TEXT NOT NULL REFERENCES children(id),
       from_family_id TEXT REFERENCES families(id),
       to_family_id TEXT NOT NULL REFERENCES families(id),
       at TEXT NOT NULL,
       operator_code TEXT NOT NULL,
       registration_id TEXT NOT NULL REFERENCES registrations(id)
     ) STRICT`,
    `CREATE INDEX child_links_child ON child_links(child_id)`,
    `CREATE INDEX child_links_registration ON child_links(registration_id)`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}
