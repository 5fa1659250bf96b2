import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { AccountLookup } from '../accounts/lookup';
import { Payments } from '../payments/payments';
import { drawerConfigured, drawerKicker } from '../printouts/drawer';
import { printFields, printouts } from '../printouts/printouts';
import type { Operator, Sessions } from '../session/sessions';
import { Topups, type Committed } from './topups';

/**
 * What follows every money commit, top-up or split payment: the sync is told, the original receipt
 * goes to the printer (the outcome joins the reply), a cash payment opens the drawer once.
 */
export function afterCommit(ctx: CoreContext) {
  const print = printouts(ctx);
  const kick = drawerKicker(ctx);
  return {
    /** The sync must never make a committed operation look failed. */
    committed: () => {
      try {
        ctx.afterMoneyCommit?.();
      } catch (e) {
        ctx.log.error({ scope: 'sync', err: e }, 'avvio della sincronizzazione non riuscito');
      }
    },
    printCommitted: async (
      done: Pick<Committed, 'receiptNo' | 'receiptText' | 'operationId' | 'businessDate'>,
      op: Operator,
    ) =>
      printFields(
        await print(
          {
            kind: 'receipt',
            receiptNo: done.receiptNo,
            text: done.receiptText,
            operationId: done.operationId,
            copy: false,
            businessDate: done.businessDate,
          },
          op.code,
        ),
      ),
    /** Cash goes into the drawer: it opens once per cash payment, after the receipt; never for a card. */
    kickAfterCash: async (op: Operator, operationId: string) => {
      if (drawerConfigured(ctx)) await kick('topup', op.code, operationId);
    },
  };
}

/** Money in and its void with a supervisor's approval; the receipt prints after the commit. */
export function topupHandlers(ctx: CoreContext, sessions: Sessions): HandlersOf<'topups'> {
  const lookup = new AccountLookup(ctx.db);
  const topups = new Topups(ctx, lookup);
  const payments = new Payments(ctx, lookup);
  const { committed, printCommitted, kickAfterCash } = afterCommit(ctx);

  return {
    'topups.record': async ({ input, operator, visibility }) => {
      const done = topups.record(operator, input, visibility);
      if (!done.fresh) return { ...withoutDate(done), ...REPEATED };
      committed();
      const printed = await printCommitted(done, operator);
      if (input.method === 'cash') await kickAfterCash(operator, done.operationId);
      return { ...withoutDate(done), ...printed };
    },

    'topups.void': async ({ input, operator, visibility }) => {
      const approve = () => sessions.approve(input.supervisor, input.supervisorPin, ctx.clock.now(), operator);
      const { requestId, operationId, reason } = input;
      // An entry of a split payment is voided only with the whole payment: every account, one receipt.
      const done =
        payments.paymentOf(operationId) === null
          ? topups.voidTopup(operator, approve, { requestId, operationId, reason }, visibility)
          : payments.voidWhole(operator, approve, { requestId, operationId, reason });
      const { balanceBeforeCents: _before, ...rest } = withoutDate(done);
      if (!done.fresh) return { ...rest, ...REPEATED };
      committed();
      return { ...rest, ...(await printCommitted(done, operator)) };
    },
  };
}

/** A repeated request prints nothing again: its receipt went to the printer the first time (Ristampe has it). */
const REPEATED = { printed: false } as const;

function withoutDate({ businessDate: _date, fresh: _fresh, ...reply }: Committed & { fresh?: boolean }) {
  return reply;
}
