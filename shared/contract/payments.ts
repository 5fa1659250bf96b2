import { z } from 'zod';
import { PaymentMethod } from '../domain';
import { MAX_SPLIT_LINES } from '../payments/split';
import { frontOfficeOnly } from './access';
import { Cents, channel, Id, PrintOutcome, RequestId } from './common';

/** One cash or card payment split across several accounts of one family, with one receipt. */

export const SplitLineResult = z.object({
  operationId: Id,
  accountId: Id,
  amountCents: Cents,
  balanceBeforeCents: Cents,
  balanceAfterCents: Cents,
});
export type SplitLineResult = z.infer<typeof SplitLineResult>;

export const paymentChannels = {
  'payments.record': channel(
    z
      .object({
        requestId: RequestId,
        method: PaymentMethod,
        // The core says in Italian what is wrong with too many lines; the schema only bounds the request.
        lines: z
          .array(z.object({ accountId: Id, amountCents: z.number().int().safe() }).strict())
          .min(1)
          .max(MAX_SPLIT_LINES * 4),
        payerCf: z.string().max(16).optional(),
        posAuthCode: z.string().max(20).optional(),
        confirmDuplicate: z.boolean().optional(),
      })
      .strict(),
    z
      .object({
        paymentId: Id,
        receiptNo: z.string(),
        totalCents: Cents,
        lines: z.array(SplitLineResult),
        receiptText: z.string(),
      })
      .extend(PrintOutcome.shape),
    frontOfficeOnly(
      'Il pagamento unico per più conti si fa solo allo sportello dei Servizi Educativi: in farmacia ricaricare un conto alla volta.',
    ),
  ),
} as const;
