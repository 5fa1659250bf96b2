import { z } from 'zod';
import { PaymentMethod, type Service } from './domain';
import { EnrolmentConfig } from './registration/config';
import { EnteConfig } from './pagopa/ente';
import { DEFAULT_TAX_YEARS, TaxYearRules } from './family/taxConfig';

/**
 * Configuration of one counter. Channel policy (which methods, from when to when), limits and
 * the receipt header are data, not code: the brief ends cash and bancomat at the Economato and the
 * pharmacies at a given date, and that date is a value here.
 */
export const PaymentChannel = z.object({
  method: PaymentMethod,
  /** First day it is accepted (YYYY-MM-DD, Europe/Rome), inclusive. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Last day it is accepted, inclusive; null for no end. */
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});
export type PaymentChannel = z.infer<typeof PaymentChannel>;

/** The cash drawer plugged into the receipt printer's kick port: opened (ESC p) on cash top-ups when true. */
const drawer = z.boolean().optional();

export const NetworkPrinterConfig = z.object({
  /** A network ESC/POS printer (raw TCP, usually port 9100). Configurations before issue 11 have no `kind`. */
  kind: z.literal('network').optional(),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  drawer,
});

/** A printer installed in Windows (a USB printer appears as a queue), fed raw ESC/POS through the spooler. */
export const WindowsPrinterConfig = z.object({
  kind: z.literal('windows'),
  name: z.string().trim().min(1).max(200),
  drawer,
});

/** No device: each receipt is saved as a file under the data folder (as with no printer at all). */
export const FilePrinterConfig = z.object({ kind: z.literal('file'), drawer });

export const PrinterConfig = z.union([WindowsPrinterConfig, FilePrinterConfig, NetworkPrinterConfig]);
export type PrinterConfig = z.infer<typeof PrinterConfig>;

/**
 * What a counter PC keeps, and for how long, once it no longer needs it: the central service holds
 * the records; the PC keeps copies only for the work at the counter (reprints, the day's documents).
 */
export const Retention = z
  .object({
    /** Days a registration's personal data (codici fiscali, address, phone, ISEE) stays in the outbox after the central confirmed it. */
    registrationPayloadDays: z.number().int().min(1).max(3650),
    /** Days a printed receipt's text (child's name, payer's codice fiscale) stays for duplicates; number, amount and ledger stay. */
    receiptTextDays: z.number().int().min(30).max(3650),
    /** Days the documents made on this PC (notices, statements, attestations, enrolment summaries, diagnostics, receipt files) stay; the Z reports and the Ragioneria's reports stay. */
    documentDays: z.number().int().min(1).max(3650),
  })
  .strict();
export type Retention = z.infer<typeof Retention>;

/** A month for a confirmed registration; a school year and its 730 season for receipts; a term for documents. */
export const DEFAULT_RETENTION: Retention = { registrationPayloadDays: 30, receiptTextDays: 400, documentDays: 90 };

/** The smallest and the largest top-up of one account (both included). */
const TopupLimits = z.object({ minCents: z.number().int().positive(), maxCents: z.number().int().positive() });

