import { z } from 'zod';
import { PaymentMethod, Service } from '../domain';
import { OPERATOR } from './access';
import { Cents, channel, IsoDateTime, LocalDate, PrintOutcome } from './common';

/** The day's summary of the counter (F9), on screen and on the receipt printer. */

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

export const reportChannels = {
  'reports.day': channel(z.object({ date: LocalDate.optional() }).strict(), DaySummary, OPERATOR),
  'reports.printDay': channel(
    z.object({ date: LocalDate.optional() }).strict(),
    z.object({ text: z.string() }).extend(PrintOutcome.shape),
    OPERATOR,
  ),
} as const;
