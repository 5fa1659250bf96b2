import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** A movement of an account as the estratto conto reads it: receipts (this counter's or another's) and codice avviso. */
export type StatementRow = Pick<
  Row<'ledger'>,
  'id' | 'kind' | 'amount_cents' | 'created_at' | 'business_date' | 'counter_code' | 'nav'
> & {
  receipt_no: string | null;
  voids_receipt_no: string | null;
  counter_kind: Row<'counters'>['kind'] | null;
};

export const statementQueries = preparedPerConnection((s) => ({
  /** Every movement of an account from a day on (the index ledger_account serves the account). */
  movementsFrom: s.prepare<[accountId: string, from: string], StatementRow>(
    `SELECT l.id, l.kind, l.amount_cents, l.created_at, l.business_date, l.counter_code, l.nav,
            COALESCE(r.receipt_no, l.receipt_ref) AS receipt_no,
            (SELECT COALESCE(vr.receipt_no, v.receipt_ref) FROM ledger v
               LEFT JOIN receipts vr ON vr.operation_id = v.id WHERE v.id = l.voids_id) AS voids_receipt_no,
            c.kind AS counter_kind
       FROM ledger l
       LEFT JOIN receipts r ON r.operation_id = l.id
       LEFT JOIN counters c ON c.code = l.counter_code
      WHERE l.account_id = ? AND l.business_date >= ?`,
  ),
  /** When the data last came from the central service. */
  lastSync: s.prepare<[], Pick<Row<'sync_state'>, 'last_sync_at'>>(`SELECT last_sync_at FROM sync_state WHERE id = 1`),
}));