export const CounterConfig = z.object({
  /** Lines at the top of every receipt (the Comune's header). */
  receiptHeader: z.array(z.string()).min(1),
  printer: PrinterConfig.nullable(),
  minTopupCents: z.number().int().positive(),
  maxTopupCents: z.number().int().positive(),
  /**
   * A service's own limits for one top-up of one of its accounts (a split payment's line included);
   * a service not named here takes minTopupCents and maxTopupCents.
   */
  serviceLimits: z
    .object({
      refezione: TopupLimits.optional(),
      trasporto: TopupLimits.optional(),
      asilo_nido: TopupLimits.optional(),
    })
    .strict()
    .optional(),
  /** Italian legal cash limit: a cash payment must stay below this amount. */
  cashLimitCents: z.number().int().positive(),
  channels: z.array(PaymentChannel),
  stampDuty: z
    .object({
      /** Duty applies above this amount (77,47 euro). */
      thresholdCents: z.number().int().positive(),
      amountCents: z.number().int().positive(),
      text: z.string(),
    })
    .nullable(),
  idleLockMinutes: z.number().int().positive(),
  pinMaxAttempts: z.number().int().positive(),
  pinLockMinutes: z.number().int().positive(),
  /** Minutes within which the same amount on the same account asks for confirmation. */
  duplicateWindowMinutes: z.number().int().positive(),
  /** Larger type for pharmacy counters. */
  largeType: z.boolean(),
  /**
   * Ente creditore of the pagoPA notices. Absent until the Comune configures it (and in configurations
   * older than the notices): the counter then refuses to issue or print a notice, never guesses codes.
   */
  ente: EnteConfig.optional(),
  /** Enrolments at the counter: tariffs, deadlines, lists. Absent until configured: registrations are refused. */
  enrolment: EnrolmentConfig.optional(),
  /** The cash office (sessione di cassa). Absent: see `tillConfigOf` for what applies. */
  till: z
    .object({
      /** The operator counts a drawer (front office, Economato); a pharmacy declares the takings by method instead. */
      countsDrawer: z.boolean(),
      /** Money operations need an open till session; when false they are recorded outside any session. */
      requireOpenSession: z.boolean(),
      /** Differences (cash and card, in absolute value) above this need a supervisor's PIN at the close. */
      supervisorThresholdCents: z.number().int().min(0),
    })
    .strict()
    .optional(),
  /** The 730 rules per tax year for the attestazione (codes, limits, notes). Absent: DEFAULT_TAX_YEARS. */
  taxYears: z.array(TaxYearRules).optional(),
  /** How long this PC keeps personal data it no longer needs. Absent: DEFAULT_RETENTION. */
  retention: Retention.optional(),
});
export type CounterConfig = z.infer<typeof CounterConfig>;

export const DEFAULT_COUNTER_CONFIG: CounterConfig = {
  receiptHeader: ['COMUNE DI CARRARA', 'Servizi Educativi e Scolastici'],
  printer: null,
  minTopupCents: 500,
  maxTopupCents: 50_000,
  cashLimitCents: 500_000,
  channels: [
    { method: 'cash', from: '2019-01-01', to: null },
    { method: 'card', from: '2019-01-01', to: null },
  ],
  stampDuty: null,
  idleLockMinutes: 5,
  pinMaxAttempts: 5,
  pinLockMinutes: 15,
  duplicateWindowMinutes: 10,
  largeType: false,
};

/** The smallest and largest top-up of one account of a service at this counter. */
export function topupLimitsOf(config: CounterConfig, service: Service): { minCents: number; maxCents: number } {
  return config.serviceLimits?.[service] ?? { minCents: config.minTopupCents, maxCents: config.maxTopupCents };
}

/** The methods a counter accepts on a given local day. */
export function methodsAcceptedOn(config: CounterConfig, localDate: string): PaymentMethod[] {
  const methods = config.channels
    .filter((c) => c.from <= localDate && (c.to === null || localDate <= c.to))
    .map((c) => c.method);
  return [...new Set(methods)];
}

export type TillConfig = NonNullable<CounterConfig['till']>;

/**
 * The till configuration of a counter: its own, or by its kind (a pharmacy, FAR-*, counts no drawer).
 * A configuration without `till` (every one written before the till sessions) does not require one to
 * take money; a counter's own `till` block turns the requirement on (`requireOpenSession`).
 */
export function tillConfigOf(counter: { kind: string; config: CounterConfig }): TillConfig {
  return (
    counter.config.till ?? {
      countsDrawer: counter.kind !== 'farmacia',
      requireOpenSession: false,
      supervisorThresholdCents: 1_000,
    }
  );
}

/** The tax years' rules of a counter: its own, or the defaults every configuration before them gets. */
export function taxYearsOf(config: CounterConfig): readonly TaxYearRules[] {
  return config.taxYears ?? DEFAULT_TAX_YEARS;
}
