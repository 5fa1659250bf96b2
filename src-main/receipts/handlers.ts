import { DomainError } from '../../shared/errors';
import { romeDate } from '../../shared/time';
import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { printFields, receiptPrinter } from './print';
import { Receipts } from './receipts';

/** The day's receipts, a reprint (a copy, audited) and the print of an original never printed. */
export function receiptHandlers(ctx: CoreContext): HandlersOf<'receipts'> {
  const receipts = new Receipts(ctx);
  const print = receiptPrinter(ctx);
  const today = () => romeDate(ctx.clock.now());

  return {
    'receipts.list': ({ input, visibility }) => ({
      items: receipts.list(input.date ?? today(), input.unprintedOnly ?? false, visibility),
    }),

    'receipts.reprint': async ({ input, operator }) => {
      const r = receipts.get(input.receiptNo);
      const outcome = await print({
        receiptNo: r.receiptNo,
        text: r.text,
        operationId: r.operationId,
        copy: true,
        operatorCode: operator.code,
        businessDate: today(),
      });
      ctx.db.sqlite
        .prepare('INSERT INTO audit (at, counter_code, operator_code, action, detail) VALUES (?, ?, ?, ?, ?)')
        .run(
          ctx.clock.now().toISOString(),
          ctx.counter.code,
          operator.code,
          'receipt.reprint',
          JSON.stringify({ receiptNo: r.receiptNo }),
        );
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
      const outcome = await print({
        receiptNo: r.receiptNo,
        text: r.text,
        operationId: r.operationId,
        copy: false,
        operatorCode: operator.code,
        businessDate: today(),
      });
      return { receiptNo: r.receiptNo, text: outcome.text, ...printFields(outcome) };
    },
  };
}
