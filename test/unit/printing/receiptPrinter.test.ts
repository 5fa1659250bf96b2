import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrinterConfig } from '../../../shared/config';
import { drawerKickBytes } from '../../../src-main/printing/escpos';
import { describePrinter, receiptPrinterFor } from '../../../src-main/printing/receiptPrinter';

describe('the receipt printer of a configuration', () => {
  it('reads the configurations written before the Windows printers (no kind) as network printers', () => {
    expect(PrinterConfig.parse({ host: '192.168.1.50', port: 9100 })).toEqual({ host: '192.168.1.50', port: 9100 });
    expect(PrinterConfig.parse({ kind: 'windows', name: 'EPSON TM-T20III', drawer: true })).toEqual({
      kind: 'windows',
      name: 'EPSON TM-T20III',
      drawer: true,
    });
    expect(PrinterConfig.safeParse({ kind: 'windows', name: ' ' }).success).toBe(false);
    expect(describePrinter({ kind: 'windows', name: 'EPSON' })).toBe('stampante di Windows «EPSON»');
    expect(describePrinter(null)).toBe('su file, nella cartella «ricevute» dei dati');
  });

  it('keeps a kick of the file printer as a file of exactly the ESC p bytes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-kick-'));
    try {
      const result = await receiptPrinterFor({ kind: 'file', drawer: true }, dir).kick!();
      expect(result.ok).toBe(true);
      const file = result.ok ? result.path! : '';
      expect(fs.readFileSync(file).equals(drawerKickBytes())).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
