import { romeDate } from '../../shared/time';
import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { printouts } from '../printouts/printouts';
import { renderDaySummaryText } from './daySummaryText';
import { daySummary } from './day';

/** The day's summary of the counter, on screen and on the receipt printer. */
export function reportHandlers(ctx: CoreContext): HandlersOf<'reports'> {
  const today = () => romeDate(ctx.clock.now());
  const print = printouts(ctx);

  return {
    'reports.day': ({ input }) => daySummary(ctx, input.date ?? today()),

    'reports.printDay': async ({ input, operator }) => {
      const { counter } = ctx;
      const summary = daySummary(ctx, input.date ?? today());
      const text = renderDaySummaryText({
        ...summary,
        header: counter.config.receiptHeader,
        counterName: counter.name,
        counterAddress: counter.address,
        operator: `${operator.name} (${operator.code})`,
        printedAt: ctx.clock.now().toISOString(),
      });
      return await print({ kind: 'daySummary', date: summary.date, text }, operator.code);
    },
  };
}
