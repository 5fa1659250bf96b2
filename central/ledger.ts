import type { LedgerKind } from '../shared/domain';
import { changeRecorder, type CentralSqlite } from './schema';

/**
 * The one way a row reaches the central ledger: insert-or-ignore on the UUID, then (only when it
 * was really inserted) move the account balance and log both changes, all in the caller's transaction.
 */
export interface LedgerRow {
  id: string;
  accountId: string;
  kind: LedgerKind;
  amountCents: number;
  createdAt: string;
  receivedAt: string;
  counterCode: string | null;
  operatorCode: string | null;
  receiptNo: string | null;
  method: string | null;
  payerCf: string | null;
  posAuthCode: string | null;
  voidsId: string | null;
  reason: string | null;
  approvedBy: string | null;
  /** A counter's split payment (or its void) the entry belongs to; null otherwise. */
  paymentId: string | null;
}

export type AppendResult = { inserted: true; seq: number } | { inserted: false; seq: number };

export interface LedgerWriter {
  /** Inserts the row unless its id is already there; returns its seq either way. */
  append(row: LedgerRow): AppendResult;
  /**
   * Bulk loading only: stores an entry whose amount the opening balance already accounts for.
   * The caller moves the account's balance_seq once, after its last entry.
   */
  appendLoaded(row: LedgerRow): number;
}

export function ledgerWriter(sqlite: CentralSqlite): LedgerWriter {
  const insert = sqlite.prepare(
    `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, received_at, counter_code, operator_code,
       receipt_no, method, payer_cf, pos_auth_code, voids_id, reason, approved_by, payment_id)
     VALUES (@id, @accountId, @kind, @amountCents, @createdAt, @receivedAt, @counterCode, @operatorCode,
       @receiptNo, @method, @payerCf, @posAuthCode, @voidsId, @reason, @approvedBy, @paymentId)
     ON CONFLICT (id) DO NOTHING RETURNING seq`,
  );
  const existing = sqlite.prepare('SELECT seq FROM ledger WHERE id = ?').pluck();
  const moveBalance = sqlite.prepare(
    `UPDATE accounts SET balance_cents = balance_cents + @amountCents, balance_seq = @seq, balance_at = @at
     WHERE id = @accountId`,
  );
  const recordChange = changeRecorder(sqlite);
  return {
    append(row) {
      const inserted = insert.get(row) as { seq: number } | undefined;
      if (inserted === undefined) {
        const seq = existing.get(row.id) as number | undefined;
        if (seq === undefined) throw new Error(`movimento ${row.id} né inserito né presente`);
        return { inserted: false, seq };
      }
      moveBalance.run({
        amountCents: row.amountCents,
        seq: inserted.seq,
        at: row.receivedAt,
        accountId: row.accountId,
      });
      recordChange('entry', row.id);
      recordChange('account', row.accountId);
      return { inserted: true, seq: inserted.seq };
    },
    appendLoaded(row) {
      const inserted = insert.get(row) as { seq: number } | undefined;
      if (inserted === undefined) throw new Error(`movimento ${row.id} duplicato nei dati dimostrativi`);
      recordChange('entry', row.id);
      return inserted.seq;
    },
  };
}

/** A ledger row without the counter-only fields (meals, pagoPA, seeded history). */
export function centralRow(
  fields: Pick<LedgerRow, 'id' | 'accountId' | 'kind' | 'amountCents' | 'createdAt' | 'receivedAt'> & {
    reason?: string | null;
  },
): LedgerRow {
  return {
    counterCode: null,
    operatorCode: null,
    receiptNo: null,
    method: null,
    payerCf: null,
    posAuthCode: null,
    voidsId: null,
    approvedBy: null,
    paymentId: null,
    ...fields,
    reason: fields.reason ?? null,
  };
}
