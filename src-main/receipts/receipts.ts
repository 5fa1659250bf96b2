import type { CoreContext } from '../core/context';
import type { ReceiptSummary } from '../../shared/contract';
import { PaymentMethod, Service } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { surnameInitial } from '../../shared/roles';
import type { Visibility } from '../accounts/lookup';
import { receiptQueries } from './queries';

export interface StoredReceipt {
  receiptNo: string;
  operationId: string;
  text: string;
  printedAt: string | null;
}

/** Receipts of this counter: listed, looked up for reprint and for the pending prints. */
export class Receipts {
  private readonly q;

  constructor(private readonly ctx: CoreContext) {
    this.q = receiptQueries(ctx.db.sqlite);
  }

  list(date: string, unprintedOnly: boolean, visibility: Visibility): ReceiptSummary[] {
    const code = this.ctx.counter.code;
    const rows = unprintedOnly ? this.q.listUnprinted.all(code) : this.q.listDay.all(code, date);
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
        childLabel:
          `${r.child_name} ${visibility === 'minimal' ? surnameInitial(r.child_surname) : r.child_surname}` +
          splitMark(r.accounts),
        printed: r.printed_at !== null,
        voided: r.voided === 1,
      };
    });
  }

  get(receiptNo: string): StoredReceipt {
    const r = this.q.one.get(receiptNo.trim().toUpperCase(), this.ctx.counter.code);
    if (!r) throw new DomainError('NOT_FOUND', `Ricevuta ${receiptNo} non trovata tra quelle di questo sportello.`);
    if (r.text === '') {
      throw new DomainError(
        'NOT_FOUND',
        `Il testo della ricevuta ${r.receipt_no} non è più conservato su questo PC (regola di conservazione dei dati personali): ` +
          "il pagamento resta registrato; per un duplicato rivolgersi all'Ufficio Servizi Educativi.",
      );
    }
    return { receiptNo: r.receipt_no, operationId: r.operation_id, text: r.text, printedAt: r.printed_at };
  }
}

/** A split payment's receipt names its first child and says how many other accounts it covers. */
function splitMark(accounts: number): string {
  if (accounts <= 1) return '';
  return accounts === 2 ? ' e un altro conto (pagamento unico)' : ` e altri ${accounts - 1} conti (pagamento unico)`;
}
