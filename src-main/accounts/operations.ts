import type { Db } from '../db/open';
import type { OperationView } from '../../shared/contract';
import { LedgerKind } from '../../shared/domain';
import { accountQueries, type OperationRow } from './queries';

/** Where an operation made here stands with the central service; null once its balance counts it. */
function sendState(r: OperationRow): OperationView['sendState'] {
  if (r.outbox_state === 'pending') return 'to_send';
  if (r.outbox_state === 'rejected') return 'rejected';
  return r.included_in_server_balance === 0 ? 'not_counted' : null;
}

/** The latest entries of an account, with whether this counter may still void each one today. */
export function operationsReader(db: Db, counterCode: string): (accountId: string, today: string) => OperationView[] {
  const { operations } = accountQueries(db.sqlite);
  return (accountId, today) =>
    operations.all(accountId).map((r) => {
      const kind = LedgerKind.parse(r.kind);
      return {
        operationId: r.id,
        kind,
        amountCents: r.amount_cents,
        createdAt: r.created_at,
        counterCode: r.counter_code,
        receiptNo: r.receipt_no,
        voided: r.voided === 1,
        sendState: sendState(r),
        voidable:
          (kind === 'topup_cash' || kind === 'topup_card') &&
          r.voided === 0 &&
          r.counter_code === counterCode &&
          r.business_date === today,
        ...(r.payment_lines === null ? {} : { paymentAccounts: r.payment_lines }),
      };
    });
}
