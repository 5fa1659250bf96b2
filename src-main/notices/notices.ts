import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { NoticeCancelOperation, NoticeOperation } from '../../shared/central';
import type { ChannelInput } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { formatEuro } from '../../shared/money';
import { buildNav3 } from '../../shared/pagopa/nav';
import { formatLocalDate, romeDate } from '../../shared/time';
import { journal } from '../journal/journal';
import { noticeQueries } from './queries';
import type { CoreContext } from '../core/context';
import type { Operator } from '../session/sessions';
import { baseTaker } from './bases';

/** Amount limits of one notice (a top-up, a debt or a trasporto / asilo nido fee). */
export const NOTICE_MIN_CENTS = 100;
export const NOTICE_MAX_CENTS = 500_000;
/** Debtor field limits of the Avvisi 3.x guide (nome completo 70, indirizzo 140). */
const DEBTOR_NAME_MAX = 70;
const DEBTOR_ADDRESS_MAX = 140;

export const NO_CODES_MESSAGE =
  'Nessun codice avviso disponibile: serve un collegamento con il servizio centrale per riceverne di nuovi.';

type IssueInput = ChannelInput<'notices.issue'>;
type NoticePayload = Omit<z.infer<typeof NoticeOperation>, 'type'>;
type CancelPayload = Omit<z.infer<typeof NoticeCancelOperation>, 'type'>;

export interface IssuedNotice {
  noticeId: string;
}

/**
 * Issuing and cancelling notices. Each is ONE immediate transaction (synchronous=FULL), like a
 * top-up: the notice, its payments, the bases it consumes, the outbox row and the audit row. The
 * PDF is written after the commit (handlers.ts).
 */
export class Notices {
  private readonly takeBase;
  private readonly q;
  private readonly journal;

  constructor(private readonly ctx: CoreContext) {
    const s = ctx.db.sqlite;
    this.takeBase = baseTaker(ctx.db);
    this.journal = journal(s);
    this.q = noticeQueries(s);
  }

  issue(operator: Operator, input: IssueInput): IssuedNotice {
    const { counter } = this.ctx;
    const now = this.ctx.clock.now();
    const today = romeDate(now);
    const createdAt = now.toISOString();
    const plan = paymentPlan(input, today);
    const account = this.q.debtorOf.get(input.accountId);
    if (account === undefined) throw new DomainError('NOT_FOUND', 'Conto non trovato: ripetere la ricerca.');
    if (account.parent_cf === null) {
      throw new DomainError(
        'INPUT_INVALID',
        "Il bambino non ha un adulto di riferimento registrato: senza di lui l'avviso non si può intestare.",
      );
    }
    const debtor = {
      fiscalCode: account.parent_cf,
      fullName: `${account.parent_name ?? ''} ${account.parent_surname ?? ''}`.trim().slice(0, DEBTOR_NAME_MAX),
      address: account.parent_address === null ? null : account.parent_address.slice(0, DEBTOR_ADDRESS_MAX),
    };
    const noticeId = uuidv7({ msecs: now.getTime() });

    const commit = this.ctx.db.sqlite.transaction((): IssuedNotice => {
      const payments = plan.map((p) => {
        const taken = this.takeBase();
        // Throwing rolls back every base taken so far: nothing changes.
        if (taken === null) throw new DomainError('NOTICE_CODES_EXHAUSTED', NO_CODES_MESSAGE);
        const { nav, iuv } = buildNav3(taken.segregationCode, taken.base);
        return { ...p, nav, iuv, base: Number(taken.base) };
      });
      this.q.insertNotice.run({
        id: noticeId,
        accountId: account.id,
        counterCode: counter.code,
        operatorCode: operator.code,
        createdAt,
        subject: input.subject,
        amountCents: input.amountCents,
        dueDate: noticeDueDate(input),
        debtorName: debtor.fullName,
        debtorFiscalCode: debtor.fiscalCode,
        debtorAddress: debtor.address,
      });
      for (const p of payments) this.q.insertPayment.run({ ...p, noticeId });
      const payload: NoticePayload = {
        // The registering operation carries the notice's own id: the settle hook finds it by it.
        id: noticeId,
        noticeId,
        accountId: account.id,
        counterCode: counter.code,
        operatorCode: operator.code,
        createdAt,
        subject: input.subject,
        amountCents: input.amountCents,
        dueDate: noticeDueDate(input),
        payments: payments.map(({ base: _base, ...p }) => p),
        debtor,
      };
      this.journal.outbox({ type: 'notice', payload });
      this.journal.audit({
        at: createdAt,
        counterCode: counter.code,
        operatorCode: operator.code,
        action: 'notice.issue',
        detail: { noticeId, accountId: account.id, amountCents: input.amountCents, navs: payments.map((p) => p.nav) },
      });
      return { noticeId };
    });
    return commit.immediate();
  }

