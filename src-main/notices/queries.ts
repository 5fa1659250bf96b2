import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** Most notices a search answers with (the newest first). */
export const FIND_LIMIT = 100;

/** A notice with its account and child, and the state of the outbox row that registers it. */
export type NoticeRow = Pick<
  Row<'notices'>,
  | 'id'
  | 'account_id'
  | 'counter_code'
  | 'created_at'
  | 'subject'
  | 'amount_cents'
  | 'due_date'
  | 'debtor_name'
  | 'debtor_fiscal_code'
  | 'debtor_address'
  | 'state'
  | 'paid_at'
  | 'cancel_requested'
> &
  Pick<Row<'accounts'>, 'papay_code' | 'service'> & {
    child_name: Row<'children'>['name'];
    child_surname: Row<'children'>['surname'];
    /** Null for notices issued elsewhere. */
    outbox_state: Row<'outbox'>['state'] | null;
  };

export type NoticePaymentRow = Pick<
  Row<'notice_payments'>,
  'nav' | 'iuv' | 'amount_cents' | 'due_date' | 'installment' | 'paid_at'
>;

/** The account a notice is issued on, with the adulto di riferimento it is made out to (none at a pharmacy). */
export interface DebtorRow {
  id: Row<'accounts'>['id'];
  parent_name: Row<'families'>['name'] | null;
  parent_surname: Row<'families'>['surname'] | null;
  parent_cf: Row<'families'>['fiscal_code'] | null;
  parent_address: Row<'families'>['address'] | null;
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

type NoticeId = Row<'notices'>['id'];

/** pagoPA notices: read, issued, cancelled, updated from the feed and by the central's answers. */
export const noticeQueries = preparedPerConnection((s) => ({
  byId: s.prepare<[noticeId: string], NoticeRow>(`${SELECT_NOTICE} WHERE n.id = ?`),
  paymentsOf: s.prepare<[noticeId: string], NoticePaymentRow>(
    `SELECT nav, iuv, amount_cents, due_date, installment, paid_at FROM notice_payments
      WHERE notice_id = ? ORDER BY coalesce(installment, 0)`,
  ),
  idByNav: s.prepare<[nav: string], NoticeId>(NOTICE_SEARCH_SQL.byNav).pluck(),
  idsByPapay: s.prepare<[papayCode: string], NoticeId>(NOTICE_SEARCH_SQL.byPapay).pluck(),
  idsByChildCf: s.prepare<[canonical: string], NoticeId>(NOTICE_SEARCH_SQL.byChildCf).pluck(),
  idsByParentCf: s.prepare<[code: string, canonical: string], NoticeId>(NOTICE_SEARCH_SQL.byParentCf).pluck(),

  // Issuing and cancelling.
  debtorOf: s.prepare<[accountId: string], DebtorRow>(
    `SELECT a.id, f.name AS parent_name, f.surname AS parent_surname, f.fiscal_code AS parent_cf,
            f.address AS parent_address
       FROM accounts a JOIN children c ON c.id = a.child_id LEFT JOIN families f ON f.id = c.family_id
      WHERE a.id = ?`,
  ),
  insertNotice: s.prepare<
    [
      {
        id: string;
        accountId: string;
        counterCode: string;
        operatorCode: string;
        createdAt: string;
        subject: string;
        amountCents: number;
        dueDate: string | null;
        debtorName: string;
        debtorFiscalCode: string;
        debtorAddress: string | null;
      },
    ]
  >(
    `INSERT INTO notices (id, account_id, counter_code, operator_code, created_at, subject, amount_cents, due_date,
       debtor_name, debtor_fiscal_code, debtor_address, state, state_at, origin)
     VALUES (@id, @accountId, @counterCode, @operatorCode, @createdAt, @subject, @amountCents, @dueDate,
       @debtorName, @debtorFiscalCode, @debtorAddress, 'emesso', @createdAt, 'local')`,
  ),
  insertPayment: s.prepare<
    [
      {
        nav: string;
        noticeId: string;
        iuv: string;
        base: number;
        amountCents: number;
        dueDate: string | null;
        installment: number | null;
      },
    ]
  >(
    `INSERT INTO notice_payments (nav, notice_id, iuv, base, amount_cents, due_date, installment)
     VALUES (@nav, @noticeId, @iuv, @base, @amountCents, @dueDate, @installment)`,
  ),
  cancelState: s.prepare<
    [noticeId: string],
    Pick<Row<'notices'>, 'state' | 'cancel_requested' | 'account_id' | 'amount_cents'>
  >('SELECT state, cancel_requested, account_id, amount_cents FROM notices WHERE id = ?'),
  requestCancel: s.prepare<[operationId: string, reason: string, noticeId: string]>(
    `UPDATE notices SET cancel_requested = 1, cancel_operation_id = ?, cancel_reason = ?
      WHERE id = ? AND cancel_requested = 0 AND state IN ('emesso', 'registrato')`,
  ),

  // The bases of the codice avviso, from the blocks the central assigned.
  nextBase: s.prepare<[], { id: number; segregationCode: string; nextBase: number }>(
    `SELECT id, segregation_code AS segregationCode, next_base AS nextBase FROM notice_blocks
      WHERE first_base IS NOT NULL AND next_base <= last_base ORDER BY id LIMIT 1`,
  ),
  advanceBase: s.prepare<[id: number, nextBase: number]>(
    'UPDATE notice_blocks SET next_base = next_base + 1 WHERE id = ? AND next_base = ?',
  ),

  // The feed. The central service is the system of record of a notice's state: it replaces ours.
  // The debtor stays as we have it (a pharmacy receives none and keeps none).
  upsertFromFeed: s.prepare<
    [
      {
        id: string;
        accountId: string;
        counterCode: string;
        createdAt: string;
        subject: string;
        amountCents: number;
        dueDate: string | null;
        debtorName: string | null;
        debtorFiscalCode: string | null;
        debtorAddress: string | null;
        state: string;
        stateAt: string;
        paidAt: string | null;
        final: number;
      },
    ]
  >(
    `INSERT INTO notices (id, account_id, counter_code, operator_code, created_at, subject, amount_cents, due_date,
       debtor_name, debtor_fiscal_code, debtor_address, state, state_at, paid_at, origin)
     VALUES (@id, @accountId, @counterCode, NULL, @createdAt, @subject, @amountCents, @dueDate,
       @debtorName, @debtorFiscalCode, @debtorAddress, @state, @stateAt, @paidAt, 'central')
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, state_at = excluded.state_at,
       paid_at = excluded.paid_at,
       cancel_requested = CASE WHEN @final = 1 THEN 0 ELSE notices.cancel_requested END`,
  ),
  upsertPaymentFromFeed: s.prepare<
    [
      {
        nav: string;
        noticeId: string;
        iuv: string;
        amountCents: number;
        dueDate: string | null;
        installment: number | null;
        paidAt: string | null;
      },
    ]
  >(
    `INSERT INTO notice_payments (nav, notice_id, iuv, base, amount_cents, due_date, installment, paid_at)
     VALUES (@nav, @noticeId, @iuv, NULL, @amountCents, @dueDate, @installment, @paidAt)
     ON CONFLICT (nav) DO UPDATE SET paid_at = excluded.paid_at`,
  ),

  // The central's answers to this counter's operations.
  markRegistered: s.prepare<[stateAt: string, noticeId: string]>(
    `UPDATE notices SET state = 'registrato', state_at = ? WHERE id = ? AND state = 'emesso'`,
  ),
  cancelAnswered: s.prepare<[operationId: string]>(
    'UPDATE notices SET cancel_requested = 0 WHERE cancel_operation_id = ?',
  ),
}));
