import type { CoreContext } from '../core/context';
import { markAsCopy } from '../printing/receiptText';
import type { PrintOutcome } from './types';

/**
 * Prints a stored receipt after its transaction committed. An original is marked printed only
 * when the printer (or, with no printer configured, the file on screen) took it; a failure leaves it
 * in the list of receipts to print at the next start. Every attempt is recorded.
 */
export function receiptPrinter(ctx: CoreContext) {
  const markPrinted = ctx.db.sqlite.prepare(
    'UPDATE receipts SET printed_at = ? WHERE receipt_no = ? AND printed_at IS NULL',
  );
  const recordPrint = ctx.db.sqlite.prepare(
    `INSERT INTO receipt_prints (receipt_no, at, business_date, operator_code, copy, printed, error)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const log = ctx.log.child({ scope: 'print' });
  const write = ctx.db.sqlite.transaction(
    (
      at: string,
      a: { receiptNo: string; copy: boolean; operatorCode: string; businessDate: string },
      error: string | null,
    ) => {
      if (error === null && !a.copy) markPrinted.run(at, a.receiptNo);
      recordPrint.run(a.receiptNo, at, a.businessDate, a.operatorCode, a.copy ? 1 : 0, error === null ? 1 : 0, error);
    },
  );
  /**
   * Print bookkeeping is not money, so its one transaction does not wait for its own fsync
   * (WAL with synchronous=NORMAL: it survives a killed process and becomes durable with the next
   * money commit). Only a power cut in between can lose it, and then the receipt is merely offered
   * again as not printed. The money transaction before it stays synchronous=FULL.
   */
  const record = (
    a: { receiptNo: string; copy: boolean; operatorCode: string; businessDate: string },
    error: string | null,
  ) => {
    const sqlite = ctx.db.sqlite;
    sqlite.pragma('synchronous = NORMAL');
    try {
      write(ctx.clock.now().toISOString(), a, error);
    } finally {
      sqlite.pragma('synchronous = FULL');
    }
  };

  return async function print(args: {
    receiptNo: string;
    text: string;
    operationId: string;
    copy: boolean;
    operatorCode: string;
    businessDate: string;
  }): Promise<PrintOutcome & { text: string }> {
    const text = args.copy ? markAsCopy(args.text) : args.text;
    const name = `${args.receiptNo.replace(/[^A-Za-z0-9-]/g, '_')}${args.copy ? '-copia' : ''}`;
    const result = await ctx.printer.print(name, text, { qr: args.operationId });
    record(args, result.ok ? null : result.error);
    if (result.ok) {
      log.info({ receiptNo: args.receiptNo, copy: args.copy, where: result.where }, 'ricevuta stampata');
      ctx.emit('receipts.printed', { receiptNo: args.receiptNo, printed: true });
      return { printed: true, text };
    }
    log.warn({ receiptNo: args.receiptNo, error: result.error }, 'stampa non riuscita');
    ctx.emit('receipts.printed', { receiptNo: args.receiptNo, printed: false, printError: result.error });
    return { printed: false, printError: result.error, text };
  };
}

/** The print outcome as the contract's reply fields (printError only when the printer failed). */
export function printFields(outcome: { printed: boolean; printError?: string }) {
  return outcome.printError === undefined
    ? { printed: outcome.printed }
    : { printed: outcome.printed, printError: outcome.printError };
}
