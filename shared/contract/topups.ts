import { z } from 'zod';
import { PaymentMethod } from '../domain';
import { MINIMISED_AT_PHARMACY } from './access';
import { Cents, channel, Id, PrintOutcome, RequestId } from './common';

/** Money in (cash or bancomat) and its void with a supervisor's approval. */

export const topupChannels = {
  'topups.record': channel(
    z
      .object({
        requestId: RequestId,
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
    MINIMISED_AT_PHARMACY,
  ),
  'topups.void': channel(
    z
      .object({
        requestId: RequestId,
        operationId: Id,
        supervisor: z.string().trim().min(1).max(40),
        supervisorPin: z.string().min(1).max(64),
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
    MINIMISED_AT_PHARMACY,
  ),
} as const;
