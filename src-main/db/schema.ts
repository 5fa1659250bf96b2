import type { Generated, Selectable } from 'kysely';

/**
 * The Kysely view of the counter database. Nullable columns are `T | null`, never optional; an
 * INTEGER PRIMARY KEY that SQLite numbers itself is `Generated<number>` (never null when read, left
 * out when inserted). test/integration/db/schema.test.ts holds it to the migrated database.
 */
export interface Database {
  installation: { id: number; counter_code: string; created_at: string; installation_id: string | null };
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
    /** As typed at a registration (a provisional codice fiscale carries neither); null when pulled. */
    birth_date: string | null;
    sex: string | null;
  };
  /** At a pharmacy the family, the codice fiscale and the birth date are never stored (null). */
  children: {
    id: string;
    family_id: string | null;
    surname: string;
    name: string;
    fiscal_code: string | null;
    fiscal_code_canonical: string | null;
    birth_date: string | null;
    school: string;
    /** Surname and name folded for search (shared/searchKey.ts): "D'Angelo" -> "dangelo". */
    surname_key: string;
    name_key: string;
  };
  accounts: {
    id: string;
    child_id: string;
    service: string;
    papay_code: string;
    server_balance_cents: number;
    server_seq: number;
    server_balance_at: string | null;
    /** 1 while papay_code is this counter's provisional one (P-<counter>-<n>), until the central's arrives. */
    papay_provisional: number;
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
    /** The central ledger sequence, once known (ack or feed); null before. */
    server_seq: number | null;
    /** The till session open when the entry was written; null outside any session (or pulled). */
    till_session_id: string | null;
    /** A top-up made at another counter: its receipt number, from the feed; an entry of a split payment: its receipt. */
    receipt_ref: string | null;
    /** A pagoPA payment of a notice: its codice avviso, from the feed. */
    nav: string | null;
    /** The split payment (or its void) this entry belongs to; null for an operation of one account. */
    payment_id: string | null;
  };
  /** Split payments across a family's accounts and their voids (migration 0014). */
  payments: {
    id: string;
    counter_code: string;
    receipt_no: string;
    method: 'cash' | 'card';
    /** Signed: a void's is negative. */
    total_cents: number;
    lines: number;
    created_at: string;
    business_date: string;
    operator_code: string;
    /** The payment this row voids; null for a payment. */
    voids_id: string | null;
    approved_by: string | null;
    reason: string | null;
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
    id: Generated<number>;
    receipt_no: string;
    at: string;
    business_date: string;
    operator_code: string;
    copy: number;
    printed: number;
    error: string | null;
  };
  outbox: {
    seq: Generated<number>;
    operation_id: string;
    type: string;
    payload: string;
    created_at: string;
    state: 'pending' | 'confirmed' | 'rejected';
    attempts: number;
    last_error: string | null;
    /** UTC ISO time before which a failed send is not retried (backoff); null: send now. */
    next_attempt_at: string | null;
    /** Why the central service refused it ("Da risolvere"). */
    rejected_reason: string | null;
    server_seq: number | null;
  };
  sync_state: {
    id: number;
    central_url: string | null;
    token: string | null;
    token_revoked: number;
    cursor: string;
    initial_sync_done: number;
    initial_sync_progress: number;
    last_sync_at: string | null;
    server_offset_ms: number | null;
    last_error: string | null;
  };
  sync_parked_entries: { id: string; account_id: string; item: string };
  notice_blocks: {
    id: Generated<number>;
    request_id: string;
    requested_at: string;
    /** Null until the central service answered the request. */
    segregation_code: string | null;
    first_base: number | null;
    last_base: number | null;
    /** The next base to use; last_base + 1 once the block is used up. */
    next_base: number | null;
    received_at: string | null;
  };
  notices: {
    id: string;
    account_id: string;
    counter_code: string;
    operator_code: string | null;
    created_at: string;
    subject: string;
    amount_cents: number;
    due_date: string | null;
    /** Null at a pharmacy, which never stores the debtor. */
    debtor_name: string | null;
    debtor_fiscal_code: string | null;
    debtor_address: string | null;
    state: 'emesso' | 'registrato' | 'pagato' | 'annullato' | 'scaduto';
    state_at: string;
    paid_at: string | null;
    cancel_requested: number;
    cancel_operation_id: string | null;
    cancel_reason: string | null;
    origin: 'local' | 'central';
  };
  notice_payments: {
    nav: string;
    notice_id: string;
    iuv: string;
    /** The block base it used; null for a notice issued at another counter. */
    base: number | null;
    amount_cents: number;
    due_date: string | null;
    installment: number | null;
    paid_at: string | null;
  };
  papay_provisional_sequences: { counter_code: string; last_number: number };
  registration_sequences: { counter_code: string; year: number; last_number: number };
  registrations: {
    id: string;
    created_at: string;
    counter_code: string;
    operator_code: string;
    family_id: string;
    consent_at: string;
    consent_text: string;
    consent_text_sha256: string;
    operation_id: string;
    /** Per counter and year (Europe/Rome); null only in a row a migration has not numbered (none). */
    year: number | null;
    number: number | null;
  };
  enrolments: {
    id: string;
    registration_id: string;
    child_id: string;
    service: string;
    school_year: string;
    account_id: string;
    isee_cents: number | null;
    isee_date: string | null;
    band_code: string;
    band_label: string;
    tariff_cents: number;
    sibling_reduction_percent: number;
    final_tariff_cents: number;
    tariff_unit: string;
    late: number;
    /** JSON: diet and certificate, route/stop/direction, nido time, ISEE note. */
    details: string;
    state: 'in_attesa' | 'confermata' | 'rifiutata';
    refusal: string | null;
    state_at: string;
  };
  child_links: {
    id: Generated<number>;
    child_id: string;
    from_family_id: string | null;
    to_family_id: string;
    at: string;
    operator_code: string;
    registration_id: string;
  };
  till_sessions: {
    id: string;
    counter_code: string;
    opened_at: string;
    opened_by: string;
    business_date: string;
    float_cents: number;
    /** JSON DenominationCounts. */
    float_counts: string;
    closed_at: string | null;
    closed_by: string | null;
  };
  till_movements: {
    id: string;
    session_id: string;
    counter_code: string;
    kind: 'versamento' | 'reintegro' | 'prelievo';
    document_no: string;
    year: number;
    number: number;
    amount_cents: number;
    date: string;
    reference: string | null;
    note: string | null;
    operator_code: string;
    created_at: string;
  };
  till_closes: {
    z_no: string;
    counter_code: string;
    year: number;
    number: number;
    session_id: string;
    closed_at: string;
    business_date: string;
    operator_code: string;
    counts_drawer: number;
    counted_counts: string | null;
    counted_cash_cents: number | null;
    declared_card_cents: number;
    expected_cash_cents: number;
    expected_card_cents: number;
    cash_difference_cents: number;
    card_difference_cents: number;
    note: string | null;
    approved_by: string | null;
    rectifies: string | null;
    /** JSON TillTotals. */
    totals: string;
    text: string;
  };
  till_reopenings: {
    id: string;
    session_id: string;
    z_no: string;
    at: string;
    operator_code: string;
    approved_by: string;
    reason: string;
  };
  till_sequences: { counter_code: string; kind: string; year: number; last_number: number };
  /** A money request already recorded, by the id its client made (src-main/requests). */
  money_requests: {
    request_id: string;
    channel: string;
    operator_code: string;
    fingerprint: string;
    operation_id: string;
    reply: string;
    created_at: string;
  };
  attestations: {
    protocol_no: string;
    counter_code: string;
    year: number;
    number: number;
    account_id: string;
    tax_year: number;
    batch_year: number | null;
    issued_at: string;
    operator_code: string;
    code: string;
    traceable_cents: number;
    cash_cents: number;
    /** JSON array of codici fiscali. */
    payer_cfs: string;
    file: string;
    /** When the data last came from the central service, at issue; null before migration 0015. */
    data_as_of: string | null;
  };
  audit: {
    id: Generated<number>;
    at: string;
    counter_code: string;
    operator_code: string | null;
    action: string;
    detail: string;
  };
}

/** A row of `table` as a SELECT returns it; query modules `Pick` the columns they read. */
export type Row<T extends keyof Database> = Selectable<Database[T]>;
