import { v7 as uuidv7 } from 'uuid';
import type { CoreContext } from '../core/context';
import { journal } from '../journal/journal';
import type { Operator } from '../session/sessions';
import type { MovementKind, TillMovement, TillReckoning, TillSession } from '../../shared/contract';
import { tillConfigOf } from '../../shared/config';
import { DomainError } from '../../shared/errors';
import { formatEuro } from '../../shared/money';
import { sumCounts, type DenominationCounts } from '../../shared/till/denominations';
import { romeDate, romeYear } from '../../shared/time';
import { closeTill, NO_DETAIL, nextTillNumber, requireOpenById, type Closed } from './close';
import {
  hasPieces,
  NOTHING,
  parseAmount,
  parseBlindCount,
  parseCounts,
  type BlindCount,
  type CloseRequest,
} from './input';
import { tillQueries, type MovementRow, type SessionRow } from './queries';
import { cashHeld, reckonSession, toMovement } from './reckoning';

export type { Closed } from './close';

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
    if (!this.config.countsDrawer && hasPieces(rawCounts)) {
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
        const held = cashHeld(this.q, this.config, code, session);
        if (amountCents > held) {
          throw new DomainError(
            'CASH_INSUFFICIENT',
            `Il ${req.kind} di ${formatEuro(amountCents)} supera i contanti in cassa (${formatEuro(held)}).${NOTHING}`,
          );
        }
      }
      const number = nextTillNumber(this.q, code, req.kind, year);
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
    const session = requireOpenById(this.q, this.ctx.counter.code, req.sessionId);
    return reckonSession(this.q, this.config, session, parseBlindCount(req, this.config.countsDrawer));
  }

  close(operator: Operator, approver: Operator | null, req: CloseRequest): Closed {
    return closeTill(this.ctx, operator, approver, req);
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

  /** The float left for the next opening: what the last close counted less what went out after it (none). */
  private floatLeftBy(sessionId: string): DenominationCounts {
    const close = this.q.lastCloseOfSession.get(sessionId);
    return close?.counted_counts ? (JSON.parse(close.counted_counts) as DenominationCounts) : {};
  }

  private requireOpen(): SessionRow {
    const open = this.q.openSession.get(this.ctx.counter.code);
    if (!open) throw new DomainError('TILL_NOT_OPEN', 'La cassa non è aperta: aprire la sessione di cassa.' + NOTHING);
    return open;
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
