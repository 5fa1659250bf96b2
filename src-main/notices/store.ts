import type { NoticePayment, NoticeState, NoticeView } from '../../shared/contract';
import { Service } from '../../shared/domain';
import { surnameInitial } from '../../shared/roles';
import type { Visibility } from '../accounts/lookup';
import type { Db } from '../db/open';

/** Reads notices as the contract shows them, cut to what the role may see. */

export const NOT_REGISTERED_WARNING =
  'Avviso non ancora registrato presso il servizio centrale: fino alla sincronizzazione i PSP (banche, tabaccherie, app) lo rifiutano.';
const REJECTED_WARNING =
  'Il servizio centrale ha rifiutato questo avviso (vedere «Da risolvere»): i PSP non lo accettano, non consegnarlo alla famiglia.';
const CANCEL_PENDING_WARNING =
  "Annullamento richiesto, in attesa di conferma dal servizio centrale: fino ad allora l'avviso resta pagabile.";
const EXPIRED_WARNING = 'Avviso scaduto: i PSP non lo accettano più.';
const CANCELLED_WARNING = 'Avviso annullato: non è più pagabile.';

/** Most notices a search answers with (the newest first). */
export const FIND_LIMIT = 100;

interface NoticeRow {
  id: string;
  account_id: string;
  counter_code: string;
  created_at: string;
  subject: string;
  amount_cents: number;
  due_date: string | null;
  debtor_name: string | null;
  debtor_fiscal_code: string | null;
  debtor_address: string | null;
  state: NoticeState;
  paid_at: string | null;
  cancel_requested: number;
  papay_code: string;
  service: string;
  child_name: string;
  child_surname: string;
  /** State of the outbox row that registers the notice (null for notices issued elsewhere). */
  outbox_state: string | null;
}

export interface StoredNotice {
  view: NoticeView;
  debtor: { fiscalCode: string | null; fullName: string; address: string | null } | null;
  payments: (NoticePayment & { paidAt: string | null })[];
  childFullName: string;
}

const SELECT_NOTICE = `
  SELECT n.id, n.account_id, n.counter_code, n.created_at, n.subject, n.amount_cents, n.due_date, n.debtor_name,
         n.debtor_fiscal_code, n.debtor_address, n.state, n.paid_at, n.cancel_requested, a.papay_code, a.service,
         c.name AS child_name, c.surname AS child_surname,
         (SELECT o.state FROM outbox o WHERE o.operation_id = n.id) AS outbox_state
    FROM notices n
    JOIN accounts a ON a.id = n.account_id
    JOIN children c ON c.id = a.child_id`;

/** The searches (a test checks each runs on indexes). */
export const NOTICE_SEARCH_SQL = {
  byNav: 'SELECT notice_id FROM notice_payments WHERE nav = ?',
  byPapay: `SELECT n.id FROM notices n JOIN accounts a ON a.id = n.account_id WHERE a.papay_code = ?
             ORDER BY n.created_at DESC LIMIT ${FIND_LIMIT}`,
  byChildCf: `SELECT n.id FROM notices n JOIN accounts a ON a.id = n.account_id JOIN children c ON c.id = a.child_id
               WHERE c.fiscal_code_canonical = ? ORDER BY n.created_at DESC LIMIT ${FIND_LIMIT}`,
  byParentCf: `SELECT n.id FROM notices n JOIN accounts a ON a.id = n.account_id JOIN children c ON c.id = a.child_id
                 JOIN families f ON f.id = c.family_id
                WHERE f.fiscal_code IN (?, ?) ORDER BY n.created_at DESC LIMIT ${FIND_LIMIT}`,
} as const;

export class NoticeStore {
  private readonly byId;
  private readonly paymentsOf;
  private readonly idByNav;
  private readonly idsByPapay;
  private readonly idsByChildCf;
  private readonly idsByParentCf;

  constructor(db: Db) {
    const s = db.sqlite;
    this.byId = s.prepare(`${SELECT_NOTICE} WHERE n.id = ?`);
    this.paymentsOf = s.prepare(
      `SELECT nav, iuv, amount_cents, due_date, installment, paid_at FROM notice_payments
        WHERE notice_id = ? ORDER BY coalesce(installment, 0)`,
    );
    this.idByNav = s.prepare(NOTICE_SEARCH_SQL.byNav).pluck();
    this.idsByPapay = s.prepare(NOTICE_SEARCH_SQL.byPapay).pluck();
    this.idsByChildCf = s.prepare(NOTICE_SEARCH_SQL.byChildCf).pluck();
    this.idsByParentCf = s.prepare(NOTICE_SEARCH_SQL.byParentCf).pluck();
  }

  get(noticeId: string, visibility: Visibility): StoredNotice | null {
    const row = this.byId.get(noticeId) as NoticeRow | undefined;
    if (row === undefined) return null;
    const payments = (
      this.paymentsOf.all(noticeId) as {
        nav: string;
        iuv: string;
        amount_cents: number;
        due_date: string | null;
        installment: number | null;
        paid_at: string | null;
      }[]
    ).map((p) => ({
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
    return (this.idByNav.get(nav) as string | undefined) ?? null;
  }

  idsByPapayCode(code: string): string[] {
    return this.idsByPapay.all(code) as string[];
  }

  /** Notices of the child with this codice fiscale or, when no child has it, of the parent's children. */
  idsByFiscalCode(code: string, canonical: string): string[] {
    const asChild = this.idsByChildCf.all(canonical) as string[];
    return asChild.length > 0 ? asChild : (this.idsByParentCf.all(code, canonical) as string[]);
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
