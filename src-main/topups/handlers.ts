import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { AccountLookup } from '../accounts/lookup';
import { drawerConfigured, drawerKicker } from '../printouts/drawer';
import { printFields, printouts } from '../printouts/printouts';
import type { Operator, Sessions } from '../session/sessions';
import { Topups, type Committed } from './topups';

/** Money in and its void with a supervisor's approval; the receipt prints after the commit. */
export function topupHandlers(ctx: CoreContext, sessions: Sessions): HandlersOf<'topups'> {
  const topups = new Topups(ctx, new AccountLookup(ctx.db));
  const print = printouts(ctx);
  const kick = drawerKicker(ctx);
  /** The sync must never make a committed operation look failed. */
  const committed = () => {
    try {
      ctx.afterMoneyCommit?.();
    } catch (e) {
      ctx.log.error({ scope: 'sync', err: e }, 'avvio della sincronizzazione non riuscito');
    }
  };
  /** The original of a receipt just committed goes to the printer; the outcome joins the reply. */
  const printCommitted = async (done: Committed, op: Operator) =>
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
    );

  return {
    'topups.record': async ({ input, operator, visibility }) => {
      const done = topups.record(operator, input, visibility);
      committed();
      const printed = await printCommitted(done, operator);
      // Cash goes into the drawer: it opens once per cash top-up, after the receipt; never for a card.
      if (input.method === 'cash' && drawerConfigured(ctx)) await kick('topup', operator.code, done.operationId);
      return { ...withoutDate(done), ...printed };
    },

    'topups.void': async ({ input, operator, visibility }) => {
      const approver = sessions.approve(input.supervisor, input.supervisorPin, ctx.clock.now());
      const { operationId, reason } = input;
      const done = topups.voidTopup(operator, approver, { operationId, reason }, visibility);
      committed();
      const { balanceBeforeCents: _before, ...rest } = withoutDate(done);
      return { ...rest, ...(await printCommitted(done, operator)) };
    },
  };
}

function withoutDate({ businessDate: _date, ...reply }: Committed) {
  return reply;
}
