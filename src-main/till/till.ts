import { v7 as uuidv7 } from 'uuid';
import type { CoreContext } from '../core/context';
import { journal } from '../journal/journal';
import type { Operator } from '../session/sessions';
import {
  OutboxType,
  type MovementKind,
  type TillMovement,
  type TillReckoning,
  type TillSession,
} from '../../shared/contract';
import { tillConfigOf } from '../../shared/config';
import { DomainError } from '../../shared/errors';
import { formatEuro } from '../../shared/money';
import { countProblems, normaliseCounts, sumCounts, type DenominationCounts } from '../../shared/till/denominations';
import { closeRequirements, differenceOf } from '../../shared/till/difference';
import { romeDate, romeYear } from '../../shared/time';
import { tillQueries, type MovementRow, type SessionRow } from './queries';
import { renderZReportText, type ZReportInput } from './zReportText';

/** Above this an amount typed at the till is surely a typing error (100.000 €). */
export const MAX_TILL_CENTS = 10_000_000;

export interface BlindCount {
  sessionId: string;
  countedCounts?: Record<string, unknown> | undefined;
  posTotalCents: unknown;
}

export interface CloseRequest extends BlindCount {
  note?: string | undefined;
  pharmacistConfirmed?: boolean | undefined;
}

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

const NOTHING = ' Nulla è stato registrato.';

/** A count as typed, checked: each problem in Italian, nothing written. */
export function parseCounts(raw: Record<string, unknown>): DenominationCounts {
  const problems = countProblems(raw);
  if (problems.length > 0) throw new DomainError('COUNT_INVALID', problems.map((p) => p.message).join(' ') + NOTHING);
  const counts = normaliseCounts(raw);
  if (sumCounts(counts) > MAX_TILL_CENTS) {
    throw new DomainError('COUNT_INVALID', `Il totale supera ${formatEuro(MAX_TILL_CENTS)}: ricontare.${NOTHING}`);
  }
  return counts;
}

/** An amount in cents as typed: a whole number of cents, not negative, not absurd. */
export function parseAmount(raw: unknown, what: string, allowZero: boolean): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    throw new DomainError('COUNT_INVALID', `${what}: indicare un importo.${NOTHING}`);
  }
  if (!Number.isInteger(raw)) {
    throw new DomainError('COUNT_INVALID', `${what}: l'importo non può avere frazioni di centesimo.${NOTHING}`);
  }
  if (raw < 0 || (!allowZero && raw === 0)) {
    throw new DomainError(
      'COUNT_INVALID',
      `${what}: l'importo deve essere ${allowZero ? 'zero o più' : 'positivo'}.${NOTHING}`,
    );
  }
  if (raw > MAX_TILL_CENTS) {
    throw new DomainError(
      'COUNT_INVALID',
      `${what}: ${formatEuro(raw)} è oltre ${formatEuro(MAX_TILL_CENTS)}: ricontrollare.${NOTHING}`,
    );
  }
  return raw;
}

/** The parts of a till operation an event does not carry. */
const NO_DETAIL = { floatCents: null, movement: null, close: null, reopen: null };

const DOC_LETTER: Record<MovementKind, string> = { versamento: 'V', reintegro: 'R', prelievo: 'P' };

/**
 * The cash office of one counter. Every write is one IMMEDIATE transaction (synchronous=FULL) with
 * its audit row; the close checks that the session is still open inside its transaction, so of two
 * closes racing from two windows exactly one writes a Z report.
 */
export class Till {
  private readonly q;
  private readonly j;

  constructor(private readonly ctx: CoreContext) {
    this.q = tillQueries(ctx.db.sqlite);
    this.j = journal(ctx.db.sqlite);
  }

  private get config() {
    return tillConfigOf(this.ctx.counter);
  }

  status() {
    const open = this.q.openSession.get(this.ctx.counter.code);
    const last = this.q.lastClose.get(this.ctx.counter.code);
    return {
      countsDrawer: this.config.countsDrawer,
      requireOpenSession: this.config.requireOpenSession,
      session: open ? this.toSession(open) : null,
      proposedFloatCounts: this.config.countsDrawer && last ? this.floatLeftBy(last.session_id) : {},
      lastZ: last?.z_no ?? null,
      lastClosedSessionId: open || !last ? null : last.session_id,
    };
  }

