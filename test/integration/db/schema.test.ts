import fs from 'node:fs';
import os from 'node:os';
import type { SelectType } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/db/open';
import type { Database } from '../../../src-main/db/schema';

/**
 * The column declaration SQLite must report for a schema type: `'TEXT'`, `'INTEGER NULL'`... A
 * number may be stored as INTEGER or REAL; the database says which. A `Generated<number>` key reads
 * as a number, so it is declared NOT NULL here (SQLite reports a rowid alias as nullable: see below).
 */
type SqlType<V> = V extends number ? 'INTEGER' | 'REAL' : V extends string ? 'TEXT' : never;
type ColumnSpec<V> = null extends V ? `${SqlType<NonNullable<V>>} NULL` : SqlType<V>;
type TableSpec<T> = { [K in keyof T]-?: ColumnSpec<SelectType<T[K]>> };

/**
 * Every table and column of `Database`, with the declaration its TypeScript type implies. The
 * compiler keeps this list in step with schema.ts (a column added, removed or retyped there fails
 * `satisfies`); the test keeps it in step with the migrations.
 */
const SCHEMA = {
  installation: { id: 'INTEGER', counter_code: 'TEXT', created_at: 'TEXT', installation_id: 'TEXT NULL' },
  counters: { code: 'TEXT', name: 'TEXT', kind: 'TEXT', address: 'TEXT', config: 'TEXT' },
  operators: {
    code: 'TEXT',
    name: 'TEXT',
    role: 'TEXT',
    counter_code: 'TEXT NULL',
    pin_hash: 'TEXT',
    active: 'INTEGER',
    failed_attempts: 'INTEGER',
    locked_until: 'TEXT NULL',
  },
  families: {
    id: 'TEXT',
    surname: 'TEXT',
    name: 'TEXT',
    fiscal_code: 'TEXT',
    address: 'TEXT',
    phone: 'TEXT NULL',
    email: 'TEXT NULL',
    birth_date: 'TEXT NULL',
    sex: 'TEXT NULL',
  },
  children: {
    id: 'TEXT',
    family_id: 'TEXT NULL',
    surname: 'TEXT',
    name: 'TEXT',
    fiscal_code: 'TEXT NULL',
    fiscal_code_canonical: 'TEXT NULL',
    birth_date: 'TEXT NULL',
    school: 'TEXT',
    surname_key: 'TEXT',
    name_key: 'TEXT',
  },
  accounts: {
    id: 'TEXT',
    child_id: 'TEXT',
    service: 'TEXT',
    papay_code: 'TEXT',
    server_balance_cents: 'INTEGER',
    server_seq: 'INTEGER',
    server_balance_at: 'TEXT NULL',
    papay_provisional: 'INTEGER',
  },
  ledger: {
    id: 'TEXT',
    account_id: 'TEXT',
    kind: 'TEXT',
    amount_cents: 'INTEGER',
    created_at: 'TEXT',
    business_date: 'TEXT',
    counter_code: 'TEXT NULL',
    operator_code: 'TEXT NULL',
    voids_id: 'TEXT NULL',
    payer_cf: 'TEXT NULL',
    pos_auth_code: 'TEXT NULL',
    reason: 'TEXT NULL',
    approved_by: 'TEXT NULL',
    origin: 'TEXT',
    included_in_server_balance: 'INTEGER',
    server_seq: 'INTEGER NULL',
    till_session_id: 'TEXT NULL',
    receipt_ref: 'TEXT NULL',
    nav: 'TEXT NULL',
    payment_id: 'TEXT NULL',
  },
  receipt_sequences: { counter_code: 'TEXT', year: 'INTEGER', last_number: 'INTEGER' },
  receipts: {
    receipt_no: 'TEXT',
    counter_code: 'TEXT',
    year: 'INTEGER',
    number: 'INTEGER',
    kind: 'TEXT',
    operation_id: 'TEXT',
    created_at: 'TEXT',
    business_date: 'TEXT',
    text: 'TEXT',
    printed_at: 'TEXT NULL',
  },
  receipt_prints: {
    id: 'INTEGER',
    receipt_no: 'TEXT',
    at: 'TEXT',
    business_date: 'TEXT',
    operator_code: 'TEXT',
    copy: 'INTEGER',
    printed: 'INTEGER',
    error: 'TEXT NULL',
  },
  outbox: {
    seq: 'INTEGER',
    operation_id: 'TEXT',
    type: 'TEXT',
    payload: 'TEXT',
    created_at: 'TEXT',
    state: 'TEXT',
    attempts: 'INTEGER',
    last_error: 'TEXT NULL',
    next_attempt_at: 'TEXT NULL',
    rejected_reason: 'TEXT NULL',
    server_seq: 'INTEGER NULL',
  },
  sync_state: {
    id: 'INTEGER',
    central_url: 'TEXT NULL',
    token: 'TEXT NULL',
    token_revoked: 'INTEGER',
    cursor: 'TEXT',
    initial_sync_done: 'INTEGER',
    initial_sync_progress: 'REAL',
    last_sync_at: 'TEXT NULL',
    server_offset_ms: 'INTEGER NULL',
    last_error: 'TEXT NULL',
  },
  sync_parked_entries: { id: 'TEXT', account_id: 'TEXT', item: 'TEXT' },
  notice_blocks: {
    id: 'INTEGER',
    request_id: 'TEXT',
    requested_at: 'TEXT',
    segregation_code: 'TEXT NULL',
    first_base: 'INTEGER NULL',
    last_base: 'INTEGER NULL',
    next_base: 'INTEGER NULL',
    received_at: 'TEXT NULL',
  },
  notices: {
    id: 'TEXT',
    account_id: 'TEXT',
    counter_code: 'TEXT',
    operator_code: 'TEXT NULL',
    created_at: 'TEXT',
    subject: 'TEXT',
    amount_cents: 'INTEGER',
    due_date: 'TEXT NULL',
    debtor_name: 'TEXT NULL',
    debtor_fiscal_code: 'TEXT NULL',
    debtor_address: 'TEXT NULL',
    state: 'TEXT',
    state_at: 'TEXT',
    paid_at: 'TEXT NULL',
    cancel_requested: 'INTEGER',
    cancel_operation_id: 'TEXT NULL',
    cancel_reason: 'TEXT NULL',
    origin: 'TEXT',
  },
  notice_payments: {
    nav: 'TEXT',
    notice_id: 'TEXT',
    iuv: 'TEXT',
    base: 'INTEGER NULL',
    amount_cents: 'INTEGER',
    due_date: 'TEXT NULL',
    installment: 'INTEGER NULL',
    paid_at: 'TEXT NULL',
  },
  papay_provisional_sequences: { counter_code: 'TEXT', last_number: 'INTEGER' },
  registration_sequences: { counter_code: 'TEXT', year: 'INTEGER', last_number: 'INTEGER' },
  registrations: {
    id: 'TEXT',
    created_at: 'TEXT',
    counter_code: 'TEXT',
    operator_code: 'TEXT',
    family_id: 'TEXT',
    consent_at: 'TEXT',
    consent_text: 'TEXT',
    consent_text_sha256: 'TEXT',
    operation_id: 'TEXT',
    year: 'INTEGER NULL',
    number: 'INTEGER NULL',
  },
  enrolments: {
    id: 'TEXT',
    registration_id: 'TEXT',
    child_id: 'TEXT',
    service: 'TEXT',
    school_year: 'TEXT',
    account_id: 'TEXT',
    isee_cents: 'INTEGER NULL',
    isee_date: 'TEXT NULL',
    band_code: 'TEXT',
    band_label: 'TEXT',
    tariff_cents: 'INTEGER',
    sibling_reduction_percent: 'INTEGER',
    final_tariff_cents: 'INTEGER',
    tariff_unit: 'TEXT',
    late: 'INTEGER',
    details: 'TEXT',
    state: 'TEXT',
    refusal: 'TEXT NULL',
    state_at: 'TEXT',
  },
  child_links: {
    id: 'INTEGER',
    child_id: 'TEXT',
    from_family_id: 'TEXT NULL',
    to_family_id: 'TEXT',
    at: 'TEXT',
    operator_code: 'TEXT',
    registration_id: 'TEXT',
  },
  till_sessions: {
    id: 'TEXT',
    counter_code: 'TEXT',
    opened_at: 'TEXT',
    opened_by: 'TEXT',
    business_date: 'TEXT',
    float_cents: 'INTEGER',
    float_counts: 'TEXT',
    closed_at: 'TEXT NULL',
    closed_by: 'TEXT NULL',
  },
  till_movements: {
    id: 'TEXT',
    session_id: 'TEXT',
    counter_code: 'TEXT',
    kind: 'TEXT',
    document_no: 'TEXT',
    year: 'INTEGER',
    number: 'INTEGER',
    amount_cents: 'INTEGER',
    date: 'TEXT',
    reference: 'TEXT NULL',
    note: 'TEXT NULL',
    operator_code: 'TEXT',
    created_at: 'TEXT',
  },
  till_closes: {
    z_no: 'TEXT',
    counter_code: 'TEXT',
    year: 'INTEGER',
    number: 'INTEGER',
    session_id: 'TEXT',
    closed_at: 'TEXT',
    business_date: 'TEXT',
    operator_code: 'TEXT',
    counts_drawer: 'INTEGER',
    counted_counts: 'TEXT NULL',
    counted_cash_cents: 'INTEGER NULL',
    declared_card_cents: 'INTEGER',
    expected_cash_cents: 'INTEGER',
    expected_card_cents: 'INTEGER',
    cash_difference_cents: 'INTEGER',
    card_difference_cents: 'INTEGER',
    note: 'TEXT NULL',
    approved_by: 'TEXT NULL',
    rectifies: 'TEXT NULL',
    totals: 'TEXT',
    text: 'TEXT',
  },
  till_reopenings: {
    id: 'TEXT',
    session_id: 'TEXT',
    z_no: 'TEXT',
    at: 'TEXT',
    operator_code: 'TEXT',
    approved_by: 'TEXT',
    reason: 'TEXT',
  },
  till_sequences: { counter_code: 'TEXT', kind: 'TEXT', year: 'INTEGER', last_number: 'INTEGER' },
  money_requests: {
    request_id: 'TEXT',
    channel: 'TEXT',
    operator_code: 'TEXT',
    fingerprint: 'TEXT',
    operation_id: 'TEXT',
    reply: 'TEXT',
    created_at: 'TEXT',
  },
  attestations: {
    protocol_no: 'TEXT',
    counter_code: 'TEXT',
    year: 'INTEGER',
    number: 'INTEGER',
    account_id: 'TEXT',
    tax_year: 'INTEGER',
    batch_year: 'INTEGER NULL',
    issued_at: 'TEXT',
    operator_code: 'TEXT',
    code: 'TEXT',
    traceable_cents: 'INTEGER',
    cash_cents: 'INTEGER',
    payer_cfs: 'TEXT',
    file: 'TEXT',
    data_as_of: 'TEXT NULL',
  },
  payments: {
    id: 'TEXT',
    counter_code: 'TEXT',
    receipt_no: 'TEXT',
    method: 'TEXT',
    total_cents: 'INTEGER',
    lines: 'INTEGER',
    created_at: 'TEXT',
    business_date: 'TEXT',
    operator_code: 'TEXT',
    voids_id: 'TEXT NULL',
    approved_by: 'TEXT NULL',
    reason: 'TEXT NULL',
  },
  audit: {
    id: 'INTEGER',
    at: 'TEXT',
    counter_code: 'TEXT',
    operator_code: 'TEXT NULL',
    action: 'TEXT',
    detail: 'TEXT',
  },
} satisfies { [T in keyof Database]-?: TableSpec<Database[T]> };

