import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOnlyPrinter, safeFileName } from '../../../src-main/printing/printer';
import { markAsCopy, renderReceiptText } from '../../../src-main/receipts/receiptText';
import { decodeEscPos } from '../../support/escpos-decoder';
import { receiptData } from '../../unit/receipts/fixtures';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));

describe('fileOnlyPrinter', () => {
  it('saves the text and the ESC/POS bytes under a file-safe name', async () => {
    const dir = path.join(tempDir(), 'ricevute');
    const data = receiptData();
    const text = renderReceiptText(data);

    const result = await fileOnlyPrinter(dir).print(data.receiptNo, text, { qr: data.operationId });

    const txt = path.join(dir, 'FP2-2026-000042.txt');
    expect(result).toEqual({ ok: true, where: 'file', path: txt });
    expect(fs.readFileSync(txt, 'utf8')).toBe(`${text}\n`);
    const decoded = decodeEscPos(fs.readFileSync(path.join(dir, 'FP2-2026-000042.bin')));
    expect(decoded.text.replace(/\n+$/, '')).toBe(text);
    expect(decoded.qr).toEqual([data.operationId]);
  });

  it('does not overwrite the original when a copy is saved', async () => {
    const dir = tempDir();
    const text = renderReceiptText(receiptData());
    const printer = fileOnlyPrinter(dir);
    await printer.print('FP2-2026-000042', text, {});
    const copy = await printer.print('FP2-2026-000042', markAsCopy(text), {});

    expect(copy).toEqual({ ok: true, where: 'file', path: path.join(dir, 'FP2-2026-000042-2.txt') });
    expect(fs.readFileSync(path.join(dir, 'FP2-2026-000042.txt'), 'utf8')).toBe(`${text}\n`);
    expect(fs.readFileSync(path.join(dir, 'FP2-2026-000042-2.txt'), 'utf8')).toBe(`${markAsCopy(text)}\n`);
  });

  it('reports, without throwing, a folder it cannot write', async () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'file');
    fs.writeFileSync(blocker, '');
    const result = await fileOnlyPrinter(path.join(blocker, 'ricevute')).print('x', 'prova', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Impossibile salvare la ricevuta in /);
  });
});

describe('safeFileName', () => {
  it('keeps letters, digits, dot, dash and underscore only', () => {
    expect(safeFileName('SE1/2026/000042')).toBe('SE1-2026-000042');
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('')).toBe('ricevuta');
  });
});
