import { z } from 'zod';
import { LocalDate } from '../localDate';
import type { Access } from './access';

/** Building blocks of the contract's schemas, shared by every domain's channels. */

export const Id = z.string().min(1).max(64);
/**
 * The id a client makes for one operator's action that moves money (a UUID): made once per action,
 * sent again unchanged on every retry, so the core records the action once (src-main/requests).
 */
export const RequestId = z.uuid();
export const Cents = z.number().int().safe();
export const IsoDateTime = z.string();
/** A calendar day that exists, "AAAA-MM-GG" (shared with the central API). */
export { LocalDate };
export const Empty = z.object({}).strict();

export const PrintOutcome = z.object({
  printed: z.boolean(),
  /** Italian, for the operator, when the printer failed. */
  printError: z.string().optional(),
});

/** One channel: its input, its output and who may call it. */
export function channel<I extends z.ZodType, O extends z.ZodType, A extends Access>(input: I, output: O, access: A) {
  return { input, output, access };
}