/**
 * Tables the app never queries through the schema types: Kysely's migration bookkeeping, SQLite's
 * AUTOINCREMENT counters and the full-text indexes of children's and parents' names (kept by triggers).
 */
const NOT_IN_SCHEMA = /^(kysely_migration|kysely_migration_lock|sqlite_sequence|(children|families)_fts(_\w+)?)$/;

interface PragmaColumn {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

/** What the migrated database declares, in the same words as SCHEMA. */
function declared(db: Db, table: string): Record<string, string> {
  const columns = db.sqlite
    .prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)')
    .all(table) as PragmaColumn[];
  const keyColumns = columns.filter((c) => c.pk > 0).length;
  return Object.fromEntries(
    columns.map((c) => {
      // An INTEGER PRIMARY KEY alone is the rowid: SQLite reports it nullable, yet it is never null.
      const rowid = c.pk === 1 && keyColumns === 1 && c.type === 'INTEGER';
      return [c.name, c.notnull === 1 || rowid ? c.type : `${c.type} NULL`];
    }),
  );
}

let dataDir: string;
let db: Db;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(os.tmpdir() + '/sportello-schema-');
  db = await openDatabase(dataDir);
});

afterAll(async () => {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('schema.ts against the migrated database', () => {
  it('declares exactly the tables the migrations create', () => {
    const tables = (
      db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]
    ).filter((t) => !NOT_IN_SCHEMA.test(t));
    expect(tables).toEqual(Object.keys(SCHEMA).sort());
  });

  it.each(Object.keys(SCHEMA))('%s: the same columns, types and nullability', (table) => {
    expect(declared(db, table)).toEqual(SCHEMA[table as keyof typeof SCHEMA]);
  });
});
