import type { Db } from '../db/open';
import { journal, type AuditEntryWithout, type OutboxEntry } from '../journal/journal';
import { receiptQueries } from './queries';

/**
 * The rows every money operation writes besides its ledger entry, in the same transaction:
 * the receipt (with its rendered text), the outbox row for the sync, the audit row.
 */
export interface OperationRows {
  receipt: {
    receiptNo: string;
    counterCode: string;
    year: number;
    number: number;
    kind: 'ricarica' | 'storno';
    operationId: string;
    createdAt: string;
    businessDate: string;
    text: string;
  };
  outbox: OutboxEntry;
  /** At the receipt's time and counter. */
  audit: AuditEntryWithout<'at' | 'counterCode'>;
}

export function operationWriter(db: Db): (rows: OperationRows) => void {
  const q = receiptQueries(db.sqlite);
  const j = journal(db.sqlite);
  return (rows) => {
    const r = rows.receipt;
    q.insert.run(r);
    j.outbox(rows.outbox);
    j.audit({ ...rows.audit, at: r.createdAt, counterCode: r.counterCode });
  };
}
