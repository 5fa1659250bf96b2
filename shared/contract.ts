import { z } from 'zod';
import { LocalDate } from './localDate';
import { CounterKind, LedgerKind, PaymentMethod, Role, Service } from './domain';

/**
 * The contract between the renderer and the core: every channel with its zod input and output.
 * Channel names are `domain.verb`. Hosts, the preload allowlist, the HTTP routes and the renderer
 * client are all derived from this map: no channel string is written by hand anywhere else.
 */

const Id = z.string().min(1).max(64);
const Cents = z.number().int().safe();
const IsoDateTime = z.string();

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

/** Kinds of operation the outbox sends (the outbox row's `type`). */
export const OUTBOX_TYPES = ['topup', 'void', 'notice', 'notice_cancel', 'registration'] as const;
export const OutboxType = z.enum(OUTBOX_TYPES);
export type OutboxType = z.infer<typeof OutboxType>;

export const SyncProblem = z.object({
  operationId: Id,
  type: OutboxType,
  receiptNo: z.string(),
  /** What names it for the operator: the receipt number, the codice avviso in groups, the family's name. */
  reference: z.string(),
  accountId: Id,
  amountCents: Cents,
  /** The central service's reason for refusing it. */
  reason: z.string(),
  attempts: z.number().int().nonnegative(),
  createdAt: IsoDateTime,
});
export type SyncProblem = z.infer<typeof SyncProblem>;

/* ---------- pagoPA payment notices (avvisi di pagamento) ---------- */

/** emesso: made at this counter, not yet known centrally (a PSP refuses it); registrato: the central
 * service holds the debt position; then pagato, annullato or scaduto. */
export const NOTICE_STATES = ['emesso', 'registrato', 'pagato', 'annullato', 'scaduto'] as const;
export const NoticeState = z.enum(NOTICE_STATES);
export type NoticeState = z.infer<typeof NoticeState>;

/** One payable item of a notice: the single payment, or one instalment (rata) with its own codice avviso. */
export const NoticePayment = z.object({
  /** Codice avviso, 18 digits, no spaces. */
  nav: z.string().regex(/^\d{18}$/),
  iuv: z.string().regex(/^\d{17}$/),
  amountCents: Cents,
  dueDate: LocalDate.nullable(),
  /** 1-based instalment number; null for the single payment. */
  installment: z.number().int().positive().nullable(),
});
export type NoticePayment = z.infer<typeof NoticePayment>;

export const NoticeView = z.object({
  noticeId: Id,
  /** Codice avviso of the single payment, or of the first instalment. */
  nav: z.string(),
  iuv: z.string(),
  accountId: Id,
  papayCode: z.string(),
  service: Service,
  /** As the role may see it (first name and surname initial at a pharmacy). */
  childLabel: z.string(),
  /** The debtor (adulto di riferimento); absent at a pharmacy. */
  debtor: z.object({ name: z.string(), fiscalCode: z.string() }).optional(),
  subject: z.string(),
  amountCents: Cents,
  dueDate: LocalDate.nullable(),
  payments: z.array(NoticePayment).min(1),
  state: NoticeState,
  /** A cancellation was asked and the central service has not answered yet. */
  cancelRequested: z.boolean(),
  createdAt: IsoDateTime,
  counterCode: z.string(),
  paidAt: IsoDateTime.nullable(),
  /** Italian, for the operator: e.g. not yet registered, so a PSP refuses it until the sync. Null when all is well. */
  warning: z.string().nullable(),
});
export type NoticeView = z.infer<typeof NoticeView>;

/* ---------- registration of families at the counter (iscrizioni) ---------- */

