import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { romeDate } from '../../shared/time';
import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { printouts } from '../printouts/printouts';
import { renderPdf, writeFileAtomically } from '../documents/pdf';
import { contoDocument, periodReportDocument, rendicontoDocument, type ReportFrame } from '../documents/reportsPdf';
import { formatReceiptNo } from '../receipts/numbering';
import type { Operator } from '../session/sessions';
import { renderDaySummaryText } from './daySummaryText';
import { daySummary } from './day';
import { contoCsv, periodCsv, rendicontoCsv } from './csvExports';
import { contoGiudiziale, periodReport, rendiconto, storedRemittances, type RemittanceSource } from './ragioneria';

/** Where the reports are saved: `<dataDir>/documents/rapporti/<name>.pdf|.csv`. */
export function reportPath(dataDir: string, name: string, ext: 'pdf' | 'csv'): string {
  return path.resolve(dataDir, 'documents', 'rapporti', `${name}.${ext}`);
}

/**
 * The day's summary of the counter, on screen and on the receipt printer; the Ragioneria's reports
 * (period, monthly rendiconto, conto giudiziale) on screen and, asked to save, as A4 PDF and CSV.
 */
export function reportHandlers(
  ctx: CoreContext,
  remittances: RemittanceSource = storedRemittances(ctx.db.sqlite),
): HandlersOf<'reports'> {
  const today = () => romeDate(ctx.clock.now());
  const print = printouts(ctx);
  const sqlite = ctx.db.sqlite;

  const frame = (operator: Operator, counterCode: string): ReportFrame => ({
    header: ctx.counter.config.receiptHeader,
    printedAt: ctx.clock.now().toISOString(),
    operator: `${operator.name} (${operator.code})`,
    receiptNo: (year, number) => formatReceiptNo(counterCode, year, number),
  });

  async function save(name: string, doc: TDocumentDefinitions, csv: string) {
    const pdfPath = reportPath(ctx.dataDir, name, 'pdf');
    const csvPath = reportPath(ctx.dataDir, name, 'csv');
    writeFileAtomically(pdfPath, await renderPdf(doc));
    writeFileAtomically(csvPath, Buffer.from(csv, 'utf8'));
    return { pdfPath, csvPath };
  }

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

    'reports.period': async ({ input, operator }) => {
      const { report, lines, names } = periodReport(sqlite, ctx.counter, input);
      if (!input.save) return { report, saved: null };
      const scope = input.counterCode ?? (ctx.counter.kind === 'farmacia' ? ctx.counter.code : 'tutti');
      const saved = await save(
        `incassi-${scope}-${report.from}-${report.to}`,
        periodReportDocument(frame(operator, ctx.counter.code), report),
        periodCsv(lines, names, report.total),
      );
      return { report, saved };
    },

    'reports.rendiconto': async ({ input, operator }) => {
      const report = rendiconto(sqlite, ctx.counter, input.month, remittances);
      if (!input.save) return { report, saved: null };
      const saved = await save(
        `rendiconto-${report.counterCode}-${input.month}`,
        rendicontoDocument(frame(operator, report.counterCode), report),
        rendicontoCsv(report),
      );
      return { report, saved };
    },

    'reports.conto': async ({ input, operator }) => {
      const ente = ctx.counter.config.ente;
      const report = contoGiudiziale(
        sqlite,
        ctx.counter,
        {
          year: input.year,
          agent: input.agent ?? '',
          ente: { name: ente?.name ?? ctx.counter.config.receiptHeader[0] ?? '', fiscalCode: ente?.fiscalCode ?? null },
        },
        remittances,
      );
      if (!input.save) return { report, saved: null };
      const saved = await save(
        `conto-giudiziale-${report.counterCode}-${input.year}`,
        contoDocument(frame(operator, report.counterCode), report),
        contoCsv(report),
      );
      return { report, saved };
    },
  };
}
