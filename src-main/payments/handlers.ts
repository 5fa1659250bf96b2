import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { AccountLookup } from '../accounts/lookup';
import { afterCommit } from '../topups/handlers';
import { Payments } from './payments';

/** One payment for several accounts of a family; the receipt prints after the commit, the drawer opens once for cash. */
export function paymentHandlers(
  ctx: CoreContext,
  payments = new Payments(ctx, new AccountLookup(ctx.db)),
): HandlersOf<'payments'> {
  const { committed, printCommitted, kickAfterCash } = afterCommit(ctx);
  return {
    'payments.record': async ({ input, operator }) => {
      const { fresh, businessDate, receiptOperationId, ...reply } = payments.record(operator, input);
      if (!fresh) return { ...reply, printed: false };
      committed();
      const printed = await printCommitted(
        { receiptNo: reply.receiptNo, receiptText: reply.receiptText, operationId: receiptOperationId, businessDate },
        operator,
      );
      if (input.method === 'cash') await kickAfterCash(operator, receiptOperationId);
      return { ...reply, ...printed };
    },
  };
}
