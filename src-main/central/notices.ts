import { v5 as uuidV5 } from 'uuid';
import { z } from 'zod';
import type {
  FeedItem,
  NoticeBlockRequest,
  NoticeBlockResponse,
  Operation,
  OperationResult,
} from '../../shared/central';
import { DEMO_ENTE } from '../../seeds/ente';
import { isValidNav } from '../../shared/pagopa/nav';
import { formatCents } from '../../shared/money';
import { centralRow, ledgerWriter } from './ledger';
import { changeRecorder, type CentralSqlite } from './schema';

/**
 * pagoPA notices at the central service: blocks of codice avviso bases handed to the counters,
 * the debt positions they register, their cancellation, and (emulated) the PSP side that pays or
 * lets them expire. Tables are in schema.ts.
 */

export type NoticeOperationOf = Extract<Operation, { type: 'notice' | 'notice_cancel' }>;
type NoticeOp = Extract<Operation, { type: 'notice' }>;
type CancelOp = Extract<Operation, { type: 'notice_cancel' }>;
type FeedNotice = Extract<FeedItem, { type: 'notice' }>;

export const DEFAULT_BLOCK_SIZE = 1000;
const MAX_BASE = 9_999_999_999_999;
// The ledger id of a PSP payment comes from its NAV: a payment notified twice is stored once.
const PAYMENT_NAMESPACE = '0b6e3f0a-2c9d-5e41-8f7a-3d2c1b0a9e8f';

export function isNoticeOperation(op: Operation): op is NoticeOperationOf {
  return op.type === 'notice' || op.type === 'notice_cancel';
}

/** A request the central refuses (bad block request, PSP refusal): status and Italian message. */
export class NoticeRefusal extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'NoticeRefusal';
  }
}

const base13 = (n: number) => String(n).padStart(13, '0');

export interface CentralNotices {
  assignBlock(counterCode: string, request: NoticeBlockRequest, now: Date): Omit<NoticeBlockResponse, 'serverTime'>;
  /** Runs inside the push transaction; a rejection writes nothing. */
  push(op: NoticeOperationOf, receivedAt: string): OperationResult;
  feedItem(noticeId: string, pharmacy: boolean): FeedNotice | null;
  pay(nav: string, now: Date): PaidNotice;
  expire(nav: string, now: Date): { noticeId: string; state: string };
  read(noticeId: string): (FeedNotice & { cancels: { id: string; outcome: string }[] }) | null;
  /** Every notice, newest first: what a demo needs to pay one. */
  list(): { id: string; accountId: string; counterCode: string; state: string; amountCents: number; navs: string[] }[];
}

export interface PaidNotice {
  noticeId: string;
  nav: string;
  entryId: string;
  seq: number;
  state: string;
  balanceCents: number;
}

interface NoticeRow {
  seq: number;
  id: string;
  accountId: string;
  counterCode: string;
  createdAt: string;
  subject: string;
  amountCents: number;
  dueDate: string | null;
  debtor: string;
  state: FeedNotice['state'];
  stateAt: string;
  paidAt: string | null;
  operationId: string;
}

interface PaymentRow {
  nav: string;
  noticeId: string;
  iuv: string;
  amountCents: number;
  dueDate: string | null;
  installment: number | null;
  paidAt: string | null;
}