  open(operator: Operator, rawCounts: Record<string, unknown>): TillSession {
    const counts = this.config.countsDrawer ? parseCounts(rawCounts) : {};
    if (!this.config.countsDrawer && Object.keys(normaliseCounts(parseCounts(rawCounts))).length > 0) {
      throw new DomainError(
        'COUNT_INVALID',
        'In farmacia la sessione di cassa non ha fondo cassa: gli incassi del Comune si dichiarano alla chiusura.' +
          NOTHING,
      );
    }
    const floatCents = sumCounts(counts);
    const now = this.ctx.clock.now();
    const id = uuidv7({ msecs: now.getTime() });
    const at = now.toISOString();
    const tx = this.ctx.db.sqlite.transaction(() => {
      const open = this.q.openSession.get(this.ctx.counter.code);
      if (open) {
        throw new DomainError(
          'TILL_ALREADY_OPEN',
          `La cassa è già aperta (da ${open.opened_by}): una sola sessione di cassa per sportello.${NOTHING}`,
        );
      }
      this.q.insertSession.run({
        id,
        counterCode: this.ctx.counter.code,
        openedAt: at,
        openedBy: operator.code,
        businessDate: romeDate(now),
        floatCents,
        floatCounts: JSON.stringify(counts),
      });
      this.j.outbox({
        type: 'till',
        payload: {
          ...NO_DETAIL,
          id,
          event: 'open',
          sessionId: id,
          counterCode: this.ctx.counter.code,
          operatorCode: operator.code,
          createdAt: at,
          floatCents,
        },
      });
      this.j.audit({
        at,
        counterCode: this.ctx.counter.code,
        operatorCode: operator.code,
        action: 'till.open',
        detail: { sessionId: id, floatCents },
      });
      return this.q.sessionById.get(id)!;
    });
    return this.toSession(tx.immediate());
  }

  movement(
    operator: Operator,
    req: {
      kind: MovementKind;
      amountCents: unknown;
      date?: string | undefined;
      reference?: string | undefined;
      note?: string | undefined;
    },
  ): TillMovement {
    const amountCents = parseAmount(req.amountCents, 'Importo del movimento', false);
    const reference = req.reference?.trim() || null;
    if (req.kind === 'versamento' && !reference) {
      throw new DomainError(
        'INPUT_INVALID',
        'Il versamento in Tesoreria richiede il riferimento della quietanza.' + NOTHING,
      );
    }
    const now = this.ctx.clock.now();
    const today = romeDate(now);
    const date = req.date ?? today;
    if (date > today)
      throw new DomainError('INPUT_INVALID', 'La data del movimento non può essere nel futuro.' + NOTHING);
    const at = now.toISOString();
    const id = uuidv7({ msecs: now.getTime() });
    const year = romeYear(now);
    const code = this.ctx.counter.code;
    const tx = this.ctx.db.sqlite.transaction((): MovementRow => {
      const session = this.requireOpen();
      if (req.kind !== 'reintegro') {
        const held = this.cashHeld(session);
        if (amountCents > held) {
          throw new DomainError(
            'CASH_INSUFFICIENT',
            `Il ${req.kind} di ${formatEuro(amountCents)} supera i contanti in cassa (${formatEuro(held)}).${NOTHING}`,
          );
        }
      }
      const number = this.nextNumber(req.kind, year);
      const documentNo = `${code}/${year}/${DOC_LETTER[req.kind]}${String(number).padStart(5, '0')}`;
      this.q.insertMovement.run({
        id,
        sessionId: session.id,
        counterCode: code,
        kind: req.kind,
        documentNo,
        year,
        number,
        amountCents,
        date,
        reference,
        note: req.note?.trim() || null,
        operatorCode: operator.code,
        createdAt: at,
      });
      this.j.outbox({
        type: 'till',
        payload: {
          ...NO_DETAIL,
          id,
          event: 'movement',
          sessionId: session.id,
          counterCode: code,
          operatorCode: operator.code,
          createdAt: at,
          movement: { kind: req.kind, documentNo, amountCents, date, reference },
        },
      });
      this.j.audit({
        at,
        counterCode: code,
        operatorCode: operator.code,
        action: 'till.movement',
        detail: { movementId: id, sessionId: session.id, kind: req.kind, amountCents, documentNo, reference },
      });
      return this.q.movements.all(session.id).find((m) => m.id === id)!;
    });
    return toMovement(tx.immediate());
  }

  /** The expected figures after the blind count (writes nothing). */
  reckon(req: BlindCount): TillReckoning {
    const session = this.requireOpenById(req.sessionId);
    return this.reckoning(session, this.blind(req)).reckoning;
  }

