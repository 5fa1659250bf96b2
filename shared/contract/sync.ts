import { z } from 'zod';
import { OPERATOR, PUBLIC, supervisorOnly } from './access';
import { Cents, channel, Empty, Id, IsoDateTime } from './common';

/** The sync with the central service: enrolment, status bar, sync now and "Da risolvere". */

/** What the status bar shows of the sync with the central service (also pushed as the 'sync.status' event). */
export const SyncStatus = z.object({
  /** This PC holds a live token of the central service. */
  enrolled: z.boolean(),
  /** The last call to the central service got an answer. */
  online: z.boolean(),
  centralUrl: z.string().nullable(),
  /** Operations of this counter not yet confirmed by the central service (waiting or being retried). */
  pendingCount: z.number().int().nonnegative(),
  /** Operations the central service refused: "Da risolvere", for a supervisor. */
  deadLetterCount: z.number().int().nonnegative(),
  lastSyncAt: IsoDateTime.nullable(),
  /** Central time minus this PC's time, from the last reply. */
  serverTimeOffsetMs: z.number().int().nullable(),
  /** Italian text when this PC's clock is more than 2 minutes off the central's. */
  clockWarning: z.string().nullable(),
  /** Set when this PC's receipt numbering was found behind the central's (see src-main/sync/numbering.ts). */
  numberingWarning: z.string().nullable(),
  /** Set when the hourly full check found this PC's database damaged (no copy is taken of it); null while it is sound. */
  databaseWarning: z.string().nullable(),
  initialSync: z.object({ done: z.boolean(), progress: z.number().min(0).max(1) }),
  /** Italian, for the operator: why the last attempt failed (null when it went well). */
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** Kinds of operation the outbox sends (the outbox row's `type`). */
export const OUTBOX_TYPES = ['topup', 'void', 'notice', 'notice_cancel', 'registration', 'till'] as const;
export const OutboxType = z.enum(OUTBOX_TYPES);
export type OutboxType = z.infer<typeof OutboxType>;

export const SyncProblem = z.object({
  operationId: Id,
  type: OutboxType,
  receiptNo: z.string(),
  /** What names it for the operator: the receipt number, the codice avviso in groups, the family's name. */
  reference: z.string(),
  /** The account it concerns; null for an operation of no one account (a registration). */
  accountId: Id.nullable(),
  /** Whose account it is, "Nome Cognome" (with the service), so nobody reads an id; null without an account. */
  child: z.string().nullable(),
  amountCents: Cents,
  /** The central service's reason for refusing it. */
  reason: z.string(),
  attempts: z.number().int().nonnegative(),
  createdAt: IsoDateTime,
});
export type SyncProblem = z.infer<typeof SyncProblem>;

const SUPERVISORS_ONLY = supervisorOnly(
  'Solo un supervisore può vedere e rimettere in coda le operazioni da risolvere.',
);

export const syncChannels = {
  /**
   * Enrols this PC with the one-time code a supervisor obtained (first-run screen: no session). A PC
   * that already holds a token needs a supervisor: a supervisor's session, or their code and secret
   * typed in the form (the handler checks it; wrong secrets count like a void's approval).
   */
  'sync.enrol': channel(
    z
      .object({
        code: z.string().trim().min(6).max(64),
        /** A PC already enrolled (or revoked) enrols again only with a supervisor: their code and secret, unless logged in. */
        supervisor: z.string().trim().min(1).max(40).optional(),
        supervisorPin: z.string().min(1).max(64).optional(),
      })
      .strict(),
    z.object({ counterCode: z.string() }),
    PUBLIC,
  ),
  'sync.status': channel(Empty, SyncStatus, PUBLIC),
  /** One full push and pull now; answers with the status after it. */
  'sync.now': channel(Empty, SyncStatus, OPERATOR),
  /** Operations the central service refused ("Da risolvere"). */
  'sync.problems': channel(Empty, z.object({ items: z.array(SyncProblem) }), SUPERVISORS_ONLY),
  /** Puts a refused operation back in the queue (after the cause was fixed centrally). */
  'sync.retry': channel(z.object({ operationId: Id }).strict(), z.object({}), SUPERVISORS_ONLY),
} as const;
