import { z } from 'zod';
import { PaymentMethod, Service } from '../domain';
import { MINIMISED_AT_PHARMACY, OPERATOR } from './access';
import { Cents, channel, Id, IsoDateTime, LocalDate, PrintOutcome } from './common';

/** The day's receipts, their reprint (a copy) and the print of an original that was never printed. */

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

export const receiptChannels = {
  'receipts.list': channel(
    z.object({ date: LocalDate.optional(), unprintedOnly: z.boolean().optional() }).strict(),
    z.object({ items: z.array(ReceiptSummary) }),
    MINIMISED_AT_PHARMACY,
  ),
  'receipts.reprint': channel(
    z.object({ receiptNo: z.string().min(1).max(40) }).strict(),
    z.object({ receiptNo: z.string(), text: z.string() }).extend(PrintOutcome.shape),
    OPERATOR,
  ),
  /** Prints the original of a receipt that was never printed (the app stopped between commit and print). */
  'receipts.printPending': channel(
    z.object({ receiptNo: z.string().min(1).max(40) }).strict(),
    z.object({ receiptNo: z.string(), text: z.string() }).extend(PrintOutcome.shape),
    OPERATOR,
  ),
} as const;
