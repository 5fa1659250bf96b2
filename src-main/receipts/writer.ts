import type { Db } from '../db/open';

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
  outbox: { type: string; payload: unknown };
  audit: { operatorCode: string; action: string; detail: unknown };
}

export function operationWriter(db: Db): (rows: OperationRows) => void {
  const receipt = db.sqlite.prepare(
    `INSERT INTO receipts (receipt_no, counter_code, year, number, kind, operation_id, created_at, business_date, text)
     VALUES (@receiptNo, @counterCode, @year, @number, @kind, @operationId, @createdAt, @businessDate, @text)`,
  );
  const outbox = db.sqlite.prepare('INSERT INTO outbox (operation_id, type, payload, created_at) VALUES (?, ?, ?, ?)');
  const audit = db.sqlite.prepare(
    'INSERT INTO audit (at, counter_code, operator_code, action, detail) VALUES (?, ?, ?, ?, ?)',
  );
  return (rows) => {
    const r = rows.receipt;
    receipt.run(r);
    outbox.run(r.operationId, rows.outbox.type, JSON.stringify(rows.outbox.payload), r.createdAt);
    audit.run(
      r.createdAt,
      r.counterCode,
      rows.audit.operatorCode,
      rows.audit.action,
      JSON.stringify(rows.audit.detail),
    );
  };
}
