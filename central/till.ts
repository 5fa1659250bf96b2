import type { Operation, OperationResult } from '../shared/central';
import { formatEuro } from '../shared/money';
import type { CentralSqlite } from './schema';

type TillOp = Extract<Operation, { type: 'till' }>;

/** A close as the central holds it, with what its own ledger says of the same operations. */
export interface AdminClosing {
  seq: number;
  id: string;
  counterCode: string;
  sessionId: string;
  zNo: string;
  rectifies: string | null;
  operatorCode: string;
  createdAt: string;
  receivedAt: string;
  operations: number;
  cashNetCents: number;
  cardNetCents: number;
  ledgerCashNetCents: number;
  ledgerCardNetCents: number;
  /** Operations the close names that the central ledger does not hold. */
  missingOperations: number;
  /** Null when the close agrees with the ledger; else the Italian reason. */
  mismatch: string | null;
  countedCashCents: number | null;
  declaredCardCents: number;
  cashDifferenceCents: number;
  cardDifferenceCents: number;
  note: string | null;
  approvedBy: string | null;
}

/**
 * The counters' cash offices (sessions, movements, closes, reopenings), stored as received, once
 * (a resent id gets its original seq). A close is checked against the central ledger: the net of
 * the operations it names, by method, must equal the close's own totals; a difference is flagged
 * (mismatch), not refused: the close happened at the counter and the office must see it.
 */
export function centralTill(sqlite: CentralSqlite) {
  const q = {
    seqOf: sqlite.prepare('SELECT seq FROM till_events WHERE id = ?').pluck(),
    insert: sqlite.prepare(
      `INSERT INTO till_events (id, event, session_id, counter_code, operator_code, created_at, received_at, payload,
                                ledger_cash_net_cents, ledger_card_net_cents, missing_operations, mismatch)
       VALUES (@id, @event, @sessionId, @counterCode, @operatorCode, @createdAt, @receivedAt, @payload,
               @ledgerCash, @ledgerCard, @missing, @mismatch)
       RETURNING seq`,
    ),
    ledgerTotals: sqlite.prepare(
      `SELECT coalesce(SUM(CASE WHEN coalesce(o.kind, l.kind) = 'topup_cash' THEN l.amount_cents END), 0) AS cash,
              coalesce(SUM(CASE WHEN coalesce(o.kind, l.kind) = 'topup_card' THEN l.amount_cents END), 0) AS card,
              COUNT(l.id) AS found
         FROM json_each(?) j
         JOIN ledger l ON l.id = j.value
         LEFT JOIN ledger o ON o.id = l.voids_id`,
    ),
    closings: sqlite.prepare(`SELECT * FROM till_events WHERE event = 'close' ORDER BY seq`),
  };

  return {
    push(op: TillOp, receivedAt: string): OperationResult {
      const previous = q.seqOf.get(op.id) as number | undefined;
      if (previous !== undefined) return { id: op.id, status: 'accepted', seq: previous };
      let ledgerCash: number | null = null;
      let ledgerCard: number | null = null;
      let missing: number | null = null;
      let mismatch: string | null = null;
      if (op.event === 'close' && op.close) {
        const ids = [...new Set(op.close.operationIds)];
        const totals = q.ledgerTotals.get(JSON.stringify(ids)) as { cash: number; card: number; found: number };
        ledgerCash = totals.cash;
        ledgerCard = totals.card;
        missing = ids.length - totals.found;
        const problems: string[] = [];
        if (missing > 0) problems.push(`${missing} operazioni della chiusura non sono nel registro centrale`);
        if (totals.cash !== op.close.cashNetCents) {
          problems.push(
            `contanti: chiusura ${formatEuro(op.close.cashNetCents)}, registro centrale ${formatEuro(totals.cash)}`,
          );
        }
        if (totals.card !== op.close.cardNetCents) {
          problems.push(
            `bancomat/carta: chiusura ${formatEuro(op.close.cardNetCents)}, registro centrale ${formatEuro(totals.card)}`,
          );
        }
        mismatch = problems.length > 0 ? `Totali non corrispondenti: ${problems.join('; ')}.` : null;
      }
      const seq = q.insert.pluck().get({
        id: op.id,
        event: op.event,
        sessionId: op.sessionId,
        counterCode: op.counterCode,
        operatorCode: op.operatorCode,
        createdAt: op.createdAt,
        receivedAt,
        payload: JSON.stringify(op),
        ledgerCash,
        ledgerCard,
        missing,
        mismatch,
      }) as number;
      return { id: op.id, status: 'accepted', seq };
    },

    closings(): AdminClosing[] {
      return (q.closings.all() as Record<string, unknown>[]).map((r) => {
        const op = JSON.parse(r['payload'] as string) as TillOp;
        const c = op.close!;
        return {
          seq: r['seq'] as number,
          id: op.id,
          counterCode: op.counterCode,
          sessionId: op.sessionId,
          zNo: c.zNo,
          rectifies: c.rectifies,
          operatorCode: op.operatorCode,
          createdAt: op.createdAt,
          receivedAt: r['received_at'] as string,
          operations: c.operationIds.length,
          cashNetCents: c.cashNetCents,
          cardNetCents: c.cardNetCents,
          ledgerCashNetCents: r['ledger_cash_net_cents'] as number,
          ledgerCardNetCents: r['ledger_card_net_cents'] as number,
          missingOperations: r['missing_operations'] as number,
          mismatch: r['mismatch'] as string | null,
          countedCashCents: c.countedCashCents,
          declaredCardCents: c.declaredCardCents,
          cashDifferenceCents: c.cashDifferenceCents,
          cardDifferenceCents: c.cardDifferenceCents,
          note: c.note,
          approvedBy: c.approvedBy,
        };
      });
    },
  };
}
