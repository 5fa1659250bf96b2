import type { CoreContext } from '../core/context';
import type { ReceiptSummary } from '../../shared/contract';
import { PaymentMethod, Service } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { surnameInitial } from '../../shared/roles';
import type { Visibility } from '../accounts/lookup';

interface ReceiptListRow {
  receipt_no: string;
  kind: 'ricarica' | 'storno';
  operation_id: string;
  created_at: string;
  amount_cents: number;
  ledger_kind: string;
  original_kind: string | null;
  account_id: string;
  papay_code: string;
  service: string;
  child_name: string;
  child_surname: string;
  printed_at: string | null;
  voided: number;
}

export interface StoredReceipt {
  receiptNo: string;
  operationId: string;
  text: string;
  printedAt: string | null;
}

/** Receipts of this counter: listed, looked up for reprint and for the pending prints. */
export class Receipts {
  private readonly listDay;
  private readonly listUnprinted;
  private readonly one;

  constructor(private readonly ctx: CoreContext) {
    const s = ctx.db.sqlite;
    const select = `
      SELECT r.receipt_no, r.kind, r.operation_id, r.created_at, l.amount_cents, l.kind AS ledger_kind,
             o.kind AS original_kind, a.id AS account_id, a.papay_code, a.service,
             c.name AS child_name, c.surname AS child_surname, r.printed_at,
             EXISTS (SELECT 1 FROM ledger v WHERE v.voids_id = l.id) AS voided
        FROM receipts r
        JOIN ledger l ON l.id = r.operation_id
        LEFT JOIN ledger o ON o.id = l.voids_id
        JOIN accounts a ON a.id = l.account_id
        JOIN children c ON c.id = a.child_id`;
    this.listDay = s.prepare(
      `${select} WHERE r.counter_code = ? AND r.business_date = ? ORDER BY r.created_at DESC, r.number DESC`,
    );
    this.listUnprinted = s.prepare(`${select} WHERE r.counter_code = ? AND r.printed_at IS NULL ORDER BY r.created_at`);
    this.one = s.prepare(
      'SELECT receipt_no, operation_id, text, printed_at FROM receipts WHERE receipt_no = ? AND counter_code = ?',
    );
  }

  list(date: string, unprintedOnly: boolean, visibility: Visibility): ReceiptSummary[] {
    const rows = (
      unprintedOnly ? this.listUnprinted.all(this.ctx.counter.code) : this.listDay.all(this.ctx.counter.code, date)
    ) as ReceiptListRow[];
    return rows.map((r) => {
      const kind = r.kind === 'storno' ? r.original_kind : r.ledger_kind;
      return {
        receiptNo: r.receipt_no,
        kind: r.kind,
        operationId: r.operation_id,
        createdAt: r.created_at,
        amountCents: Math.abs(r.amount_cents),
        method: PaymentMethod.parse(kind === 'topup_cash' ? 'cash' : 'card'),
        accountId: r.account_id,
        papayCode: r.papay_code,
        service: Service.parse(r.service),
        childLabel: `${r.child_name} ${visibility === 'minimal' ? surnameInitial(r.child_surname) : r.child_surname}`,
        printed: r.printed_at !== null,
        voided: r.voided === 1,
      };
    });
  }

  get(receiptNo: string): StoredReceipt {
    const r = this.one.get(receiptNo.trim().toUpperCase(), this.ctx.counter.code) as
      { receipt_no: string; operation_id: string; text: string; printed_at: string | null } | undefined;
    if (!r) throw new DomainError('NOT_FOUND', `Ricevuta ${receiptNo} non trovata tra quelle di questo sportello.`);
    return { receiptNo: r.receipt_no, operationId: r.operation_id, text: r.text, printedAt: r.printed_at };
  }
}
