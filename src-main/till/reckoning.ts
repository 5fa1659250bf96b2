import { OutboxType, type MovementKind, type TillMovement, type TillReckoning } from '../../shared/contract';
import type { TillConfig } from '../../shared/config';
import { closeRequirements, differenceOf } from '../../shared/till/difference';
import type { CheckedBlindCount } from './input';
import type { MovementRow, SessionRow, tillQueries } from './queries';

type TillQueries = ReturnType<typeof tillQueries>;

/** What a session's close expects, against the blind count: differences, note and supervisor required. */
export function reckonSession(
  q: TillQueries,
  config: TillConfig,
  session: SessionRow,
  blind: Pick<CheckedBlindCount, 'countedCashCents' | 'posCents'>,
): TillReckoning {
  const takings = q.takings.all(session.id);
  const movements = q.movements.all(session.id).map(toMovement);
  const netOf = (method: 'cash' | 'card') =>
    takings.filter((t) => t.method === method).reduce((s, t) => s + t.grossCents - t.voidedCents, 0);
  const moved = (kind: MovementKind) => movements.filter((m) => m.kind === kind).reduce((s, m) => s + m.amountCents, 0);
  const countsDrawer = config.countsDrawer;
  const expectedCash =
    session.float_cents + netOf('cash') + moved('reintegro') - moved('prelievo') - moved('versamento');
  const cash = countsDrawer ? differenceOf(blind.countedCashCents ?? 0, expectedCash) : null;
  const card = differenceOf(blind.posCents, netOf('card'));
  const thresholdCents = config.supervisorThresholdCents;
  const req = closeRequirements(cash ? [cash, card] : [card], thresholdCents);
  return {
    countsDrawer,
    floatCents: session.float_cents,
    takings,
    movements,
    cash,
    card,
    noteRequired: req.noteRequired,
    supervisorRequired: req.supervisorRequired,
    thresholdCents,
    unsent: q.unsent
      .all()
      // The journal writes only the contract's outbox types: parsed, so the screen can name each one.
      .map((u) => ({ operationId: u.operation_id, type: OutboxType.parse(u.type), createdAt: u.created_at })),
  };
}

/** What a versamento or prelievo can take: the drawer's cash, or at a pharmacy the sum due not yet remitted. */
export function cashHeld(q: TillQueries, config: TillConfig, counterCode: string, session: SessionRow): number {
  if (!config.countsDrawer) {
    return q.collected.get(counterCode)!.cents - q.remitted.get(counterCode)!.cents;
  }
  const takings = q.takings.all(session.id).filter((t) => t.method === 'cash');
  const movements = q.movements.all(session.id);
  const sign = { reintegro: 1, prelievo: -1, versamento: -1 } as const;
  return (
    session.float_cents +
    takings.reduce((s, t) => s + t.grossCents - t.voidedCents, 0) +
    movements.reduce((s, m) => s + sign[m.kind] * m.amount_cents, 0)
  );
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
