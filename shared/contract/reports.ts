import { z } from 'zod';
import { PaymentMethod, Service } from '../domain';
import { OPERATOR } from './access';
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

export const reportChannels = {
  'reports.day': channel(z.object({ date: LocalDate.optional() }).strict(), DaySummary, OPERATOR),
  'reports.printDay': channel(
    z.object({ date: LocalDate.optional() }).strict(),
    z.object({ text: z.string() }).extend(PrintOutcome.shape),
    OPERATOR,
  ),
} as const;
