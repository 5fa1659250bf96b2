import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { printFields, printouts } from '../printouts/printouts';
import type { Sessions } from '../session/sessions';
import path from 'node:path';
import { renderPdf, writeFileAtomically } from '../documents/pdf';
import { zReportDocument } from '../documents/zReportPdf';
import { formatReceiptNo } from '../receipts/numbering';
import { Till, type Closed } from './till';

/** Where the Z reports are saved: `<dataDir>/documents/chiusure/<Z number>.pdf`. */
export function zReportPath(dataDir: string, zNo: string): string {
  return path.resolve(dataDir, 'documents', 'chiusure', `chiusura-${zNo.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`);
}

/** The cash office: open, movements, blind count, close with its Z report, reopen with a supervisor. */
export function tillHandlers(ctx: CoreContext, sessions: Sessions): HandlersOf<'till'> {
  const till = new Till(ctx);
  const print = printouts(ctx);
  /** The sync must never make a committed operation look failed. */
  const committed = <T>(value: T): T => {
    try {
      ctx.afterMoneyCommit?.();
    } catch (e) {
      ctx.log.error({ scope: 'sync', err: e }, 'avvio della sincronizzazione non riuscito');
    }
    return value;
  };
  /** The A4 PDF after the commit: a failure to write it is logged and said (pdfPath null), the close stands. */
  const savePdf = async (done: Closed, operatorLabel: string): Promise<string | null> => {
    try {
      const file = zReportPath(ctx.dataDir, done.zNo);
      const frame = {
        header: ctx.counter.config.receiptHeader,
        printedAt: ctx.clock.now().toISOString(),
        operator: operatorLabel,
        receiptNo: (year: number, number: number) => formatReceiptNo(ctx.counter.code, year, number),
      };
      writeFileAtomically(file, await renderPdf(zReportDocument(frame, done.z)));
      return file;
    } catch (e) {
      ctx.log.error({ scope: 'till', err: e, zNo: done.zNo }, 'PDF della chiusura di cassa non scritto');
      return null;
    }
  };
  return {
    'till.status': () => till.status(),
    'till.open': ({ input, operator }) => committed(till.open(operator, input.floatCounts)),
    'till.movement': ({ input, operator }) => committed(till.movement(operator, input)),
    'till.reckon': ({ input }) => till.reckon(input),
    'till.close': async ({ input, operator }) => {
      const { supervisor, supervisorPin, ...request } = input;
      const approver =
        supervisor !== undefined && supervisorPin !== undefined
          ? sessions.approve(supervisor, supervisorPin, ctx.clock.now(), operator)
          : null;
      const done = committed(till.close(operator, approver, request));
      ctx.afterTillClose?.();
      const printed = await print({ kind: 'zReport', zNo: done.zNo, text: done.text }, operator.code);
      const pdfPath = await savePdf(done, `${operator.name} (${operator.code})`);
      return {
        zNo: done.zNo,
        number: done.number,
        rectifies: done.rectifies,
        reckoning: done.reckoning,
        text: done.text,
        pdfPath,
        ...printFields(printed),
      };
    },
    'till.reopen': ({ input, operator }) => {
      const approver = sessions.approve(input.supervisor, input.supervisorPin, ctx.clock.now(), operator);
      return committed(till.reopen(operator, approver, { sessionId: input.sessionId, reason: input.reason }));
    },
  };
}
