import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

export type SessionRow = Row<'till_sessions'>;
export type CloseRow = Row<'till_closes'>;
export type MovementRow = Row<'till_movements'>;

/** Takings of a session by method and service: gross, voided, and how many of each. */
export interface TakingRow {
  method: 'cash' | 'card';
  service: string;
  grossCents: number;
  voidedCents: number;
  count: number;
  voids: number;
}

/** The statements of the cash office. */
export const tillQueries = preparedPerConnection((s) => ({
  openSession: s.prepare<[counterCode: string], SessionRow>(
    `SELECT * FROM till_sessions WHERE counter_code = ? AND closed_at IS NULL`,
  ),
  sessionById: s.prepare<[id: string], SessionRow>(`SELECT * FROM till_sessions WHERE id = ?`),
  insertSession: s.prepare<
    [
      {
        id: string;
        counterCode: string;
        openedAt: string;
        openedBy: string;
        businessDate: string;
        floatCents: number;
        floatCounts: string;
      },
    ]
  >(
    `INSERT INTO till_sessions (id, counter_code, opened_at, opened_by, business_date, float_cents, float_counts)
     VALUES (@id, @counterCode, @openedAt, @openedBy, @businessDate, @floatCents, @floatCounts)`,
  ),
  /** Closes only a session still open: 0 changes means another window closed it first. */
  closeSession: s.prepare<[closedAt: string, closedBy: string, id: string]>(
    `UPDATE till_sessions SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL`,
  ),
  reopenSession: s.prepare<[id: string]>(
    `UPDATE till_sessions SET closed_at = NULL, closed_by = NULL WHERE id = ? AND closed_at IS NOT NULL`,
  ),
  lastClose: s.prepare<[counterCode: string], CloseRow>(
    `SELECT * FROM till_closes WHERE counter_code = ? ORDER BY closed_at DESC, year DESC, number DESC LIMIT 1`,
  ),
  lastCloseOfSession: s.prepare<[sessionId: string], CloseRow>(
    `SELECT * FROM till_closes WHERE session_id = ? ORDER BY year DESC, number DESC LIMIT 1`,
  ),
  closeByNo: s.prepare<[zNo: string], CloseRow>(`SELECT * FROM till_closes WHERE z_no = ?`),
  nextNumber: s.prepare<[counterCode: string, kind: string, year: number], Pick<Row<'till_sequences'>, 'last_number'>>(
    `INSERT INTO till_sequences (counter_code, kind, year, last_number) VALUES (?, ?, ?, 1)
       ON CONFLICT (counter_code, kind, year) DO UPDATE SET last_number = last_number + 1
     RETURNING last_number`,
  ),
  takings: s.prepare<[sessionId: string], TakingRow>(
    `SELECT CASE WHEN coalesce(o.kind, l.kind) = 'topup_cash' THEN 'cash' ELSE 'card' END AS method,
            a.service AS service,
            SUM(CASE WHEN l.kind = 'void' THEN 0 ELSE l.amount_cents END) AS grossCents,
            SUM(CASE WHEN l.kind = 'void' THEN -l.amount_cents ELSE 0 END) AS voidedCents,
            SUM(l.kind <> 'void') AS count,
            SUM(l.kind = 'void') AS voids
       FROM ledger l
       JOIN accounts a ON a.id = l.account_id
       LEFT JOIN ledger o ON o.id = l.voids_id
      WHERE l.till_session_id = ? AND l.kind IN ('topup_cash', 'topup_card', 'void')
      GROUP BY 1, 2 ORDER BY 1 DESC, 2`,
  ),
  operationIds: s
    .prepare<[sessionId: string], string>(`SELECT id FROM ledger WHERE till_session_id = ? ORDER BY created_at, id`)
    .pluck(),
  movements: s.prepare<[sessionId: string], MovementRow>(
    `SELECT * FROM till_movements WHERE session_id = ? ORDER BY created_at, document_no`,
  ),
  insertMovement: s.prepare<
    [
      {
        id: string;
        sessionId: string;
        counterCode: string;
        kind: MovementRow['kind'];
        documentNo: string;
        year: number;
        number: number;
        amountCents: number;
        date: string;
        reference: string | null;
        note: string | null;
        operatorCode: string;
        createdAt: string;
      },
    ]
  >(
    `INSERT INTO till_movements (id, session_id, counter_code, kind, document_no, year, number, amount_cents, date,
                                 reference, note, operator_code, created_at)
     VALUES (@id, @sessionId, @counterCode, @kind, @documentNo, @year, @number, @amountCents, @date,
             @reference, @note, @operatorCode, @createdAt)`,
  ),
  /**
   * All a counter ever took at the counter (net of voids, cash and card: a pharmacy owes both to the
   * Comune, the rendiconto says), to be set against all it remitted: a pharmacy's sum due.
   */
  collected: s.prepare<[counterCode: string], { cents: number }>(
    `SELECT coalesce(SUM(l.amount_cents), 0) AS cents
       FROM ledger l LEFT JOIN ledger o ON o.id = l.voids_id
      WHERE l.counter_code = ? AND l.origin = 'local' AND coalesce(o.kind, l.kind) IN ('topup_cash', 'topup_card')`,
  ),
  remitted: s.prepare<[counterCode: string], { cents: number }>(
    `SELECT coalesce(SUM(amount_cents), 0) AS cents FROM till_movements WHERE counter_code = ? AND kind = 'versamento'`,
  ),
  unsent: s.prepare<[], Pick<Row<'outbox'>, 'operation_id' | 'type' | 'created_at' | 'state'>>(
    `SELECT operation_id, type, created_at, state FROM outbox WHERE state <> 'confirmed' ORDER BY seq`,
  ),
  insertClose: s.prepare<[Omit<CloseRow, never>]>(
    `INSERT INTO till_closes (z_no, counter_code, year, number, session_id, closed_at, business_date, operator_code,
                              counts_drawer, counted_counts, counted_cash_cents, declared_card_cents,
                              expected_cash_cents, expected_card_cents, cash_difference_cents, card_difference_cents,
                              note, approved_by, rectifies, totals, text)
     VALUES (@z_no, @counter_code, @year, @number, @session_id, @closed_at, @business_date, @operator_code,
             @counts_drawer, @counted_counts, @counted_cash_cents, @declared_card_cents,
             @expected_cash_cents, @expected_card_cents, @cash_difference_cents, @card_difference_cents,
             @note, @approved_by, @rectifies, @totals, @text)`,
  ),
  insertReopening: s.prepare<
    [
      {
        id: string;
        sessionId: string;
        zNo: string;
        at: string;
        operatorCode: string;
        approvedBy: string;
        reason: string;
      },
    ]
  >(
    `INSERT INTO till_reopenings (id, session_id, z_no, at, operator_code, approved_by, reason)
     VALUES (@id, @sessionId, @zNo, @at, @operatorCode, @approvedBy, @reason)`,
  ),
  /** The versamenti of a counter in a period, for the Ragioneria's reports. */
  remittances: s.prepare<[counterCode: string, from: string, to: string], MovementRow>(
    `SELECT * FROM till_movements WHERE counter_code = ? AND kind = 'versamento' AND date BETWEEN ? AND ?
      ORDER BY date, year, number`,
  ),
}));
