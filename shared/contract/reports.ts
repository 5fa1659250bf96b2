import { z } from 'zod';
import { PaymentMethod, Service } from '../domain';
import { OPERATOR, supervisorOnly } from './access';
import { Cents, channel, IsoDateTime, LocalDate, PrintOutcome } from './common';

/** One cell of a report: the top-ups, the voids in their own column, and the net (the ledger's sum). */
export const Takings = z.object({
  count: z.number().int(),
  grossCents: Cents,
  voidCount: z.number().int(),
  voidedCents: Cents,
  netCents: Cents,
});

/**
 * The day's summary of the counter (F9), on screen and on the receipt printer. Every section shows
 * the gross, the voids and the net, and each section's net adds up to the total's, which is the
 * ledger's sum of the day's top-ups and voids at this counter.
 */
export const DaySummary = z.object({
  date: LocalDate,
  counterCode: z.string(),
  /** Method by service. */
  rows: z.array(z.object({ method: PaymentMethod, service: Service }).extend(Takings.shape)),
  byMethod: z.array(z.object({ method: PaymentMethod }).extend(Takings.shape)),
  byService: z.array(z.object({ service: Service }).extend(Takings.shape)),
  /** A void counts for the operator who recorded it. */
  byOperator: z.array(z.object({ operator: z.string(), name: z.string() }).extend(Takings.shape)),
  total: Takings,
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

const ReceiptRange = z.object({ year: z.number().int(), from: z.number().int(), to: z.number().int() });
const RemittanceView = z.object({
  counterCode: z.string(),
  date: LocalDate,
  amountCents: Cents,
  reference: z.string(),
  documentNo: z.string(),
});
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mese non valido: usare AAAA-MM.' });
const Year = z.number().int().min(2000, { message: 'Anno non valido.' }).max(2999, { message: 'Anno non valido.' });

/** The files a report was saved as, under the data folder's documents/rapporti/. */
export const SavedReport = z.object({ pdfPath: z.string(), csvPath: z.string() }).nullable();

/** Rapporto per periodo for the Ragioneria: takings by counter, service, method, operator and day. */
export const PeriodReport = z.object({
  from: LocalDate,
  to: LocalDate,
  counters: z.array(z.string()),
  byCounter: z.array(z.object({ counterCode: z.string() }).extend(Takings.shape)),
  byService: z.array(z.object({ service: Service }).extend(Takings.shape)),
  byMethod: z.array(z.object({ method: PaymentMethod }).extend(Takings.shape)),
  /** operator null: operations of another counter, learnt from the central service without their operator. */
  byOperator: z.array(z.object({ operator: z.string().nullable(), name: z.string() }).extend(Takings.shape)),
  byDay: z.array(z.object({ date: LocalDate }).extend(Takings.shape)),
  total: Takings,
});
export type PeriodReport = z.infer<typeof PeriodReport>;

/** One period of the agente contabile's account (a month). */
export const AccountPeriod = z.object({
  from: LocalDate,
  to: LocalDate,
  collected: Takings,
  byMethod: z.array(z.object({ method: PaymentMethod, takings: Takings })),
  owedCents: Cents,
  receipts: z.object({ count: z.number().int(), voids: z.number().int(), ranges: z.array(ReceiptRange) }),
  remittances: z.array(RemittanceView),
  remittedCents: Cents,
  openingCents: Cents,
  closingCents: Cents,
});

const AccountHead = z.object({
  counterCode: z.string(),
  counterName: z.string(),
  /** The methods whose takings the agent pays in itself (see shared/reports/account.ts). */
  owedMethods: z.array(PaymentMethod),
});

/** A pharmacy's monthly rendiconto: collected, voided, remitted, still to remit, receipt ranges. */
export const Rendiconto = AccountHead.extend({ month: Month, period: AccountPeriod });
export type Rendiconto = z.infer<typeof Rendiconto>;

/** The yearly conto giudiziale of the agente contabile (modello 21, DPR 194/1996). */
export const ContoGiudiziale = AccountHead.extend({
  year: Year,
  agent: z.string(),
  ente: z.object({ name: z.string(), fiscalCode: z.string().nullable() }),
  openingCents: Cents,
  months: z.array(AccountPeriod),
  totals: z.object({
    collected: Takings,
    owedCents: Cents,
    remittedCents: Cents,
    receipts: z.number().int(),
    voidReceipts: z.number().int(),
  }),
  closingCents: Cents,
});
export type ContoGiudiziale = z.infer<typeof ContoGiudiziale>;

const RAGIONERIA = supervisorOnly('I rapporti per la Ragioneria sono riservati ai supervisori.');

export const reportChannels = {
  'reports.day': channel(z.object({ date: LocalDate.optional() }).strict(), DaySummary, OPERATOR),
  'reports.printDay': channel(
    z.object({ date: LocalDate.optional() }).strict(),
    z.object({ text: z.string() }).extend(PrintOutcome.shape),
    OPERATOR,
  ),
  /** counterCode absent: every counter this PC knows (at a pharmacy: the pharmacy itself only). */
  'reports.period': channel(
    z
      .object({
        from: LocalDate,
        to: LocalDate,
        counterCode: z.string().max(32).optional(),
        save: z.boolean().optional(),
      })
      .strict(),
    z.object({ report: PeriodReport, saved: SavedReport }),
    RAGIONERIA,
  ),
  /** This PC's counter: its receipts and versamenti are here. */
  'reports.rendiconto': channel(
    z.object({ month: Month, save: z.boolean().optional() }).strict(),
    z.object({ report: Rendiconto, saved: SavedReport }),
    supervisorOnly('Il rendiconto è riservato ai supervisori.'),
  ),
  'reports.conto': channel(
    z.object({ year: Year, agent: z.string().trim().max(100).optional(), save: z.boolean().optional() }).strict(),
    z.object({ report: ContoGiudiziale, saved: SavedReport }),
    supervisorOnly('Il conto giudiziale è riservato ai supervisori.'),
  ),
} as const;
