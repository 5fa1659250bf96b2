import { z } from 'zod';
import { OPERATOR } from './access';
import { Cents, channel, Empty, Id, IsoDateTime, LocalDate, PrintOutcome } from './common';
import { OutboxType } from './sync';

/**
 * The cash office: the till session (opened with its float, one open per counter), its movements
 * (versamento in Tesoreria, reintegro, prelievo), the blind close that numbers a Z report, and the
 * supervisor's reopening. Counts by denomination are keyed by the value in cents ("50000" .. "1");
 * their values are checked by shared/till/denominations.ts so that every refusal is in Italian.
 */

/** Pieces per denomination as typed: the core checks each value (integer, not negative, not absurd). */
export const Counts = z
  .record(z.string().max(8), z.unknown())
  .refine((o) => Object.keys(o).length <= 20, { message: 'troppi tagli' });

export const TillSession = z.object({
  id: Id,
  openedAt: IsoDateTime,
  openedBy: z.string(),
  businessDate: LocalDate,
  floatCents: Cents,
  floatCounts: z.record(z.string(), z.number().int()),
  /** Set while a reopened session waits for its rettifica. */
  reopenedFrom: z.string().nullable(),
});
export type TillSession = z.infer<typeof TillSession>;

export const MovementKind = z.enum(['versamento', 'reintegro', 'prelievo']);
export type MovementKind = z.infer<typeof MovementKind>;

export const TillMovement = z.object({
  id: Id,
  kind: MovementKind,
  documentNo: z.string(),
  amountCents: Cents,
  date: LocalDate,
  reference: z.string().nullable(),
  note: z.string().nullable(),
  operatorCode: z.string(),
  createdAt: IsoDateTime,
});
export type TillMovement = z.infer<typeof TillMovement>;

export const TillTakings = z.object({
  method: z.enum(['cash', 'card']),
  service: z.string(),
  grossCents: Cents,
  voidedCents: Cents,
  count: z.number().int(),
  voids: z.number().int(),
});

export const TillDifference = z.object({
  expectedCents: Cents,
  countedCents: Cents,
  differenceCents: Cents,
  kind: z.enum(['pari', 'ammanco', 'eccedenza']),
});

/** What the system expects, shown only after the blind count. */
export const TillReckoning = z.object({
  countsDrawer: z.boolean(),
  floatCents: Cents,
  takings: z.array(TillTakings),
  movements: z.array(TillMovement),
  /** Null at a counter that counts no drawer (a pharmacy). */
  cash: TillDifference.nullable(),
  card: TillDifference,
  noteRequired: z.boolean(),
  supervisorRequired: z.boolean(),
  thresholdCents: Cents,
  /** Operations not yet confirmed by the central: the close proceeds and says so. */
  unsent: z.array(z.object({ operationId: z.string(), type: OutboxType, createdAt: IsoDateTime })),
});
export type TillReckoning = z.infer<typeof TillReckoning>;

const BlindCount = {
  sessionId: Id,
  /** The drawer counted by denomination; absent at a counter that counts no drawer. */
  countedCounts: Counts.optional(),
  /** The card terminal's closing total (the POS slip). */
  posTotalCents: z.unknown(),
};

const Supervisor = {
  supervisor: z.string().trim().min(1).max(40),
  supervisorPin: z.string().min(1).max(64),
};

export const tillChannels = {
  'till.status': channel(
    Empty,
    z.object({
      countsDrawer: z.boolean(),
      requireOpenSession: z.boolean(),
      session: TillSession.nullable(),
      /** The float the last close left in the drawer, proposed for the next opening. */
      proposedFloatCounts: z.record(z.string(), z.number().int()),
      lastZ: z.string().nullable(),
      /** The session the last Z report closed: what a supervisor may reopen while no session is open. */
      lastClosedSessionId: Id.nullable(),
    }),
    OPERATOR,
  ),
  'till.open': channel(z.object({ floatCounts: Counts }).strict(), TillSession, OPERATOR),
  'till.movement': channel(
    z
      .object({
        kind: MovementKind,
        amountCents: z.unknown(),
        /** The day of the versamento (default today). */
        date: LocalDate.optional(),
        /** The bank's reference (quietanza, CRO): required for a versamento. */
        reference: z.string().trim().max(60).optional(),
        note: z.string().trim().max(200).optional(),
      })
      .strict(),
    TillMovement,
    OPERATOR,
  ),
  /** After the blind count only: the expected figures and the differences. Writes nothing. */
  'till.reckon': channel(z.object(BlindCount).strict(), TillReckoning, OPERATOR),
  'till.close': channel(
    z
      .object({
        ...BlindCount,
        note: z.string().trim().max(500).optional(),
        /** At a pharmacy: the pharmacist has checked the statement against the POS slip and confirms it. */
        pharmacistConfirmed: z.boolean().optional(),
        supervisor: Supervisor.supervisor.optional(),
        supervisorPin: Supervisor.supervisorPin.optional(),
      })
      .strict(),
    z
      .object({
        zNo: z.string(),
        number: z.number().int(),
        rectifies: z.string().nullable(),
        reckoning: TillReckoning,
        text: z.string(),
        pdfPath: z.string().nullable(),
      })
      .extend(PrintOutcome.shape),
    OPERATOR,
  ),
  'till.reopen': channel(
    z.object({ sessionId: Id, reason: z.string().trim().min(5).max(300), ...Supervisor }).strict(),
    TillSession,
    OPERATOR,
  ),
} as const;
