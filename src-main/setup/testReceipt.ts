import { formatRomeDateTime } from '../../shared/time';
import { center, field, joinLines, RULE } from '../printing/layout';
import { describePrinter, receiptPrinterFor } from '../printing/receiptPrinter';
import type { PrinterConfig } from '../../shared/config';

/** The text of the test receipt the setup and the settings screen print: it says it is no receipt of payment. */
export function testReceiptText(opts: { header: readonly string[]; counterCode: string; at: Date; where: string }) {
  return joinLines([
    ...opts.header.flatMap((line) => center(line)),
    RULE,
    ...center('STAMPA DI PROVA'),
    ...center('Non è una ricevuta di pagamento'),
    RULE,
    ...field('Sportello', opts.counterCode),
    ...field('Data e ora', formatRomeDateTime(opts.at)),
    ...field('Stampante', opts.where),
    RULE,
    ...center('Se questa stampa è leggibile e tagliata,'),
    ...center('confermare sullo schermo.'),
  ]);
}

/** Prints the test receipt on the printer being chosen (not yet written anywhere). Never throws. */
export async function printTestReceipt(opts: {
  printer: PrinterConfig | null;
  dataDir: string;
  header: readonly string[];
  counterCode: string;
  at: Date;
}) {
  const where = describePrinter(opts.printer);
  const text = testReceiptText({ header: opts.header, counterCode: opts.counterCode, at: opts.at, where });
  const result = await receiptPrinterFor(opts.printer, opts.dataDir).print('prova-stampa', text, {});
  return result.ok
    ? { printed: true, where: result.path !== undefined ? `${where}: ${result.path}` : where }
    : { printed: false, printError: result.error, where };
}
