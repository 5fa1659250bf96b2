import { z } from 'zod';
import { accountChannels } from './contract/accounts';
import { attestationChannels, BatchProgress } from './contract/attestations';
import { noticeChannels } from './contract/notices';
import { paymentChannels } from './contract/payments';
import { receiptChannels } from './contract/receipts';
import { registrationChannels } from './contract/registration';
import { reportChannels } from './contract/reports';
import { sessionChannels } from './contract/session';
import { statementChannels } from './contract/statements';
import { recoveryChannels } from './contract/recovery';
import { setupChannels } from './contract/setup';
import { SyncStatus, syncChannels } from './contract/sync';
import { tillChannels } from './contract/till';
import { topupChannels } from './contract/topups';

/**
 * The contract between the renderer and the core: every channel with its zod input, its output and
 * who may call it, declared per domain in `shared/contract/<domain>.ts` and merged here. Channel
 * names are `domain.verb`. Hosts, the preload allowlist, the HTTP routes, the renderer client and
 * the core's access check are all derived from this map: no channel string is written by hand
 * anywhere else.
 */

export * from './contract/access';
export * from './contract/accounts';
export * from './contract/attestations';
export * from './contract/notices';
export * from './contract/payments';
export * from './contract/receipts';
export * from './contract/registration';
export * from './contract/reports';
export * from './contract/session';
export * from './contract/statements';
export * from './contract/setup';
export * from './contract/recovery';
export * from './contract/sync';
export * from './contract/till';
export * from './contract/topups';

export const contract = {
  ...sessionChannels,
  ...accountChannels,
  ...topupChannels,
  ...paymentChannels,
  ...receiptChannels,
  ...reportChannels,
  ...syncChannels,
  ...noticeChannels,
  ...registrationChannels,
  ...tillChannels,
  ...statementChannels,
  ...attestationChannels,
  ...setupChannels,
  ...recoveryChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;
export type ChannelAccess<C extends Channel> = Contract[C]['access'];
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the core pushes to the renderer (Electron `on`, browser host SSE). */
export const events = {
  'receipts.printed': z.object({ receiptNo: z.string(), printed: z.boolean(), printError: z.string().optional() }),
  /** Emitted whenever the sync status changes. */
  'sync.status': SyncStatus,
  /** The yearly batch of attestazioni: how far it has gone. */
  'attestations.progress': BatchProgress,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
