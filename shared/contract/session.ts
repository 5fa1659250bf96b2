import { z } from 'zod';
import { CounterKind, PaymentMethod, Role } from '../domain';
import { PUBLIC, supervisorOnly } from './access';
import { Cents, channel, Empty } from './common';

/** The counter's identity and the operator's session: what the login screen and the status bar need. */

export const CounterInfo = z.object({
  code: z.string(),
  name: z.string(),
  kind: CounterKind,
  address: z.string(),
  /** The installed version of the program, shown in every screen's footer. */
  version: z.string(),
});
export type CounterInfo = z.infer<typeof CounterInfo>;

export const SessionInfo = z.object({
  operator: z.object({ code: z.string(), name: z.string(), role: Role }),
  counter: CounterInfo,
  settings: z.object({
    idleLockMinutes: z.number().int().positive(),
    minTopupCents: Cents,
    maxTopupCents: Cents,
    methodsToday: z.array(PaymentMethod),
    largeType: z.boolean(),
    printerConfigured: z.boolean(),
  }),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const sessionChannels = {
  'counter.info': channel(Empty, CounterInfo, PUBLIC),
  'session.login': channel(
    z.object({ operator: z.string().trim().min(1).max(40), pin: z.string().min(1).max(64) }).strict(),
    SessionInfo,
    PUBLIC,
  ),
  'session.logout': channel(Empty, z.object({}), PUBLIC),
  'session.current': channel(Empty, SessionInfo.nullable(), PUBLIC),
  /** A supervisor lifts an operator's lock at this PC (wrong PINs at login, or approvals asked for). */
  'session.unlock': channel(
    z.object({ operator: z.string().trim().min(1).max(40) }).strict(),
    z.object({ operator: z.object({ code: z.string(), name: z.string() }) }),
    supervisorOnly('Solo un supervisore può sbloccare un operatore.'),
  ),
} as const;
