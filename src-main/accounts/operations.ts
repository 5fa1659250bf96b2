import type { Db } from '../db/open';
import type { OperationView } from '../../shared/contract';
import { LedgerKind } from '../../shared/domain';

const RECENT = 50;

/** The latest entries of an account, with whether this counter may still void each one today. */
export function operationsReader(db: Db, counterCode: string): (accountId: string, today: string) => OperationView[] {
  const stmt = db.sqlite.prepare(
    `SELECT l.id, l.kind, l.amount_cents, l.created_at, l.counter_code, l.business_date, r.receipt_no,
            EXISTS (SELECT 1 FROM ledger v WHERE v.voids_id = l.id) AS voided
       FROM ledger l LEFT JOIN receipts r ON r.operation_id = l.id
      WHERE l.account_id = ? ORDER BY l.created_at DESC LIMIT ${RECENT}`,
  );
  return (accountId, today) =>
    (
      stmt.all(accountId) as {
        id: string;
        kind: string;
        amount_cents: number;
        created_at: string;
        counter_code: string | null;
        business_date: string;
        receipt_no: string | null;
        voided: number;
      }[]
    ).map((r) => {
      const kind = LedgerKind.parse(r.kind);
      return {
        operationId: r.id,
        kind,
        amountCents: r.amount_cents,
        createdAt: r.created_at,
        counterCode: r.counter_code,
        receiptNo: r.receipt_no,
        voided: r.voided === 1,
        voidable:
          (kind === 'topup_cash' || kind === 'topup_card') &&
          r.voided === 0 &&
          r.counter_code === counterCode &&
          r.business_date === today,
      };
    });
}
