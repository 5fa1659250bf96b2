import { z } from 'zod';
import { CounterKind, LedgerKind, PaymentMethod, Role, Service } from './domain';

/**
 * The contract between the renderer and the core: every channel with its zod input and output.
 * Channel names are `domain.verb`. Hosts, the preload allowlist, the HTTP routes and the renderer
 * client are all derived from this map: no channel string is written by hand anywhere else.
 */

const Id = z.string().min(1).max(64);
const Cents = z.number().int().safe();
const IsoDateTime = z.string();
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Data nel formato AAAA-MM-GG');

export const CounterInfo = z.object({
  code: z.string(),
  name: z.string(),
  kind: CounterKind,
  address: z.string(),
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

/** What the role allows to be seen of a child. A pharmacy gets only the first four fields. */
export const ChildView = z.object({
  childId: Id,
  firstName: z.string(),
  /** Full surname at the front office; the initial followed by a dot at a pharmacy. */
  surname: z.string(),
  school: z.string(),
  fiscalCode: z.string().optional(),
  birthDate: z.string().optional(),
  address: z.string().optional(),
  parent: z.object({ name: z.string(), fiscalCode: z.string() }).optional(),
});
export type ChildView = z.infer<typeof ChildView>;

export const AccountItem = z.object({
  accountId: Id,
  papayCode: z.string(),
  service: Service,
  /** Projected balance: the last pulled balance plus this counter's operations not yet included in it. */
  balanceCents: Cents,
  /** Time of the last balance known from the central service ("saldo al ..."). */
  balanceAsOf: IsoDateTime.nullable(),
  /** The part of balanceCents made of this counter's operations the central service has not counted yet. */
  pendingCents: Cents,
  child: ChildView,
});
export type AccountItem = z.infer<typeof AccountItem>;

export const OperationView = z.object({
  operationId: Id,
  kind: LedgerKind,
  amountCents: Cents,
  createdAt: IsoDateTime,
  counterCode: z.string().nullable(),
  receiptNo: z.string().nullable(),
  voided: z.boolean(),
  /** True when this counter may void it today. */
  voidable: z.boolean(),
});
export type OperationView = z.infer<typeof OperationView>;

export const PrintOutcome = z.object({
  printed: z.boolean(),
  /** Italian, for the operator, when the printer failed. */
  printError: z.string().optional(),
});

export const ReceiptSummary = z.object({
  receiptNo: z.string(),
  kind: z.enum(['ricarica', 'storno']),
  operationId: Id,
  createdAt: IsoDateTime,
  amountCents: Cents,
  method: PaymentMethod,
  accountId: Id,
  papayCode: z.string(),
  service: Service,
  childLabel: z.string(),
  printed: z.boolean(),
  voided: z.boolean(),
});
export type ReceiptSummary = z.infer<typeof ReceiptSummary>;

export const DaySummary = z.object({
  date: LocalDate,
  counterCode: z.string(),
  rows: z.array(z.object({ method: PaymentMethod, service: Service, count: z.number().int(), amountCents: Cents })),
  byMethod: z.array(z.object({ method: PaymentMethod, count: z.number().int(), amountCents: Cents })),
  totalCents: Cents,
  voids: z.array(
    z.object({
      receiptNo: z.string(),
      voidsReceiptNo: z.string().nullable(),
      amountCents: Cents,
      method: PaymentMethod,
      supervisor: z.string(),
      reason: z.string(),
      at: IsoDateTime,
    }),
  ),
  reprints: z.array(z.object({ receiptNo: z.string(), operator: z.string(), at: IsoDateTime })),
});
export type DaySummary = z.infer<typeof DaySummary>;

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
  initialSync: z.object({ done: z.boolean(), progress: z.number().min(0).max(1) }),
  /** Italian, for the operator: why the last attempt failed (null when it went well). */
  lastError: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncProblem = z.object({
  operationId: Id,
  type: z.enum(['topup', 'void']),
  receiptNo: z.string(),
  accountId: Id,
  amountCents: Cents,
  /** The central service's reason for refusing it. */
  reason: z.string(),
  attempts: z.number().int().nonnegative(),
  createdAt: IsoDateTime,
});
export type SyncProblem = z.infer<typeof SyncProblem>;

const Empty = z.object({}).strict();

function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  'counter.info': channel(Empty, CounterInfo),
  'session.login': channel(
    z.object({ operator: z.string().trim().min(1).max(40), pin: z.string().min(1).max(12) }).strict(),
    SessionInfo,
  ),
  'session.logout': channel(Empty, z.object({})),
  'session.current': channel(Empty, SessionInfo.nullable()),
  'accounts.find': channel(
    z.object({ query: z.string().max(100), page: z.number().int().min(0).max(10_000).optional() }).strict(),
    z.object({
      queryKind: z.enum(['papay', 'cf', 'name']),
      items: z.array(AccountItem),
      /** Next page to ask for, null when this was the last. Name searches are paginated. */
      nextPage: z.number().int().nullable(),
    }),
  ),
  'accounts.get': channel(
    z.object({ accountId: Id }).strict(),
    z.object({ account: AccountItem, operations: z.array(OperationView) }),
  ),
  'topups.record': channel(
    z
      .object({
        accountId: Id,
        amountCents: z.number().int(),
        method: PaymentMethod,
        payerCf: z.string().max(16).optional(),
        posAuthCode: z.string().max(20).optional(),
        confirmDuplicate: z.boolean().optional(),
      })
      .strict(),
    z
      .object({
        operationId: Id,
        receiptNo: z.string(),
        balanceBeforeCents: Cents,
        balanceAfterCents: Cents,
        receiptText: z.string(),
      })
      .extend(PrintOutcome.shape),
  ),
  'topups.void': channel(
    z
      .object({
        operationId: Id,
        supervisor: z.string().trim().min(1).max(40),
        supervisorPin: z.string().min(1).max(12),
        reason: z.string().trim().min(3).max(200),
      })
      .strict(),
    z
      .object({
        operationId: Id,
        receiptNo: z.string(),
        balanceAfterCents: Cents,
        receiptText: z.string(),
      })
      .extend(PrintOutcome.shape),
  ),
  'receipts.list': channel(
    z.object({ date: LocalDate.optional(), unprintedOnly: z.boolean().optional() }).strict(),
    z.object({ items: z.array(ReceiptSummary) }),
  ),
  'receipts.reprint': channel(
    z.object({ receiptNo: z.string().min(1).max(40) }).strict(),
    z.object({ receiptNo: z.string(), text: z.string() }).extend(PrintOutcome.shape),
  ),
  /** Prints the original of a receipt that was never printed (the app stopped between commit and print). */
  'receipts.printPending': channel(
    z.object({ receiptNo: z.string().min(1).max(40) }).strict(),
    z.object({ receiptNo: z.string(), text: z.string() }).extend(PrintOutcome.shape),
  ),
  'reports.day': channel(z.object({ date: LocalDate.optional() }).strict(), DaySummary),
  'reports.printDay': channel(
    z.object({ date: LocalDate.optional() }).strict(),
    z.object({ text: z.string() }).extend(PrintOutcome.shape),
  ),
  /** Enrols this PC with the one-time code a supervisor obtained (first-run screen: no session). */
  'sync.enrol': channel(
    z.object({ code: z.string().trim().min(6).max(64) }).strict(),
    z.object({ counterCode: z.string() }),
  ),
  'sync.status': channel(Empty, SyncStatus),
  /** One full push and pull now; answers with the status after it. */
  'sync.now': channel(Empty, SyncStatus),
  /** Operations the central service refused ("Da risolvere"); supervisors only. */
  'sync.problems': channel(Empty, z.object({ items: z.array(SyncProblem) })),
  /** Puts a refused operation back in the queue (after the cause was fixed centrally); supervisors only. */
  'sync.retry': channel(z.object({ operationId: Id }).strict(), z.object({})),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<Contract[C]['output']>;
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Channels a caller may use without an operator session. */
export const PUBLIC_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'counter.info',
  'session.login',
  'session.current',
  'session.logout',
  'sync.enrol',
  'sync.status',
]);

/** Events the core pushes to the renderer (Electron `on`, browser host SSE). */
export const events = {
  'receipts.printed': z.object({ receiptNo: z.string(), printed: z.boolean(), printError: z.string().optional() }),
  /** Emitted whenever the sync status changes. */
  'sync.status': SyncStatus,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
