import path from 'node:path';
import type { PrinterConfig } from '../../shared/config';
import { fileOnlyPrinter, networkPrinter, type ReceiptPrinter } from './printer';
import { windowsQueuePrinter, type WindowsQueueOptions } from './windowsPrinter';

/** The folder where a counter without a printer device keeps its receipts as files. */
export function receiptsFolder(dataDir: string): string {
  return path.join(dataDir, 'ricevute');
}

/**
 * The receipt printer of a configuration: a network printer (raw TCP), a Windows queue (raw ESC/POS
 * through the spooler helper) or files under the data folder (also with no printer configured).
 */
export function receiptPrinterFor(
  config: PrinterConfig | null,
  dataDir: string,
  windows: WindowsQueueOptions = {},
): ReceiptPrinter {
  if (config === null) return fileOnlyPrinter(receiptsFolder(dataDir));
  switch (config.kind) {
    case 'windows':
      return windowsQueuePrinter(config.name, windows);
    case 'file':
      return fileOnlyPrinter(receiptsFolder(dataDir));
    case undefined:
    case 'network':
      return networkPrinter(config);
  }
}

/** Where receipts go, in the operator's words (settings screen, logs). */
export function describePrinter(config: PrinterConfig | null): string {
  if (config === null || config.kind === 'file') return 'su file, nella cartella «ricevute» dei dati';
  if (config.kind === 'windows') return `stampante di Windows «${config.name}»`;
  return `stampante di rete ${config.host}:${config.port}`;
}
