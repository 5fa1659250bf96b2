import path from 'node:path';
import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { renderPdf, writeFileAtomically } from '../documents/pdf';
import { statementDocument } from '../documents/statementPdf';
import { journal } from '../journal/journal';
import { formatReceiptNo } from '../receipts/numbering';
import { printFields, printouts } from '../printouts/printouts';
import { renderShortStatement } from './statementText';
import { statementReader } from './statements';

/** How many movements the short slip lists when the operator does not say. */
export const SHORT_STATEMENT_DEFAULT = 10;

/** Where an estratto conto is saved: `<dataDir>/documents/estratti/<Pa-Pay>-<from>-<to>.pdf`. */
export function statementPath(dataDir: string, papayCode: string, from: string, to: string): string {
  const safe = papayCode.replace(/[^A-Za-z0-9-]/g, '_');
  return path.resolve(dataDir, 'documents', 'estratti', `estratto-${safe}-${from}-${to}.pdf`);
}

/** The estratto conto: on screen and A4 at the front office, the last movements on the receipt printer anywhere. */
export function statementHandlers(ctx: CoreContext): HandlersOf<'statements'> {
  const read = statementReader(ctx);
  const print = printouts(ctx);
  return {
    'statements.account': async ({ input, operator }) => {
      const statement = read(input.accountId, 'full', input.from, input.to);
      if (input.pdf !== true) return { statement, pdfPath: null };
      const printedAt = ctx.clock.now().toISOString();
      const frame = {
        header: ctx.counter.config.receiptHeader,
        printedAt,
        operator: `${operator.name} (${operator.code})`,
        receiptNo: (year: number, n: number) => formatReceiptNo(ctx.counter.code, year, n),
      };
      const pdfPath = statementPath(ctx.dataDir, statement.account.papayCode, statement.from, statement.to);
      writeFileAtomically(pdfPath, await renderPdf(statementDocument(frame, statement)));
      journal(ctx.db.sqlite).audit({
        at: printedAt,
        counterCode: ctx.counter.code,
        operatorCode: operator.code,
        action: 'statement.pdf',
        detail: {
          accountId: input.accountId,
          papayCode: statement.account.papayCode,
          from: statement.from,
          to: statement.to,
          closingCents: statement.closingCents,
        },
      });
      return { statement, pdfPath };
    },

    'statements.printShort': async ({ input, operator, visibility }) => {
      const statement = read(input.accountId, visibility);
      const last = input.last ?? SHORT_STATEMENT_DEFAULT;
      const text = renderShortStatement({
        header: ctx.counter.config.receiptHeader,
        counterCode: ctx.counter.code,
        operator: `${operator.name} (${operator.code})`,
        printedAt: ctx.clock.now().toISOString(),
        statement,
        last,
      });
      const outcome = await print(
        {
          kind: 'statement',
          accountId: input.accountId,
          papayCode: statement.account.papayCode,
          movements: Math.min(last, statement.lines.length),
          text,
        },
        operator.code,
      );
      return { text: outcome.text, ...printFields(outcome) };
    },
  };
}
