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
      if (!done.fresh) return { ...withoutDate(done), ...REPEATED };
      committed();
      const printed = await printCommitted(done, operator);
      // Cash goes into the drawer: it opens once per cash top-up, after the receipt; never for a card.
      if (input.method === 'cash' && drawerConfigured(ctx)) await kick('topup', operator.code, done.operationId);
      return { ...withoutDate(done), ...printed };
    },

    'topups.void': async ({ input, operator, visibility }) => {
      const approve = () => sessions.approve(input.supervisor, input.supervisorPin, ctx.clock.now(), operator);
      const { requestId, operationId, reason } = input;
      const done = topups.voidTopup(operator, approve, { requestId, operationId, reason }, visibility);
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
