import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../src-main/printing/escpos';
import { networkPrinter } from '../../../src-main/printing/printer';
import { markAsCopy, renderReceiptText } from '../../../src-main/receipts/receiptText';
import { decodeEscPos } from '../../support/escpos-decoder';
import { startVirtualPrinter, unusedPort, type VirtualPrinter } from '../../support/virtual-printer';
import { receiptData } from '../../unit/receipts/fixtures';

/** What the paper shows, without the blank feed lines before the cut. */
const printedText = (job: Buffer) => decodeEscPos(job).text.replace(/\n+$/, '');

describe('networkPrinter to a printer on loopback', () => {
  let vp: VirtualPrinter;
  beforeEach(async () => {
    vp = await startVirtualPrinter();
  });
  afterEach(async () => {
    await vp.close();
  });

  it('prints the stored text, the operation id as a QR code, in PC858, with one cut', async () => {
    const data = receiptData({ school: 'Scuola dell’infanzia “Città” – Avenza', payerCf: 'RSSMRA80A01F023X' });
    const text = renderReceiptText(data);

    const result = await networkPrinter({ host: vp.host, port: vp.port }).print('FP2-2026-000042', text, {
      qr: data.operationId,
    });

    expect(result).toEqual({ ok: true, where: 'printer' });
    const [job] = await vp.waitForJobs(1);
    if (job === undefined) throw new Error('no job captured');
    const decoded = decodeEscPos(job);
    expect(printedText(job)).toBe(text);
    expect(decoded.qr).toEqual([data.operationId]);
    expect(decoded.qrSymbols[0]).toMatchObject({ model: 2, ecc: 'M' });
    expect(decoded.qrSymbols[0]?.cellSize).toBeGreaterThanOrEqual(3);
    expect(decoded.codePages).toEqual([19]);
    expect(decoded.cuts).toBe(1);
    // Accents and the euro sign went out as single PC858 bytes, not as UTF-8.
    expect(job.includes(Buffer.from([0xd5]))).toBe(true); // €
    expect(job.includes(Buffer.from('€', 'utf8'))).toBe(false);
    expect(decoded.text).toContain('Città');
    expect(decoded.text).toContain('Niccolò Bertè');
  });

  it('prints a copy with its marks, and each print is its own job', async () => {
    const text = renderReceiptText(receiptData());
    const printer = networkPrinter({ host: vp.host, port: vp.port });
    expect((await printer.print('a', text, {})).ok).toBe(true);
    expect((await printer.print('a', markAsCopy(text), { qr: 'x' })).ok).toBe(true);

    const [first, second] = await vp.waitForJobs(2);
    if (first === undefined || second === undefined) throw new Error('jobs missing');
    expect(decodeEscPos(first).qr).toEqual([]);
    expect(printedText(second)).toBe(markAsCopy(text));
    expect(printedText(second).split('\n')[0]?.trim()).toBe('*** COPIA ***');
  });

  it('never lets a character outside PC858 switch the code page', async () => {
    const text = 'Łódź “città” 😀 ı € ñ';
    const result = await networkPrinter({ host: vp.host, port: vp.port }).print('x', text, {});
    expect(result.ok).toBe(true);
    const [job] = await vp.waitForJobs(1);
    if (job === undefined) throw new Error('no job captured');
    const decoded = decodeEscPos(job);
    expect(decoded.codePages).toEqual([19]);
    expect(printedText(job)).toBe('?ódz "città" ? ? € ñ');
  });

  it('reports a printer that takes the job and never finishes it, after the timeout', async () => {
    vp.setMode('hang');
    const started = Date.now();
    const result = await networkPrinter({ host: vp.host, port: vp.port }, 300).print('x', 'prova', {});
    expect(result).toEqual({
      ok: false,
      error: `Stampante non raggiungibile (127.0.0.1:${vp.port}): nessuna risposta entro 0,3 s`,
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(vp.connections()).toBe(1);
    expect(vp.jobs()).toEqual([]);
  });

  it('reports a printer that resets the connection', async () => {
    vp.setMode('reset');
    const result = await networkPrinter({ host: vp.host, port: vp.port }).print('x', 'prova', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(
        new RegExp(`^Stampante non raggiungibile \\(127\\.0\\.0\\.1:${vp.port}\\): connessione (interrotta|chiusa)`),
      );
    }
  });
});

describe('networkPrinter without a printer', () => {
  it('reports a refused connection in Italian', async () => {
    const port = await unusedPort();
    const result = await networkPrinter({ host: '127.0.0.1', port }).print('x', 'prova', {});
    expect(result).toEqual({
      ok: false,
      error: `Stampante non raggiungibile (127.0.0.1:${port}): connessione rifiutata (stampante spenta o porta errata)`,
    });
  });

  it('does not throw on an impossible port or a QR it cannot encode', async () => {
    const badPort = await networkPrinter({ host: '127.0.0.1', port: 70_000 }).print('x', 'prova', {});
    expect(badPort.ok).toBe(false);
    const badQr = await networkPrinter({ host: '127.0.0.1', port: 9 }).print('x', 'prova', { qr: 'città' });
    expect(badQr.ok).toBe(false);
    if (!badQr.ok) expect(badQr.error).toMatch(/^Ricevuta non stampabile: contenuto del QR/);
  });
});

describe('encodeReceipt', () => {
  it('starts with ESC @ then ESC t 19 and ends with the cut', () => {
    const bytes = encodeReceipt('ciao', {});
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 19]);
    const cut = bytes.indexOf(Buffer.from([0x1d, 0x56, 0x00]));
    expect(cut).toBeGreaterThan(0);
    expect(bytes.subarray(cut + 3)).toEqual(Buffer.from([0x1b, 0x40]));
  });

  it('keeps blank lines of the text', () => {
    expect(printedText(encodeReceipt('a\n\nb', {}))).toBe('a\n\nb');
  });
});
