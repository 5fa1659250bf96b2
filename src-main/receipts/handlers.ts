import { DomainError } from '../../shared/errors';
import { romeDate } from '../../shared/time';
import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { journal } from '../journal/journal';
import { printFields, printouts } from '../printouts/printouts';
import { Receipts } from './receipts';

/** The day's receipts, a reprint (a copy, audited) and the print of an original never printed. */
export function receiptHandlers(ctx: CoreContext): HandlersOf<'receipts'> {
  const receipts = new Receipts(ctx);
  const print = printouts(ctx);
  const today = () => romeDate(ctx.clock.now());

  return {
    'receipts.list': ({ input, visibility }) => ({
      items: receipts.list(input.date ?? today(), input.unprintedOnly ?? false, visibility),
    }),

    'receipts.reprint': async ({ input, operator }) => {
      const r = receipts.get(input.receiptNo);
      const outcome = await print(
        {
          kind: 'receipt',
          receiptNo: r.receiptNo,
          text: r.text,
          operationId: r.operationId,
          copy: true,
          businessDate: today(),
        },
        operator.code,
      );
      journal(ctx.db.sqlite).audit({
        at: ctx.clock.now().toISOString(),
        counterCode: ctx.counter.code,
        operatorCode: operator.code,
        action: 'receipt.reprint',
        detail: { receiptNo: r.receiptNo },
      });
      return { receiptNo: r.receiptNo, text: outcome.text, ...printFields(outcome) };
    },

    'receipts.printPending': async ({ input, operator }) => {
      const r = receipts.get(input.receiptNo);
      if (r.printedAt !== null) {
        throw new DomainError(
          'INPUT_INVALID',
          `La ricevuta ${r.receiptNo} è già stata stampata: usare la ristampa (copia).`,
        );
      }
      const outcome = await print(
        {
          kind: 'receipt',
          receiptNo: r.receiptNo,
          text: r.text,
          operationId: r.operationId,
          copy: false,
          businessDate: today(),
        },
        operator.code,
      );
      return { receiptNo: r.receiptNo, text: outcome.text, ...printFields(outcome) };
    },
  };
}
