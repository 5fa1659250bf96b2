import type { Insertable, Selectable } from 'kysely';

/** The Kysely view of the counter database. Nullable columns are `T | null`, never optional. */
export interface Database {
  installation: { id: number; counter_code: string; created_at: string };
  counters: { code: string; name: string; kind: string; address: string; config: string };
  operators: {
    code: string;
    name: string;
    role: string;
    counter_code: string | null;
    pin_hash: string;
    active: number;
    failed_attempts: number;
    locked_until: string | null;
  };
  families: {
    id: string;
    surname: string;
    name: string;
    fiscal_code: string;
    address: string;
    phone: string | null;
    email: string | null;
  };
  children: {
    id: string;
    family_id: string;
    surname: string;
    name: string;
    fiscal_code: string;
    fiscal_code_canonical: string;
    birth_date: string;
    school: string;
  };
  accounts: {
    id: string;
    child_id: string;
    service: string;
    papay_code: string;
    server_balance_cents: number;
    server_seq: number;
    server_balance_at: string | null;
  };
  ledger: {
    id: string;
    account_id: string;
    kind: string;
    amount_cents: number;
    created_at: string;
    business_date: string;
    counter_code: string | null;
    operator_code: string | null;
    voids_id: string | null;
    payer_cf: string | null;
    pos_auth_code: string | null;
    reason: string | null;
    approved_by: string | null;
    origin: 'local' | 'central';
    included_in_server_balance: number;
  };
  receipt_sequences: { counter_code: string; year: number; last_number: number };
  receipts: {
    receipt_no: string;
    counter_code: string;
    year: number;
    number: number;
    kind: 'ricarica' | 'storno';
    operation_id: string;
    created_at: string;
    business_date: string;
    text: string;
    printed_at: string | null;
  };
  receipt_prints: {
    id: number | null;
    receipt_no: string;
    at: string;
    business_date: string;
    operator_code: string;
    copy: number;
    printed: number;
    error: string | null;
  };
  outbox: {
    seq: number | null;
    operation_id: string;
    type: string;
    payload: string;
    created_at: string;
    state: 'pending' | 'confirmed' | 'rejected';
    attempts: number;
    last_error: string | null;
  };
  audit: {
    id: number | null;
    at: string;
    counter_code: string;
    operator_code: string | null;
    action: string;
    detail: string;
  };
}

export type FamilyRow = Selectable<Database['families']>;
export type ChildRow = Selectable<Database['children']>;
export type AccountRow = Selectable<Database['accounts']>;
export type LedgerRow = Selectable<Database['ledger']>;
export type NewLedgerRow = Insertable<Database['ledger']>;
export type ReceiptRow = Selectable<Database['receipts']>;
export type OperatorRow = Selectable<Database['operators']>;
