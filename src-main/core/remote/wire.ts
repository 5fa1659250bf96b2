import { z } from 'zod';
import { ERROR_CODES } from '../../../shared/errors';

/**
 * The messages between a host and a core running in another process (Electron's utility process):
 * the same invoke / events / close as the `Core` interface, as data over a MessagePort. Both ends
 * belong to the app, yet each message is parsed, so that a change on one side that the other does
 * not know fails loudly instead of leaving a call unanswered.
 */

/** What the host hands the core process: the options of `openCore` that can cross a process boundary. */
export const CoreProcessOptions = z.object({
  dataDir: z.string().min(1),
  counterCode: z.string().min(1).optional(),
  centralUrl: z.string().min(1).optional(),
  /** The database key, unwrapped by the main process (safeStorage is not available in the core's process). */
  databaseKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type CoreProcessOptions = z.infer<typeof CoreProcessOptions>;

/** The first message, on the process's own parent port; it carries the MessagePort for everything else. */
export const OpenCoreMessage = z.object({ type: z.literal('open'), options: CoreProcessOptions });
export type OpenCoreMessage = z.infer<typeof OpenCoreMessage>;

export const ToCore = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('invoke'),
    id: z.number().int().nonnegative(),
    sessionId: z.string(),
    channel: z.string(),
    input: z.unknown(),
  }),
  z.object({ type: z.literal('close') }),
]);
export type ToCore = z.infer<typeof ToCore>;

const WireReply = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);

export const FromCore = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** openCore refused (another counter's data folder, a database from the future...): the Italian reason. */
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('reply'), id: z.number().int().nonnegative(), reply: WireReply }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type FromCore = z.infer<typeof FromCore>;

/**
 * The members of a MessagePort (Electron's MessagePortMain at both ends) that the two sides use:
 * listeners get `{ data }`, and messages wait in the port until `start()`.
 */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
  close(): void;
}
