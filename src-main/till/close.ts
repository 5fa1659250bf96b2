import { v7 as uuidv7 } from 'uuid';
import type { CoreContext } from '../core/context';
import { journal } from '../journal/journal';
import type { Operator } from '../session/sessions';
import type { TillReckoning } from '../../shared/contract';
import { tillConfigOf } from '../../shared/config';
import { DomainError } from '../../shared/errors';
import { formatEuro } from '../../shared/money';
import type { DenominationCounts } from '../../shared/till/denominations';
import { romeDate, romeYear } from '../../shared/time';
import { NOTHING, parseBlindCount, type CloseRequest } from './input';
import { tillQueries, type SessionRow } from './queries';
import { reckonSession } from './reckoning';
import { renderZReportText, type ZReportInput } from './zReportText';

type TillQueries = ReturnType<typeof tillQueries>;

/** The parts of a till operation an event does not carry. */
export const NO_DETAIL = { floatCents: null, movement: null, close: null, reopen: null };

/** What a close wrote: its Z report (text and the figures for its PDF). */
export interface Closed {
  zNo: string;
  number: number;
  rectifies: string | null;
  reckoning: TillReckoning;
  text: string;
  businessDate: string;
  /** What the Z report shows, for its A4 PDF. */
  z: ZReportInput;
}

/** The next number of a till document (Z report, versamento, ...) of this counter and year, inside the caller's transaction. */
export function nextTillNumber(q: TillQueries, counterCode: string, kind: string, year: number): number {
  const row = q.nextNumber.get(counterCode, kind, year);
  if (!row) throw new Error('numerazione di cassa: nessun numero restituito');
  return row.last_number;
}

/** The session named by the screen, which must be this counter's and still open. */
export function requireOpenById(q: TillQueries, counterCode: string, id: string): SessionRow {
  const session = q.sessionById.get(id);
  if (!session || session.counter_code !== counterCode) {
    throw new DomainError('NOT_FOUND', 'Sessione di cassa non trovata a questo sportello.' + NOTHING);
  }
  if (session.closed_at !== null) {
    const last = q.lastCloseOfSession.get(id);
    throw new DomainError(
      'TILL_CLOSED',
      `La sessione di cassa è già chiusa${last ? ` (chiusura ${last.z_no})` : ''}: una chiusura non si ripete né si modifica.${NOTHING}`,
    );
  }
  return session;
}

/**
 * The close: one IMMEDIATE transaction that checks the session is still open, numbers the Z report,
 * stores the counts, the expected figures and the differences, and queues the close for the central.
 * Of two closes racing from two windows exactly one writes; the other gets TILL_CLOSED.
 */
