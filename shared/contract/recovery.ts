import { z } from 'zod';
import { PUBLIC } from './access';
import { channel, Empty } from './common';

/**
 * A counter whose database is damaged opens on the recovery screen (no operator can log in to a
 * file that cannot be read): it offers the latest good copies, says what each would lose and how the
 * sync brings back the rest, and restores one on a supervisor's PIN (checked against the copy).
 */
export const GoodCopy = z.object({
  /** The copy's file name in the backup folder. */
  name: z.string(),
  /** When it was taken (UTC ISO). */
  takenAt: z.string(),
  /** The last receipt it holds, or null. */
  lastReceiptNo: z.string().nullable(),
  lastReceiptAt: z.string().nullable(),
  /** Operations it holds that the central service had not yet confirmed (the sync sends them after the restore). */
  pendingOperations: z.number().int().min(0),
});
export type GoodCopy = z.infer<typeof GoodCopy>;

export const RecoveryState = z.object({
  /** Null when the database is sound (the normal screens apply). */
  damaged: z
    .object({
      /** What SQLite found, in its words, and the Italian explanation. */
      problem: z.string(),
      /** What can still be read of the damaged file: its last receipt, or null. */
      lastReceiptNo: z.string().nullable(),
      lastReceiptAt: z.string().nullable(),
      copies: z.array(GoodCopy),
    })
    .nullable(),
});
export type RecoveryState = z.infer<typeof RecoveryState>;

export const recoveryChannels = {
  'recovery.state': channel(Empty, RecoveryState, PUBLIC),
  'recovery.restore': channel(
    z
      .object({
        copy: z.string().min(1).max(200),
        supervisor: z.string().trim().min(1).max(40),
        pin: z.string().min(1).max(100),
      })
      .strict(),
    z.object({ restoredFrom: z.string(), setAside: z.string() }),
    PUBLIC,
  ),
} as const;