  /** Records the request to cancel; the central service decides (a payment that came first wins). */
  requestCancel(operator: Operator, noticeId: string, reason: string): void {
    const { counter } = this.ctx;
    const now = this.ctx.clock.now();
    const createdAt = now.toISOString();
    const operationId = uuidv7({ msecs: now.getTime() });
    const commit = this.ctx.db.sqlite.transaction(() => {
      const row = this.q.cancelState.get(noticeId);
      if (row === undefined) throw new DomainError('NOT_FOUND', 'Avviso non trovato.');
      if (row.cancel_requested === 1) {
        throw new DomainError(
          'INPUT_INVALID',
          "L'annullamento di questo avviso è già stato richiesto: si attende la risposta del servizio centrale.",
        );
      }
      if (row.state !== 'emesso' && row.state !== 'registrato') {
        throw new DomainError('INPUT_INVALID', `L'avviso è ${row.state}: non si può annullare.`);
      }
      this.q.requestCancel.run(operationId, reason, noticeId);
      const payload: CancelPayload & { amountCents: number } = {
        id: operationId,
        noticeId,
        accountId: row.account_id,
        counterCode: counter.code,
        operatorCode: operator.code,
        createdAt,
        reason,
        // For the "Da risolvere" list only (the central reads the notice's own amount).
        amountCents: row.amount_cents,
      };
      this.journal.outbox({ type: 'notice_cancel', payload });
      this.journal.audit({
        at: createdAt,
        counterCode: counter.code,
        operatorCode: operator.code,
        action: 'notice.cancel',
        detail: { noticeId, operationId, reason },
      });
    });
    commit.immediate();
  }
}

type PlannedPayment = { amountCents: number; dueDate: string | null; installment: number | null };

/** Checks amounts and due dates and answers the payments the notice will have (one, or one per rata). */
export function paymentPlan(input: IssueInput, today: string): PlannedPayment[] {
  if (input.amountCents < NOTICE_MIN_CENTS || input.amountCents > NOTICE_MAX_CENTS) {
    throw new DomainError(
      'AMOUNT_OUT_OF_RANGE',
      `L'importo dell'avviso deve essere tra ${formatEuro(NOTICE_MIN_CENTS)} e ${formatEuro(NOTICE_MAX_CENTS)}.`,
    );
  }
  const notPast = (date: string, what: string) => {
    if (date < today) {
      throw new DomainError('INPUT_INVALID', `${what} (${formatLocalDate(date)}) è già passata.`);
    }
  };
  if (input.dueDate !== undefined) notPast(input.dueDate, 'La scadenza');
  const rate = input.installments;
  if (rate === undefined)
    return [{ amountCents: input.amountCents, dueDate: input.dueDate ?? null, installment: null }];
  let previous: string | null = null;
  let total = 0;
  rate.forEach((r, i) => {
    if (r.amountCents <= 0)
      throw new DomainError('AMOUNT_OUT_OF_RANGE', `L'importo della rata ${i + 1} deve essere positivo.`);
    notPast(r.dueDate, `La scadenza della rata ${i + 1}`);
    if (previous !== null && r.dueDate <= previous) {
      throw new DomainError(
        'INPUT_INVALID',
        `La scadenza della rata ${i + 1} deve essere dopo quella della rata ${i}.`,
      );
    }
    previous = r.dueDate;
    total += r.amountCents;
  });
  if (total !== input.amountCents) {
    throw new DomainError(
      'INPUT_INVALID',
      `La somma delle rate (${formatEuro(total)}) deve essere uguale all'importo dell'avviso (${formatEuro(input.amountCents)}).`,
    );
  }
  return rate.map((r, i) => ({ amountCents: r.amountCents, dueDate: r.dueDate, installment: i + 1 }));
}

/** With instalments the notice is due when its first rata is (unless a date was given). */
function noticeDueDate(input: IssueInput): string | null {
  return input.dueDate ?? input.installments?.[0]?.dueDate ?? null;
}