export function closeTill(ctx: CoreContext, operator: Operator, approver: Operator | null, req: CloseRequest): Closed {
  const q = tillQueries(ctx.db.sqlite);
  const j = journal(ctx.db.sqlite);
  const config = tillConfigOf(ctx.counter);
  const blind = parseBlindCount(req, config.countsDrawer);
  const note = req.note?.trim() || null;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const year = romeYear(now);
  const code = ctx.counter.code;
  const tx = ctx.db.sqlite.transaction((): Closed => {
    const session = requireOpenById(q, code, req.sessionId);
    const reckoning = reckonSession(q, config, session, blind);
    if (reckoning.noteRequired && !note) {
      throw new DomainError('CLOSE_NEEDS_NOTE', "C'è una differenza: scrivere una nota che la spieghi." + NOTHING);
    }
    if (!reckoning.countsDrawer && req.pharmacistConfirmed !== true) {
      throw new DomainError(
        'CLOSE_NEEDS_CONFIRMATION',
        'Il farmacista deve confermare il prospetto degli incassi, controllato con lo scontrino del POS.' + NOTHING,
      );
    }
    if (reckoning.supervisorRequired && !approver) {
      throw new DomainError(
        'CLOSE_NEEDS_SUPERVISOR',
        `La differenza supera ${formatEuro(reckoning.thresholdCents)}: serve l'approvazione di un supervisore con il PIN.${NOTHING}`,
      );
    }
    if (q.closeSession.run(at, operator.code, session.id).changes !== 1) {
      throw new DomainError('TILL_CLOSED', 'La sessione di cassa è già stata chiusa.' + NOTHING);
    }
    const rectifies = q.lastCloseOfSession.get(session.id)?.z_no ?? null;
    const number = nextTillNumber(q, code, 'Z', year);
    const zNo = `${code}/${year}/Z${String(number).padStart(4, '0')}`;
    const businessDate = romeDate(now);
    const z: ZReportInput = {
      header: ctx.counter.config.receiptHeader,
      counterCode: code,
      counterName: ctx.counter.name,
      zNo,
      number,
      rectifies,
      businessDate,
      openedAt: session.opened_at,
      closedAt: at,
      operator: `${operator.name} (${operator.code})`,
      approvedBy: approver ? `${approver.name} (${approver.code})` : null,
      confirmedBy: reckoning.countsDrawer ? null : `${operator.name} (${operator.code})`,
      floatCounts: JSON.parse(session.float_counts) as DenominationCounts,
      countedCounts: blind.counts,
      reckoning,
      note,
    };
    const text = renderZReportText(z);
    q.insertClose.run({
      z_no: zNo,
      counter_code: code,
      year,
      number,
      session_id: session.id,
      closed_at: at,
      business_date: businessDate,
      operator_code: operator.code,
      counts_drawer: reckoning.countsDrawer ? 1 : 0,
      counted_counts: blind.counts ? JSON.stringify(blind.counts) : null,
      counted_cash_cents: reckoning.cash?.countedCents ?? null,
      declared_card_cents: reckoning.card.countedCents,
      expected_cash_cents: reckoning.cash?.expectedCents ?? 0,
      expected_card_cents: reckoning.card.expectedCents,
      cash_difference_cents: reckoning.cash?.differenceCents ?? 0,
      card_difference_cents: reckoning.card.differenceCents,
      note,
      approved_by: approver?.code ?? null,
      rectifies,
      totals: JSON.stringify({ takings: reckoning.takings, movements: reckoning.movements.map((m) => m.id) }),
      text,
    });
    const net = (method: 'cash' | 'card') =>
      reckoning.takings.filter((t) => t.method === method).reduce((x, t) => x + t.grossCents - t.voidedCents, 0);
    j.outbox({
      type: 'till',
      payload: {
        ...NO_DETAIL,
        id: uuidv7({ msecs: now.getTime() }),
        event: 'close',
        sessionId: session.id,
        counterCode: code,
        operatorCode: operator.code,
        createdAt: at,
        close: {
          zNo,
          rectifies,
          operationIds: q.operationIds.all(session.id),
          cashNetCents: net('cash'),
          cardNetCents: net('card'),
          countedCashCents: reckoning.cash?.countedCents ?? null,
          declaredCardCents: reckoning.card.countedCents,
          cashDifferenceCents: reckoning.cash?.differenceCents ?? 0,
          cardDifferenceCents: reckoning.card.differenceCents,
          note,
          approvedBy: approver?.code ?? null,
        },
      },
    });
    j.audit({
      at,
      counterCode: code,
      operatorCode: operator.code,
      action: 'till.close',
      detail: {
        sessionId: session.id,
        zNo,
        rectifies,
        cashDifferenceCents: reckoning.cash?.differenceCents ?? 0,
        cardDifferenceCents: reckoning.card.differenceCents,
        approvedBy: approver?.code ?? null,
        confirmedByPharmacist: reckoning.countsDrawer ? null : operator.code,
        unsent: reckoning.unsent.length,
      },
    });
    return { zNo, number, rectifies, reckoning, text, businessDate, z };
  });
  return tx.immediate();
}