export function centralNotices(sqlite: CentralSqlite): CentralNotices {
  const recordChange = changeRecorder(sqlite);
  const ledger = ledgerWriter(sqlite);
  const q = {
    counter: sqlite.prepare('SELECT kind, config FROM counters WHERE code = ?'),
    blockByRequest: sqlite.prepare(
      `SELECT counter_code AS counterCode, segregation_code AS segregationCode, first_base AS firstBase,
         last_base AS lastBase FROM notice_blocks WHERE request_id = ?`,
    ),
    nextBase: sqlite.prepare('SELECT next_base FROM notice_base_counters WHERE segregation_code = ?').pluck(),
    setNextBase: sqlite.prepare(
      `INSERT INTO notice_base_counters (segregation_code, next_base) VALUES (?, ?)
       ON CONFLICT (segregation_code) DO UPDATE SET next_base = excluded.next_base`,
    ),
    insertBlock: sqlite.prepare(
      `INSERT INTO notice_blocks (request_id, counter_code, segregation_code, first_base, last_base, assigned_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    baseOwned: sqlite.prepare(
      `SELECT 1 FROM notice_blocks WHERE counter_code = ? AND segregation_code = ? AND first_base <= ? AND last_base >= ?`,
    ),
    account: sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?'),
    seqOfNoticeOp: sqlite.prepare('SELECT seq FROM notices WHERE operation_id = ?').pluck(),
    seqOfCancel: sqlite.prepare('SELECT seq FROM notice_cancels WHERE id = ?').pluck(),
    notice: sqlite.prepare(
      `SELECT seq, id, account_id AS accountId, counter_code AS counterCode, created_at AS createdAt, subject,
         amount_cents AS amountCents, due_date AS dueDate, debtor, state, state_at AS stateAt, paid_at AS paidAt,
         operation_id AS operationId FROM notices WHERE id = ?`,
    ),
    payments: sqlite.prepare(
      `SELECT nav, notice_id AS noticeId, iuv, amount_cents AS amountCents, due_date AS dueDate, installment,
         paid_at AS paidAt FROM notice_payments WHERE notice_id = ? ORDER BY coalesce(installment, 0)`,
    ),
    payment: sqlite.prepare(
      `SELECT nav, notice_id AS noticeId, iuv, amount_cents AS amountCents, due_date AS dueDate, installment,
         paid_at AS paidAt FROM notice_payments WHERE nav = ?`,
    ),
    insertNotice: sqlite.prepare(
      `INSERT INTO notices (id, operation_id, account_id, counter_code, operator_code, created_at, received_at,
         subject, amount_cents, due_date, debtor, state, state_at)
       VALUES (@id, @operationId, @accountId, @counterCode, @operatorCode, @createdAt, @receivedAt, @subject,
         @amountCents, @dueDate, @debtor, 'registrato', @receivedAt)
       RETURNING seq`,
    ),
    insertPayment: sqlite.prepare(
      `INSERT INTO notice_payments (nav, notice_id, iuv, amount_cents, due_date, installment)
       VALUES (@nav, @noticeId, @iuv, @amountCents, @dueDate, @installment)`,
    ),
    insertCancel: sqlite.prepare(
      `INSERT INTO notice_cancels (id, notice_id, counter_code, operator_code, reason, created_at, received_at, outcome)
       VALUES (@id, @noticeId, @counterCode, @operatorCode, @reason, @createdAt, @receivedAt, @outcome)
       RETURNING seq`,
    ),
    cancels: sqlite.prepare('SELECT id, outcome FROM notice_cancels WHERE notice_id = ? ORDER BY seq'),
    setState: sqlite.prepare('UPDATE notices SET state = ?, state_at = ?, paid_at = coalesce(?, paid_at) WHERE id = ?'),
    markPaid: sqlite.prepare('UPDATE notice_payments SET paid_at = ?, ledger_id = ? WHERE nav = ?'),
    balance: sqlite.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck(),
  };

  function segregationCodeOf(config: string): string {
    const parsed = z
      .object({ ente: z.object({ segregationCode: z.string().regex(/^\d{2}$/) }).optional() })
      .safeParse(JSON.parse(config));
    return parsed.success
      ? (parsed.data.ente?.segregationCode ?? DEMO_ENTE.segregationCode)
      : DEMO_ENTE.segregationCode;
  }

  const assignBlock = sqlite.transaction(
    (counterCode: string, request: NoticeBlockRequest, now: Date): Omit<NoticeBlockResponse, 'serverTime'> => {
      const known = q.blockByRequest.get(request.requestId) as
        { counterCode: string; segregationCode: string; firstBase: number; lastBase: number } | undefined;
      if (known !== undefined) {
        if (known.counterCode !== counterCode) {
          throw new NoticeRefusal(400, 'Richiesta di blocco già usata da un altro sportello.');
        }
        return {
          requestId: request.requestId,
          segregationCode: known.segregationCode,
          firstBase: base13(known.firstBase),
          lastBase: base13(known.lastBase),
        };
      }
      const counter = q.counter.get(counterCode) as { kind: string; config: string } | undefined;
      if (counter === undefined) throw new NoticeRefusal(404, `Sportello ${counterCode} sconosciuto.`);
      if (counter.kind === 'farmacia') {
        throw new NoticeRefusal(400, 'Le farmacie non emettono avvisi pagoPA: nessun blocco di codici avviso.');
      }
      const segregationCode = segregationCodeOf(counter.config);
      const first = (q.nextBase.get(segregationCode) as number | undefined) ?? 1;
      const size = request.size ?? DEFAULT_BLOCK_SIZE;
      const last = first + size - 1;
      if (last > MAX_BASE) throw new NoticeRefusal(409, 'Codici avviso esauriti per questo codice di segregazione.');
      q.setNextBase.run(segregationCode, last + 1);
      q.insertBlock.run(request.requestId, counterCode, segregationCode, first, last, now.toISOString());
      return { requestId: request.requestId, segregationCode, firstBase: base13(first), lastBase: base13(last) };
    },
  );

  /** Why the central refuses a notice, or null when it can be registered. */
  function refusalOf(op: NoticeOp): string | null {
    if (q.account.get(op.accountId) === undefined) return `Conto ${op.accountId} sconosciuto al servizio centrale.`;
    if (q.notice.get(op.noticeId) !== undefined) return `L'avviso ${op.noticeId} è già registrato con altri dati.`;
    const total = op.payments.reduce((sum, p) => sum + p.amountCents, 0);
    if (total !== op.amountCents) {
      return `La somma delle rate (${formatCents(total)}) non è l'importo dell'avviso (${formatCents(op.amountCents)}).`;
    }
    for (const p of op.payments) {
      if (!isValidNav(p.nav) || !p.nav.startsWith('3') || p.iuv !== p.nav.slice(1)) {
        return `Codice avviso ${p.nav} non valido.`;
      }
      const base = Number(p.nav.slice(3, 16));
      if (q.baseOwned.get(op.counterCode, p.nav.slice(1, 3), base, base) === undefined) {
        return `Il codice avviso ${p.nav} non appartiene ai blocchi assegnati allo sportello ${op.counterCode}.`;
      }
      if (q.payment.get(p.nav) !== undefined) return `Il codice avviso ${p.nav} è già usato da un altro avviso.`;
    }
    return null;
  }

  function pushNotice(op: NoticeOp, receivedAt: string): OperationResult {
    const previous = q.seqOfNoticeOp.get(op.id) as number | undefined;
    if (previous !== undefined) return { id: op.id, status: 'accepted', seq: previous };
    const reason = refusalOf(op);
    if (reason !== null) return { id: op.id, status: 'rejected', reason };
    const { seq } = q.insertNotice.get({
      id: op.noticeId,
      operationId: op.id,
      accountId: op.accountId,
      counterCode: op.counterCode,
      operatorCode: op.operatorCode,
      createdAt: op.createdAt,
      receivedAt,
      subject: op.subject,
      amountCents: op.amountCents,
      dueDate: op.dueDate,
      debtor: JSON.stringify(op.debtor),
    }) as { seq: number };
    for (const p of op.payments) q.insertPayment.run({ ...p, noticeId: op.noticeId });
    recordChange('notice', op.noticeId);
    return { id: op.id, status: 'accepted', seq };
  }

  function pushCancel(op: CancelOp, receivedAt: string): OperationResult {
    const previous = q.seqOfCancel.get(op.id) as number | undefined;
    if (previous !== undefined) return { id: op.id, status: 'accepted', seq: previous };
    const notice = q.notice.get(op.noticeId) as NoticeRow | undefined;
    if (notice === undefined) {
      return { id: op.id, status: 'rejected', reason: `Avviso ${op.noticeId} sconosciuto al servizio centrale.` };
    }
    const payments = q.payments.all(op.noticeId) as PaymentRow[];
    let outcome: string;
    if (notice.state === 'pagato') outcome = 'già pagato';
    else if (notice.state === 'annullato') outcome = 'già annullato';
    else if (payments.some((p) => p.paidAt !== null)) outcome = 'rate già pagate';
    else {
      q.setState.run('annullato', receivedAt, null, op.noticeId);
      outcome = 'annullato';
    }
    const { seq } = q.insertCancel.get({
      id: op.id,
      noticeId: op.noticeId,
      counterCode: op.counterCode,
      operatorCode: op.operatorCode,
      reason: op.reason,
      createdAt: op.createdAt,
      receivedAt,
      outcome,
    }) as { seq: number };
    // Even when nothing changed, the counter that asked learns the answer from the feed.
    recordChange('notice', op.noticeId);
    return { id: op.id, status: 'accepted', seq };
  }

  function feedItem(noticeId: string, pharmacy: boolean): FeedNotice | null {
    const n = q.notice.get(noticeId) as NoticeRow | undefined;
    if (n === undefined) return null;
    const payments = (q.payments.all(noticeId) as PaymentRow[]).map(({ noticeId: _id, ...p }) => p);
    return {
      type: 'notice',
      id: n.id,
      accountId: n.accountId,
      counterCode: n.counterCode,
      createdAt: n.createdAt,
      subject: n.subject,
      amountCents: n.amountCents,
      dueDate: n.dueDate,
      payments,
      state: n.state,
      stateAt: n.stateAt,
      paidAt: n.paidAt,
      // A pharmacy never receives the debtor (codice fiscale, name, address of the parent).
      debtor: pharmacy ? null : (JSON.parse(n.debtor) as FeedNotice['debtor']),
    };
  }

  const pay = sqlite.transaction((nav: string, now: Date): PaidNotice => {
    const payment = q.payment.get(nav) as PaymentRow | undefined;
    if (payment === undefined) {
      throw new NoticeRefusal(404, `Codice avviso ${nav} non registrato: il PSP rifiuta il pagamento.`);
    }
    const notice = q.notice.get(payment.noticeId) as NoticeRow;
    if (notice.state === 'annullato')
      throw new NoticeRefusal(409, `L'avviso ${nav} è annullato: il PSP rifiuta il pagamento.`);
    if (notice.state === 'scaduto')
      throw new NoticeRefusal(409, `L'avviso ${nav} è scaduto: il PSP rifiuta il pagamento.`);
    if (payment.paidAt !== null) throw new NoticeRefusal(409, `L'avviso ${nav} è già stato pagato.`);
    const at = now.toISOString();
    const entryId = uuidV5(`pagopa:${nav}`, PAYMENT_NAMESPACE);
    const { seq } = ledger.append(
      centralRow({
        id: entryId,
        accountId: notice.accountId,
        kind: 'topup_pagopa',
        amountCents: payment.amountCents,
        createdAt: at,
        receivedAt: at,
        reason: `pagoPA, codice avviso ${nav}`,
      }),
    );
    q.markPaid.run(at, entryId, nav);
    const unpaid = (q.payments.all(payment.noticeId) as PaymentRow[]).filter((p) => p.paidAt === null);
    const state = unpaid.length === 0 ? 'pagato' : notice.state;
    if (state === 'pagato') q.setState.run('pagato', at, at, payment.noticeId);
    recordChange('notice', payment.noticeId);
    return {
      noticeId: payment.noticeId,
      nav,
      entryId,
      seq,
      state,
      balanceCents: q.balance.get(notice.accountId) as number,
    };
  });

  const expire = sqlite.transaction((nav: string, now: Date) => {
    const payment = q.payment.get(nav) as PaymentRow | undefined;
    if (payment === undefined) throw new NoticeRefusal(404, `Codice avviso ${nav} non registrato.`);
    const notice = q.notice.get(payment.noticeId) as NoticeRow;
    if (notice.state !== 'registrato') {
      throw new NoticeRefusal(409, `L'avviso ${nav} è ${notice.state}: non può scadere.`);
    }
    q.setState.run('scaduto', now.toISOString(), null, payment.noticeId);
    recordChange('notice', payment.noticeId);
    return { noticeId: payment.noticeId, state: 'scaduto' };
  });

  return {
    assignBlock: (counterCode, request, now) => assignBlock(counterCode, request, now),
    push: (op, receivedAt) => (op.type === 'notice' ? pushNotice(op, receivedAt) : pushCancel(op, receivedAt)),
    feedItem,
    pay: (nav, now) => pay(nav, now),
    expire: (nav, now) => expire(nav, now),
    list() {
      const rows = sqlite
        .prepare(
          `SELECT n.id, n.account_id AS accountId, n.counter_code AS counterCode, n.state, n.amount_cents AS amountCents,
             (SELECT group_concat(p.nav, ',') FROM notice_payments p WHERE p.notice_id = n.id) AS navs
           FROM notices n ORDER BY n.seq DESC`,
        )
        .all() as {
        id: string;
        accountId: string;
        counterCode: string;
        state: string;
        amountCents: number;
        navs: string;
      }[];
      return rows.map((r) => ({ ...r, navs: r.navs.split(',') }));
    },
    read(noticeId) {
      const item = feedItem(noticeId, false);
      if (item === null) return null;
      return { ...item, cancels: q.cancels.all(noticeId) as { id: string; outcome: string }[] };
    },
  };
}

const NavRequest = z.object({ nav: z.string().regex(/^[\d\s]{18,23}$/) });

/**
 * The /admin/notices endpoints of the emulator (loopback, no auth): the PSP side of pagoPA.
 * Answers null for a path that is not its own.
 */
export function noticeAdmin(
  notices: CentralNotices,
  method: string,
  path: string,
  raw: string,
  now: Date,
): { status: number; body: unknown } | null {
  const refuse = (status: number, message: string) => ({
    status,
    body: { serverTime: now.toISOString(), error: { code: 'BAD_REQUEST', message } },
  });
  const navOf = (): string | null => {
    const parsed = NavRequest.safeParse(raw === '' ? undefined : (JSON.parse(raw) as unknown));
    return parsed.success ? parsed.data.nav.replace(/\s/g, '') : null;
  };
  try {
    if (method === 'POST' && (path === '/admin/notices/pay' || path === '/admin/notices/expire')) {
      const nav = navOf();
      if (nav === null) return refuse(400, 'Indicare il codice avviso (18 cifre).');
      const body = path.endsWith('/pay') ? notices.pay(nav, now) : notices.expire(nav, now);
      return { status: 200, body };
    }
    if (method === 'GET' && path === '/admin/notices') return { status: 200, body: { notices: notices.list() } };
    const match = /^\/admin\/notices\/([^/]+)$/.exec(path);
    if (method === 'GET' && match?.[1]) {
      const notice = notices.read(decodeURIComponent(match[1]));
      return notice === null ? refuse(404, `Avviso ${match[1]} sconosciuto.`) : { status: 200, body: notice };
    }
    return null;
  } catch (e) {
    if (e instanceof NoticeRefusal) return refuse(e.status, e.message);
    if (e instanceof SyntaxError) return refuse(400, 'Il corpo della richiesta non è JSON valido.');
    throw e;
  }
}
