import type { NoticePayment, NoticeView } from '../../shared/contract';
import { Service } from '../../shared/domain';
import { surnameInitial } from '../../shared/roles';
import type { Visibility } from '../accounts/lookup';
import type { Db } from '../db/open';
import { noticeQueries, type NoticeRow } from './queries';

/** Reads notices as the contract shows them, cut to what the role may see. */

export const NOT_REGISTERED_WARNING =
  'Avviso non ancora registrato presso il servizio centrale: fino alla sincronizzazione i PSP (banche, tabaccherie, app) lo rifiutano.';
const REJECTED_WARNING =
  'Il servizio centrale ha rifiutato questo avviso (vedere «Da risolvere»): i PSP non lo accettano, non consegnarlo alla famiglia.';
const CANCEL_PENDING_WARNING =
  "Annullamento richiesto, in attesa di conferma dal servizio centrale: fino ad allora l'avviso resta pagabile.";
const EXPIRED_WARNING = 'Avviso scaduto: i PSP non lo accettano più.';
const CANCELLED_WARNING = 'Avviso annullato: non è più pagabile.';

export interface StoredNotice {
  view: NoticeView;
  debtor: { fiscalCode: string | null; fullName: string; address: string | null } | null;
  payments: (NoticePayment & { paidAt: string | null })[];
  childFullName: string;
}

export class NoticeStore {
  private readonly q;

  constructor(db: Db) {
    this.q = noticeQueries(db.sqlite);
  }

  get(noticeId: string, visibility: Visibility): StoredNotice | null {
    const row = this.q.byId.get(noticeId);
    if (row === undefined) return null;
    const payments = this.q.paymentsOf.all(noticeId).map((p) => ({
      nav: p.nav,
      iuv: p.iuv,
      amountCents: p.amount_cents,
      dueDate: p.due_date,
      installment: p.installment,
      paidAt: p.paid_at,
    }));
    const first = payments[0];
    if (first === undefined) throw new Error(`avviso ${noticeId} senza pagamenti`);
    const minimal = visibility === 'minimal';
    const debtor =
      row.debtor_name === null
        ? null
        : { fiscalCode: row.debtor_fiscal_code, fullName: row.debtor_name, address: row.debtor_address };
    const view: NoticeView = {
      noticeId: row.id,
      nav: first.nav,
      iuv: first.iuv,
      accountId: row.account_id,
      papayCode: row.papay_code,
      service: Service.parse(row.service),
      childLabel: `${row.child_name} ${minimal ? surnameInitial(row.child_surname) : row.child_surname}`,
      ...(!minimal && debtor !== null
        ? { debtor: { name: debtor.fullName, fiscalCode: debtor.fiscalCode ?? '' } }
        : {}),
      subject: row.subject,
      amountCents: row.amount_cents,
      dueDate: row.due_date,
      payments: payments.map(({ paidAt: _paid, ...p }) => p),
      state: row.state,
      cancelRequested: row.cancel_requested === 1,
      createdAt: row.created_at,
      counterCode: row.counter_code,
      paidAt: row.paid_at,
      warning: warningOf(row),
    };
    return { view, debtor: minimal ? null : debtor, payments, childFullName: `${row.child_name} ${row.child_surname}` };
  }

  idByNavCode(nav: string): string | null {
    return this.q.idByNav.get(nav) ?? null;
  }

  idsByPapayCode(code: string): string[] {
    return this.q.idsByPapay.all(code);
  }

  /** Notices of the child with this codice fiscale or, when no child has it, of the parent's children. */
  idsByFiscalCode(code: string, canonical: string): string[] {
    const asChild = this.q.idsByChildCf.all(canonical);
    return asChild.length > 0 ? asChild : this.q.idsByParentCf.all(code, canonical);
  }
}

function warningOf(row: NoticeRow): string | null {
  switch (row.state) {
    case 'emesso':
      return row.outbox_state === 'rejected' ? REJECTED_WARNING : NOT_REGISTERED_WARNING;
    case 'registrato':
      return row.cancel_requested === 1 ? CANCEL_PENDING_WARNING : null;
    case 'pagato':
      return null;
    case 'annullato':
      return CANCELLED_WARNING;
    case 'scaduto':
      return EXPIRED_WARNING;
  }
}
