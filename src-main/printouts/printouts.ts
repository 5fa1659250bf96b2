import type { CoreContext } from '../core/context';
import { journal } from '../journal/journal';
import { receiptQueries } from '../receipts/queries';
import { markAsCopy } from '../receipts/receiptText';
import type { PrintOutcome } from '../receipts/types';

/** What the counter prints on the receipt printer: each kind with what its bookkeeping needs. */
export type Printout =
  | { kind: 'receipt'; receiptNo: string; operationId: string; copy: boolean; businessDate: string; text: string }
  | { kind: 'notice'; noticeId: string; nav: string; qr: string; text: string }
  | { kind: 'daySummary'; date: string; text: string }
  | { kind: 'zReport'; zNo: string; text: string }
  | { kind: 'statement'; accountId: string; papayCode: string; movements: number; text: string };

/**
 * The one path of every print: the printer, then the bookkeeping of the attempt, then the log.
 * A receipt's attempt goes to receipt_prints (an original is marked printed only when the printer,
 * or with no printer configured the file on screen, took it: a failure leaves it among the
 * receipts to print at the next start) and is announced to the UI; a notice's or a day summary's
 * goes to the audit. Never throws for a printer fault: the outcome says what happened.
 */
export function printouts(ctx: CoreContext) {
  const q = receiptQueries(ctx.db.sqlite);
  const j = journal(ctx.db.sqlite);
  const log = ctx.log.child({ scope: 'print' });
  const write = ctx.db.sqlite.transaction((p: Printout, operatorCode: string, at: string, error: string | null) => {
    const printed = error === null;
    const outcome = printed ? { printed } : { printed, error };
    switch (p.kind) {
      case 'receipt':
        if (printed && !p.copy) q.markPrinted.run(at, p.receiptNo);
        q.recordPrint.run(p.receiptNo, at, p.businessDate, operatorCode, p.copy ? 1 : 0, printed ? 1 : 0, error);
        return;
      case 'notice':
        j.audit({
          at,
          counterCode: ctx.counter.code,
          operatorCode,
          action: 'notice.printThermal',
          detail: { noticeId: p.noticeId, nav: p.nav, ...outcome },
        });
        return;
      case 'daySummary':
        j.audit({
          at,
          counterCode: ctx.counter.code,
          operatorCode,
          action: 'report.printDay',
          detail: { date: p.date, ...outcome },
        });
        return;
      case 'zReport':
        j.audit({
          at,
          counterCode: ctx.counter.code,
          operatorCode,
          action: 'till.printZ',
          detail: { zNo: p.zNo, ...outcome },
        });
        return;
      case 'statement':
        j.audit({
          at,
          counterCode: ctx.counter.code,
          operatorCode,
          action: 'statement.printShort',
          detail: { accountId: p.accountId, papayCode: p.papayCode, movements: p.movements, ...outcome },
        });
        return;
    }
  });
  /**
   * Print bookkeeping is not money, so its one transaction does not wait for its own fsync
   * (WAL with synchronous=NORMAL: it survives a killed process and becomes durable with the next
   * money commit). Only a power cut in between can lose it, and then a receipt is merely offered
   * again as not printed. The money transaction before it stays synchronous=FULL.
   */
  const record = (p: Printout, operatorCode: string, error: string | null) => {
    const sqlite = ctx.db.sqlite;
    sqlite.pragma('synchronous = NORMAL');
    try {
      write(p, operatorCode, ctx.clock.now().toISOString(), error);
    } finally {
      sqlite.pragma('synchronous = FULL');
    }
  };

  return async function print(p: Printout, operatorCode: string): Promise<PrintOutcome & { text: string }> {
    const text = p.kind === 'receipt' && p.copy ? markAsCopy(p.text) : p.text;
    const qr = qrOf(p);
    const result = await ctx.printer.print(fileName(p), text, qr === null ? {} : { qr });
    try {
      record(p, operatorCode, result.ok ? null : result.error);
    } catch (e) {
      // The print's bookkeeping (a full disk, say) never makes the operation before it look failed:
      // the receipt is then merely offered again as not printed.
      log.error({ kind: p.kind, err: e }, 'esito della stampa non registrato');
    }
    const about = { kind: p.kind, ...subjectOf(p) };
    if (result.ok) log.info({ ...about, where: result.where }, PRINTED[p.kind]);
    else log.warn({ ...about, error: result.error }, 'stampa non riuscita');
    if (p.kind === 'receipt') {
      ctx.emit(
        'receipts.printed',
        result.ok
          ? { receiptNo: p.receiptNo, printed: true }
          : { receiptNo: p.receiptNo, printed: false, printError: result.error },
      );
    }
    return result.ok ? { printed: true, text } : { printed: false, printError: result.error, text };
  };
}

/** The print outcome as the contract's reply fields (printError only when the printer failed). */
export function printFields(outcome: { printed: boolean; printError?: string }) {
  return outcome.printError === undefined
    ? { printed: outcome.printed }
    : { printed: outcome.printed, printError: outcome.printError };
}

const PRINTED = {
  receipt: 'ricevuta stampata',
  notice: 'avviso stampato',
  daySummary: 'riepilogo del giorno stampato',
  zReport: 'chiusura di cassa stampata',
  statement: 'estratto conto breve stampato',
} as const satisfies Record<Printout['kind'], string>;

/** The name of the copy saved when no printer is configured (and of the print job). */
function fileName(p: Printout): string {
  switch (p.kind) {
    case 'receipt':
      return `${p.receiptNo.replace(/[^A-Za-z0-9-]/g, '_')}${p.copy ? '-copia' : ''}`;
    case 'notice':
      return `avviso-${p.nav}`;
    case 'daySummary':
      return `riepilogo-${p.date}`;
    case 'zReport':
      return `chiusura-${p.zNo.replace(/[^A-Za-z0-9-]/g, '_')}`;
    case 'statement':
      return `estratto-${p.papayCode.replace(/[^A-Za-z0-9-]/g, '_')}`;
  }
}

/** A receipt carries its operation id as QR (for the office's checks), a notice its pagoPA payload; reports none. */
function qrOf(p: Printout): string | null {
  switch (p.kind) {
    case 'receipt':
      return p.operationId;
    case 'notice':
      return p.qr;
    case 'daySummary':
    case 'zReport':
    case 'statement':
      return null;
  }
}

function subjectOf(p: Printout): Record<string, string | boolean> {
  switch (p.kind) {
    case 'receipt':
      return { receiptNo: p.receiptNo, copy: p.copy };
    case 'notice':
      return { noticeId: p.noticeId, nav: p.nav };
    case 'daySummary':
      return { date: p.date };
    case 'zReport':
      return { zNo: p.zNo };
    case 'statement':
      return { accountId: p.accountId };
  }
}
