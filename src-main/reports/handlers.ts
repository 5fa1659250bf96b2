import { romeDate } from '../../shared/time';
import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { renderDaySummaryText } from '../printing/receiptText';
import { daySummary } from './day';

/** The day's summary of the counter, on screen and on the receipt printer. */
export function reportHandlers(ctx: CoreContext): HandlersOf<'reports'> {
  const today = () => romeDate(ctx.clock.now());

  return {
    'reports.day': ({ input }) => daySummary(ctx, input.date ?? today()),

    'reports.printDay': async ({ input, operator }) => {
      const { counter } = ctx;
      const summary = await daySummary(ctx, input.date ?? today());
      const text = renderDaySummaryText({
        ...summary,
        header: counter.config.receiptHeader,
        counterName: counter.name,
        counterAddress: counter.address,
        operator: `${operator.name} (${operator.code})`,
        printedAt: ctx.clock.now().toISOString(),
      });
      const result = await ctx.printer.print(`riepilogo-${summary.date}`, text, {});
      return result.ok ? { text, printed: true } : { text, printed: false, printError: result.error };
    },
  };
}