/** What a codice fiscale says of a person, decoded (16 chars, omocodic or not) or provisional (11 digits). */
export const DecodedFiscalCode = z.object({
  code: z.string(),
  provisional: z.boolean(),
  /** Null for a provisional code (it carries none of these). */
  birthDate: LocalDate.nullable(),
  sex: z.enum(['M', 'F']).nullable(),
  /** Belfiore code and name of the comune or foreign country of birth. */
  birthPlace: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type DecodedFiscalCode = z.infer<typeof DecodedFiscalCode>;

/** Who a person is, as typed at the counter (parent or child). */
const PersonInput = z.object({
  fiscalCode: z.string().trim().min(11).max(16),
  surname: z.string().trim().min(1).max(70),
  name: z.string().trim().min(1).max(70),
  birthDate: LocalDate,
  sex: z.enum(['M', 'F']),
});

export const ParentInput = PersonInput.extend({
  address: z.string().trim().min(3).max(140),
  phone: z.string().trim().max(30).optional(),
  email: z.string().trim().max(100).optional(),
}).strict();
export type ParentInput = z.infer<typeof ParentInput>;

export const TRANSPORT_DIRECTIONS = ['andata', 'ritorno', 'andata_ritorno'] as const;
export const NIDO_TIMES = ['tempo_pieno', 'part_time'] as const;

export const EnrolmentInput = z
  .object({
    service: Service,
    /** "2026/2027". */
    schoolYear: z.string().regex(/^\d{4}\/\d{4}$/, 'Anno scolastico nel formato 2026/2027'),
    /** ISEE value in cents; absent means no ISEE presented (top band). */
    iseeCents: Cents.nonnegative().optional(),
    /** Date of the ISEE attestation. */
    iseeDate: LocalDate.optional(),
    /** refezione only. */
    diet: z
      .object({ type: z.string().trim().min(1).max(60), certificate: z.string().trim().min(1).max(100) })
      .strict()
      .optional(),
    /** trasporto only: codes from the configuration's lists. */
    transport: z
      .object({
        routeCode: z.string().min(1).max(20),
        stopCode: z.string().min(1).max(20),
        direction: z.enum(TRANSPORT_DIRECTIONS),
      })
      .strict()
      .optional(),
    /** asilo_nido only. */
    nidoTime: z.enum(NIDO_TIMES).optional(),
  })
  .strict();
export type EnrolmentInput = z.infer<typeof EnrolmentInput>;

export const ChildInput = PersonInput.extend({
  school: z.string().trim().min(1).max(100),
  /** Must be true when the child is linked to another parent today: the change of link is explicit. */
  confirmRelink: z.boolean().optional(),
  enrolments: z.array(EnrolmentInput).min(1).max(3),
}).strict();
export type ChildInput = z.infer<typeof ChildInput>;

export const EnrolmentView = z.object({
  enrolmentId: Id,
  childId: Id,
  service: Service,
  schoolYear: z.string(),
  accountId: Id,
  papayCode: z.string(),
  /** The Pa-Pay code is the counter's provisional one until the central service confirms it. */
  papayProvisional: z.boolean(),
  band: z.object({ code: z.string(), label: z.string() }),
  /** Tariff of the band, then after the sibling reduction (per meal, per month... as the band says). */
  tariffCents: Cents,
  finalTariffCents: Cents,
  tariffUnit: z.string(),
  siblingReductionPercent: z.number().min(0).max(100),
  /** Enrolled after the portal's deadline: the office reviews it. */
  late: z.boolean(),
  details: z.string(),
  state: z.enum(['in_attesa', 'confermata', 'rifiutata']),
  /** The central service's reason, when refused. */
  refusal: z.string().nullable(),
});
export type EnrolmentView = z.infer<typeof EnrolmentView>;

export const PersonView = z.object({
  personId: Id,
  fiscalCode: z.string(),
  surname: z.string(),
  name: z.string(),
  birthDate: LocalDate.nullable(),
  sex: z.enum(['M', 'F']).nullable(),
});

export const RegistrationView = z.object({
  registrationId: Id,
  /** The readable number, per counter and year: "SE1/2026/000042". */
  registrationNo: z.string(),
  createdAt: IsoDateTime,
  operatorCode: z.string(),
  parent: PersonView.extend({ address: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  consentAt: IsoDateTime,
  children: z.array(
    PersonView.extend({
      school: z.string(),
      /** The child was linked to another parent and now follows this one. */
      relinkedFrom: z.object({ name: z.string(), fiscalCode: z.string() }).nullable(),
      enrolments: z.array(EnrolmentView),
    }),
  ),
  /** Some Pa-Pay code is still provisional: the summary says so and can be printed again once confirmed. */
  provisional: z.boolean(),
});
export type RegistrationView = z.infer<typeof RegistrationView>;

export const RegistrationOptions = z.object({
  /** The school year enrolments are for by default ("2026/2027") and the ones offered. */
  schoolYear: z.string(),
  schoolYears: z.array(z.string()),
  /** Day after which an enrolment is "fuori termine" (YYYY-MM-DD, for the default year). */
  deadline: LocalDate,
  schools: z.array(z.string()),
  diets: z.array(z.string()),
  routes: z.array(
    z.object({ code: z.string(), name: z.string(), stops: z.array(z.object({ code: z.string(), name: z.string() })) }),
  ),
  /** Text of the privacy notice the parent consents to. */
  consentText: z.string(),
});
export type RegistrationOptions = z.infer<typeof RegistrationOptions>;

export const TariffQuote = z.object({
  band: z.object({ code: z.string(), label: z.string() }),
  tariffCents: Cents,
  siblingReductionPercent: z.number().min(0).max(100),
  finalTariffCents: Cents,
  tariffUnit: z.string(),
  late: z.boolean(),
  /** Why the ISEE given was not used (too old, dated in the future): the top band applies. */
  note: z.string().optional(),
});
export type TariffQuote = z.infer<typeof TariffQuote>;

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

  /** Issues a pagoPA notice for an account (front office): the A4 PDF is saved in the data folder. */
  'notices.issue': channel(
    z
      .object({
        accountId: Id,
        amountCents: z.number().int(),
        subject: z.string().trim().min(3).max(90),
        dueDate: LocalDate.optional(),
        /** Instalments (rate): amounts and due dates; their sum must equal amountCents. */
        installments: z
          .array(z.object({ amountCents: z.number().int(), dueDate: LocalDate }).strict())
          .min(2)
          .max(12)
          .optional(),
      })
      .strict(),
    z.object({ noticeId: Id, nav: z.string(), iuv: z.string(), pdfPath: z.string(), notice: NoticeView }),
  ),
  /** By codice avviso, Pa-Pay code or codice fiscale (a pharmacy: codice avviso or Pa-Pay only). */
  'notices.find': channel(z.object({ query: z.string().max(100) }).strict(), z.object({ items: z.array(NoticeView) })),
  /** Writes the A4 PDF again (front office) and answers with its path. */
  'notices.reprint': channel(z.object({ noticeId: Id }).strict(), z.object({ noticeId: Id, pdfPath: z.string() })),
  /** The notice on the receipt printer (80 mm, with its QR): the pharmacy's way, also at the front office. */
  'notices.printThermal': channel(
    z.object({ noticeId: Id }).strict(),
    z.object({ noticeId: Id, text: z.string() }).extend(PrintOutcome.shape),
  ),
  /** Asks the central service to cancel an unpaid notice; a payment that arrived first wins. */
  'notices.cancel': channel(
    z.object({ noticeId: Id, reason: z.string().trim().min(3).max(200) }).strict(),
    z.object({ notice: NoticeView, message: z.string() }),
  ),

  /** Decodes and checks a codice fiscale and opens the person already known under it (parent and/or child). */
  'registry.lookup': channel(
    z.object({ fiscalCode: z.string().max(20) }).strict(),
    z.object({
      decoded: DecodedFiscalCode,
      parent: PersonView.extend({
        address: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
      }).nullable(),
      child: PersonView.extend({
        school: z.string(),
        /** The adulto di riferimento the child is linked to today. */
        linkedTo: z.object({ name: z.string(), fiscalCode: z.string() }).nullable(),
        enrolments: z.array(EnrolmentView),
      }).nullable(),
    }),
  ),
  'registration.options': channel(Empty, RegistrationOptions),
  /** The tariff an enrolment would get (shown while the operator types). */
  'registration.quote': channel(
    z
      .object({
        service: Service,
        schoolYear: z.string(),
        iseeCents: Cents.nonnegative().optional(),
        /** Date of the ISEE: one older than the configuration allows counts as none. */
        iseeDate: LocalDate.optional(),
        /** 1 for the first child of the family enrolled in this service this year, 2 for the second... */
        siblingOrder: z.number().int().min(1).max(20),
        nidoTime: z.enum(NIDO_TIMES).optional(),
      })
      .strict(),
    TariffQuote,
  ),
  /** Registers a family in one transaction: parent, children, enrolments, consent; prints nothing. */
  'registration.save': channel(
    z
      .object({
        parent: ParentInput,
        /** The parent consented to the processing of personal data (informativa privacy). */
        consent: z.literal(true),
        children: z.array(ChildInput).min(1).max(10),
      })
      .strict(),
    z.object({ registration: RegistrationView, summaryPdfPath: z.string() }),
  ),
  'registration.get': channel(z.object({ registrationId: Id }).strict(), RegistrationView),
  /** Writes the enrolment summary PDF again (e.g. once the Pa-Pay codes are confirmed). */
  'registration.printSummary': channel(
    z.object({ registrationId: Id }).strict(),
    z.object({ registrationId: Id, pdfPath: z.string(), provisional: z.boolean() }),
  ),
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