  close(operator: Operator, approver: Operator | null, req: CloseRequest): Closed {
    const blind = this.blind(req);
    const note = req.note?.trim() || null;
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const year = romeYear(now);
    const code = this.ctx.counter.code;
    const tx = this.ctx.db.sqlite.transaction((): Closed => {
      const session = this.requireOpenById(req.sessionId);
      const { reckoning } = this.reckoning(session, blind);
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
      if (this.q.closeSession.run(at, operator.code, session.id).changes !== 1) {
        throw new DomainError('TILL_CLOSED', 'La sessione di cassa è già stata chiusa.' + NOTHING);
      }
      const rectifies = this.q.lastCloseOfSession.get(session.id)?.z_no ?? null;
      const number = this.nextNumber('Z', year);
      const zNo = `${code}/${year}/Z${String(number).padStart(4, '0')}`;
      const businessDate = romeDate(now);
      const z: ZReportInput = {
        header: this.ctx.counter.config.receiptHeader,
        counterCode: code,
        counterName: this.ctx.counter.name,
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
      this.q.insertClose.run({
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
      this.j.outbox({
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
            operationIds: this.q.operationIds.all(session.id),
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
      this.j.audit({
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

  reopen(operator: Operator, approver: Operator, req: { sessionId: string; reason: string }): TillSession {
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const code = this.ctx.counter.code;
    const tx = this.ctx.db.sqlite.transaction(() => {
      const session = this.q.sessionById.get(req.sessionId);
      if (!session || session.counter_code !== code) {
        throw new DomainError('NOT_FOUND', 'Sessione di cassa non trovata a questo sportello.' + NOTHING);
      }
      if (session.closed_at === null) {
        throw new DomainError(
          'TILL_ALREADY_OPEN',
          "La sessione di cassa è aperta: non c'è nulla da riaprire." + NOTHING,
        );
      }
      const open = this.q.openSession.get(code);
      if (open) {
        throw new DomainError(
          'TILL_ALREADY_OPEN',
          "Un'altra sessione di cassa è aperta: chiuderla prima di riaprirne una chiusa." + NOTHING,
        );
      }
      const last = this.q.lastCloseOfSession.get(session.id)!;
      this.q.reopenSession.run(session.id);
      const id = uuidv7({ msecs: now.getTime() });
      this.q.insertReopening.run({
        id,
        sessionId: session.id,
        zNo: last.z_no,
        at,
        operatorCode: operator.code,
        approvedBy: approver.code,
        reason: req.reason,
      });
      this.j.outbox({
        type: 'till',
        payload: {
          ...NO_DETAIL,
          id,
          event: 'reopen',
          sessionId: session.id,
          counterCode: code,
          operatorCode: operator.code,
          createdAt: at,
          reopen: { zNo: last.z_no, reason: req.reason, approvedBy: approver.code },
        },
      });
      this.j.audit({
        at,
        counterCode: code,
        operatorCode: operator.code,
        action: 'till.reopen',
        detail: { sessionId: session.id, zNo: last.z_no, approvedBy: approver.code, reason: req.reason },
      });
      return this.q.sessionById.get(session.id)!;
    });
    return this.toSession(tx.immediate());
  }

  // ---------------------------------------------------------------------------------------------

  private blind(req: BlindCount): {
    counts: DenominationCounts | null;
    countedCashCents: number | null;
    posCents: number;
  } {
    const posCents = parseAmount(req.posTotalCents, 'Totale del terminale POS', true);
    if (!this.config.countsDrawer) {
      if (req.countedCounts && Object.keys(normaliseCounts(parseCounts(req.countedCounts))).length > 0) {
        throw new DomainError(
          'COUNT_INVALID',
          'In farmacia non si conta il cassetto: dichiarare solo gli incassi.' + NOTHING,
        );
      }
      return { counts: null, countedCashCents: null, posCents };
    }
    if (!req.countedCounts) {
      throw new DomainError('COUNT_INVALID', 'Contare i contanti del cassetto per taglio prima di chiudere.' + NOTHING);
    }
    const counts = parseCounts(req.countedCounts);
    return { counts, countedCashCents: sumCounts(counts), posCents };
  }

  private reckoning(
    session: SessionRow,
    blind: { countedCashCents: number | null; posCents: number },
  ): { reckoning: TillReckoning } {
    const takings = this.q.takings.all(session.id);
    const movements = this.q.movements.all(session.id).map(toMovement);
    const netOf = (method: 'cash' | 'card') =>
      takings.filter((t) => t.method === method).reduce((s, t) => s + t.grossCents - t.voidedCents, 0);
    const moved = (kind: MovementKind) =>
      movements.filter((m) => m.kind === kind).reduce((s, m) => s + m.amountCents, 0);
    const countsDrawer = this.config.countsDrawer;
    const expectedCash =
      session.float_cents + netOf('cash') + moved('reintegro') - moved('prelievo') - moved('versamento');
    const cash = countsDrawer ? differenceOf(blind.countedCashCents ?? 0, expectedCash) : null;
    const card = differenceOf(blind.posCents, netOf('card'));
    const thresholdCents = this.config.supervisorThresholdCents;
    const req = closeRequirements(cash ? [cash, card] : [card], thresholdCents);
    return {
      reckoning: {
        countsDrawer,
        floatCents: session.float_cents,
        takings,
        movements,
        cash,
        card,
        noteRequired: req.noteRequired,
        supervisorRequired: req.supervisorRequired,
        thresholdCents,
        unsent: this.q.unsent
          .all()
          // The journal writes only the contract's outbox types: parsed, so the screen can name each one.
          .map((u) => ({ operationId: u.operation_id, type: OutboxType.parse(u.type), createdAt: u.created_at })),
      },
    };
  }

  /** What a versamento or prelievo can take: the drawer's cash, or at a pharmacy the sum due not yet remitted. */
  private cashHeld(session: SessionRow): number {
    const code = this.ctx.counter.code;
    if (!this.config.countsDrawer) {
      return this.q.collected.get(code)!.cents - this.q.remitted.get(code)!.cents;
    }
    const takings = this.q.takings.all(session.id).filter((t) => t.method === 'cash');
    const movements = this.q.movements.all(session.id);
    const sign = { reintegro: 1, prelievo: -1, versamento: -1 } as const;
    return (
      session.float_cents +
      takings.reduce((s, t) => s + t.grossCents - t.voidedCents, 0) +
      movements.reduce((s, m) => s + sign[m.kind] * m.amount_cents, 0)
    );
  }

  /** The float left for the next opening: what the last close counted less what went out after it (none). */
  private floatLeftBy(sessionId: string): DenominationCounts {
    const close = this.q.lastCloseOfSession.get(sessionId);
    return close?.counted_counts ? (JSON.parse(close.counted_counts) as DenominationCounts) : {};
  }

  private nextNumber(kind: string, year: number): number {
    const row = this.q.nextNumber.get(this.ctx.counter.code, kind, year);
    if (!row) throw new Error('numerazione di cassa: nessun numero restituito');
    return row.last_number;
  }

  private requireOpen(): SessionRow {
    const open = this.q.openSession.get(this.ctx.counter.code);
    if (!open) throw new DomainError('TILL_NOT_OPEN', 'La cassa non è aperta: aprire la sessione di cassa.' + NOTHING);
    return open;
  }

  private requireOpenById(id: string): SessionRow {
    const session = this.q.sessionById.get(id);
    if (!session || session.counter_code !== this.ctx.counter.code) {
      throw new DomainError('NOT_FOUND', 'Sessione di cassa non trovata a questo sportello.' + NOTHING);
    }
    if (session.closed_at !== null) {
      const last = this.q.lastCloseOfSession.get(id);
      throw new DomainError(
        'TILL_CLOSED',
        `La sessione di cassa è già chiusa${last ? ` (chiusura ${last.z_no})` : ''}: una chiusura non si ripete né si modifica.${NOTHING}`,
      );
    }
    return session;
  }

  private toSession(row: SessionRow): TillSession {
    return {
      id: row.id,
      openedAt: row.opened_at,
      openedBy: row.opened_by,
      businessDate: row.business_date,
      floatCents: row.float_cents,
      floatCounts: JSON.parse(row.float_counts) as Record<string, number>,
      reopenedFrom: row.closed_at === null ? (this.q.lastCloseOfSession.get(row.id)?.z_no ?? null) : null,
    };
  }
}

export function toMovement(m: MovementRow): TillMovement {
  return {
    id: m.id,
    kind: m.kind,
    documentNo: m.document_no,
    amountCents: m.amount_cents,
    date: m.date,
    reference: m.reference,
    note: m.note,
    operatorCode: m.operator_code,
    createdAt: m.created_at,
  };
}
