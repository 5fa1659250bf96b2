import type { FamilyRecord } from '../../shared/central';
import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** The counters of the roster: this installation's record and its configuration. */
export const counterQueries = preparedPerConnection((s) => ({
  counter: s.prepare<[code: string], Row<'counters'>>(
    'SELECT code, name, kind, address, config FROM counters WHERE code = ?',
  ),
  config: s.prepare<[code: string], Row<'counters'>['config']>('SELECT config FROM counters WHERE code = ?').pluck(),
  /** Every counter of the roster, for the first-run setup's choice. */
  list: s.prepare<[], Pick<Row<'counters'>, 'code' | 'name'>>('SELECT code, name FROM counters ORDER BY code'),
  saveConfig: s.prepare<[config: string, code: string]>('UPDATE counters SET config = ? WHERE code = ?'),
  /** A stand-in record until the first pull brings the real one. */
  insertStandIn: s.prepare<[code: string, name: string, config: string]>(
    `INSERT INTO counters (code, name, kind, address, config) VALUES (?, ?, 'farmacia', '', ?)
       ON CONFLICT (code) DO NOTHING`,
  ),
}));

export interface CounterRow {
  code: string;
  name: string;
  kind: string;
  address: string;
  /** JSON of a CounterConfig. */
  config: string;
}

export interface OperatorRow {
  code: string;
  name: string;
  role: string;
  counterCode: string | null;
  pinHash: string;
  active: number;
}

export type FamilyRow = FamilyRecord;

export interface ChildRow {
  id: string;
  familyId: string | null;
  surname: string;
  name: string;
  fiscalCode: string | null;
  /** The non-omocodic form of fiscalCode, on which lookups run. */
  canonical: string | null;
  birthDate: string | null;
  school: string;
  /** shared/searchKey.ts's childSearchKeys of surname and name. */
  surnameKey: string;
  nameKey: string;
}

export interface AccountRow {
  id: string;
  childId: string;
  service: string;
  papayCode: string;
  serverBalanceCents: number;
  serverSeq: number;
  serverBalanceAt: string | null;
}

export interface CentralEntryRow {
  id: string;
  accountId: string;
  kind: string;
  amountCents: number;
  createdAt: string;
  businessDate: string;
  counterCode: string | null;
  voidsId: string | null;
  reason: string | null;
  /** The central ledger sequence, when the feed brought it. */
  seq: number | null;
  /** Another counter's receipt number, a notice's codice avviso, the payer's codice fiscale (front office only). */
  receiptRef: string | null;
  nav: string | null;
  payerCf: string | null;
}

/**
 * Writes of the roster (counters, operators, families, children, accounts, central history), the
 * same for the demo seeds and the sync's pull. Every write is an upsert or an insert-or-ignore, so
 * a feed page applied twice changes nothing. Bulk writes of 100,000 rows must not pay the
 * preparation per row: prepared once per connection.
 */
export const rosterQueries = preparedPerConnection((s) => ({
  operatorCounters: s.prepare<[], { code: string; counterCode: string | null }>(
    'SELECT code, counter_code AS counterCode FROM operators',
  ),
  deleteOperator: s.prepare<[code: string]>('DELETE FROM operators WHERE code = ?'),
  upsertCounter: s.prepare<[CounterRow]>(
    `INSERT INTO counters (code, name, kind, address, config) VALUES (@code, @name, @kind, @address, @config)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
         address = excluded.address, config = excluded.config`,
  ),
  // The lockout state (failed attempts, locked until) is local: an update of the roster keeps it.
  upsertOperator: s.prepare<[OperatorRow]>(
    `INSERT INTO operators (code, name, role, counter_code, pin_hash, active)
     VALUES (@code, @name, @role, @counterCode, @pinHash, @active)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role,
       counter_code = excluded.counter_code, pin_hash = excluded.pin_hash, active = excluded.active`,
  ),
  upsertFamily: s.prepare<[FamilyRow]>(
    `INSERT INTO families (id, surname, name, fiscal_code, address, phone, email)
     VALUES (@id, @surname, @name, @fiscalCode, @address, @phone, @email)
     ON CONFLICT (id) DO UPDATE SET surname = excluded.surname, name = excluded.name,
       fiscal_code = excluded.fiscal_code, address = excluded.address, phone = excluded.phone, email = excluded.email`,
  ),
  upsertChild: s.prepare<[ChildRow]>(
    `INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school,
                           surname_key, name_key)
     VALUES (@id, @familyId, @surname, @name, @fiscalCode, @canonical, @birthDate, @school, @surnameKey, @nameKey)
     ON CONFLICT (id) DO UPDATE SET family_id = excluded.family_id, surname = excluded.surname,
       name = excluded.name, fiscal_code = excluded.fiscal_code,
       fiscal_code_canonical = excluded.fiscal_code_canonical, birth_date = excluded.birth_date,
       school = excluded.school, surname_key = excluded.surname_key, name_key = excluded.name_key`,
  ),
  // A balance never goes back: an older one (lower seq) arriving late leaves the newer in place.
  upsertAccount: s.prepare<[AccountRow]>(
    `INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq, server_balance_at)
     VALUES (@id, @childId, @service, @papayCode, @serverBalanceCents, @serverSeq, @serverBalanceAt)
     ON CONFLICT (id) DO UPDATE SET child_id = excluded.child_id, service = excluded.service,
       papay_code = excluded.papay_code,
       -- The central's code replaces a provisional one made at a registration (same account id).
       papay_provisional = 0,
       server_balance_cents = CASE WHEN excluded.server_seq >= accounts.server_seq
                                   THEN excluded.server_balance_cents ELSE accounts.server_balance_cents END,
       server_balance_at = CASE WHEN excluded.server_seq >= accounts.server_seq
                                THEN excluded.server_balance_at ELSE accounts.server_balance_at END,
       server_seq = MAX(accounts.server_seq, excluded.server_seq)`,
  ),
  // History already counted in the server balance: it explains the balance, it never adds to it.
  insertCentralEntry: s.prepare<[CentralEntryRow]>(
    `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, voids_id,
                         reason, origin, included_in_server_balance, server_seq, receipt_ref, nav, payer_cf)
     VALUES (@id, @accountId, @kind, @amountCents, @createdAt, @businessDate, @counterCode, @voidsId,
             @reason, 'central', 1, @seq, @receiptRef, @nav, @payerCf)
     ON CONFLICT DO NOTHING`,
  ),
}));

/** A pharmacy's reduction of a fuller roster (roster/minimise.ts). */
export const pharmacyMinimiseQueries = preparedPerConnection((s) => ({
  fullChildren: s.prepare<[], Pick<Row<'children'>, 'id' | 'surname' | 'name'>>(
    `SELECT id, surname, name FROM children
      WHERE family_id IS NOT NULL OR fiscal_code IS NOT NULL OR birth_date IS NOT NULL`,
  ),
  reduceChild: s.prepare<[surname: string, surnameKey: string, nameKey: string, id: string]>(
    `UPDATE children SET family_id = NULL, fiscal_code = NULL, fiscal_code_canonical = NULL, birth_date = NULL,
            surname = ?, surname_key = ?, name_key = ? WHERE id = ?`,
  ),
  families: s.prepare<[], number>('SELECT COUNT(*) FROM families').pluck(),
  dropLinks: s.prepare('DELETE FROM child_links'),
  dropEnrolments: s.prepare('DELETE FROM enrolments'),
  dropRegistrations: s.prepare('DELETE FROM registrations'),
  dropFamilies: s.prepare('DELETE FROM families'),
}));
