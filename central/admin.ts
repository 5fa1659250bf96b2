import type { CentralSqlite } from './schema';

/** Read-only views of the emulator's state, for tests and whoever watches a demo. */
export interface AdminOperation {
  id: string;
  seq: number;
  type: 'topup' | 'void';
  kind: string;
  accountId: string;
  amountCents: number;
  counterCode: string;
  operatorCode: string | null;
  receiptNo: string | null;
  createdAt: string;
  receivedAt: string;
  method: string | null;
  payerCf: string | null;
  posAuthCode: string | null;
  voidsId: string | null;
  reason: string | null;
  approvedBy: string | null;
  /** The split payment (or its void) the operation belongs to; null for an operation of one account. */
  paymentId: string | null;
}

/** Every operation the counters pushed, in seq order. */
export function listOperations(sqlite: CentralSqlite): AdminOperation[] {
  const rows = sqlite
    .prepare(
      `SELECT id, seq, kind, account_id AS accountId, amount_cents AS amountCents, counter_code AS counterCode,
         operator_code AS operatorCode, receipt_no AS receiptNo, created_at AS createdAt, received_at AS receivedAt,
         method, payer_cf AS payerCf, pos_auth_code AS posAuthCode, voids_id AS voidsId, reason,
         approved_by AS approvedBy, payment_id AS paymentId
       FROM ledger WHERE counter_code IS NOT NULL ORDER BY seq`,
    )
    .all() as Omit<AdminOperation, 'type'>[];
  return rows.map((r) => ({ ...r, type: r.kind === 'void' ? 'void' : 'topup' }));
}

export interface AdminAccount {
  id: string;
  childId: string;
  service: string;
  papayCode: string;
  openingBalanceCents: number;
  balanceCents: number;
  balanceSeq: number;
  balanceAt: string;
  entries: {
    id: string;
    seq: number;
    kind: string;
    amountCents: number;
    createdAt: string;
    counterCode: string | null;
    voidsId: string | null;
  }[];
}

export function readAccount(sqlite: CentralSqlite, id: string): AdminAccount | null {
  const account = sqlite
    .prepare(
      `SELECT id, child_id AS childId, service, papay_code AS papayCode, opening_balance_cents AS openingBalanceCents,
         balance_cents AS balanceCents, balance_seq AS balanceSeq, balance_at AS balanceAt
       FROM accounts WHERE id = ?`,
    )
    .get(id) as Omit<AdminAccount, 'entries'> | undefined;
  if (account === undefined) return null;
  const entries = sqlite
    .prepare(
      `SELECT id, seq, kind, amount_cents AS amountCents, created_at AS createdAt, counter_code AS counterCode,
         voids_id AS voidsId FROM ledger WHERE account_id = ? ORDER BY seq`,
    )
    .all(id) as AdminAccount['entries'];
  return { ...account, entries };
}

export interface AdminState {
  counts: Record<
    | 'counters'
    | 'operators'
    | 'families'
    | 'children'
    | 'accounts'
    | 'ledger'
    | 'operations'
    | 'changes'
    | 'notices'
    | 'noticeBlocks',
    number
  >;
  lastSeq: number;
  enrolled: { counterCode: string; deviceName: string; enrolledAt: string }[];
}

export function readState(sqlite: CentralSqlite): AdminState {
  const count = (sql: string) => sqlite.prepare(sql).pluck().get() as number;
  return {
    counts: {
      counters: count('SELECT count(*) FROM counters'),
      operators: count('SELECT count(*) FROM operators'),
      families: count('SELECT count(*) FROM families'),
      children: count('SELECT count(*) FROM children'),
      accounts: count('SELECT count(*) FROM accounts'),
      ledger: count('SELECT count(*) FROM ledger'),
      operations: count('SELECT count(*) FROM ledger WHERE counter_code IS NOT NULL'),
      changes: count('SELECT count(*) FROM change_log'),
      notices: count('SELECT count(*) FROM notices'),
      noticeBlocks: count('SELECT count(*) FROM notice_blocks'),
    },
    lastSeq: count('SELECT coalesce(max(seq), 0) FROM ledger'),
    enrolled: sqlite
      .prepare(
        `SELECT counter_code AS counterCode, device_name AS deviceName, enrolled_at AS enrolledAt
         FROM devices WHERE revoked_at IS NULL ORDER BY counter_code`,
      )
      .all() as AdminState['enrolled'],
  };
}
