import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_NUMBERS, renderPdf, warmUpPdfRenderer, writeFileAtomically } from '../../../src-main/documents/pdf';
import { pdfText } from '../../support/scan';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
}

describe('renderPdf', () => {
  it('renders Italian text, the euro sign and mono numbers with the bundled fonts', async () => {
    const pdf = await renderPdf({
      content: [
        { text: 'Perché la città è più bella: 1.020,99 €' },
        { text: '3010 0000 0001 2345 19', font: FONT_NUMBERS },
      ],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = tempDir();
    const file = path.join(dir, 'a.pdf');
    fs.writeFileSync(file, pdf);
    const text = pdfText(file);
    expect(text).toContain('Perché la città è più bella: 1.020,99 €');
    expect(text).toContain('3010 0000 0001 2345 19');
    const raw = pdf.toString('latin1');
    // The fonts are embedded (subset names carry the family), no standard Helvetica fallback.
    expect(raw).toMatch(/TitilliumWeb|Titillium/);
    expect(raw).toMatch(/RobotoMono|Roboto/);
  });

  it('warms up without error (fonts loaded once, reused by every later document)', async () => {
    await expect(warmUpPdfRenderer()).resolves.toBeUndefined();
  });

  it('refuses to fetch an image from the network or read one from disk', async () => {
    await expect(renderPdf({ content: [{ image: 'https://example.invalid/logo.png' }] })).rejects.toThrow();
    const dir = tempDir();
    const secret = path.join(dir, 'secret.png');
    fs.writeFileSync(secret, Buffer.from('not really a png'));
    await expect(renderPdf({ content: [{ image: secret }] })).rejects.toThrow(/denied|access|policy/i);
  });
});

describe('writeFileAtomically', () => {
  it('writes the bytes, creating the folder, and replaces an older file whole', () => {
    const dir = tempDir();
    const file = path.join(dir, 'documents', 'avvisi', 'x.pdf');
    writeFileAtomically(file, Buffer.from('first version'));
    expect(fs.readFileSync(file, 'utf8')).toBe('first version');
    writeFileAtomically(file, Buffer.from('second'));
    expect(fs.readFileSync(file, 'utf8')).toBe('second');
    // No temporary file is left behind.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['x.pdf']);
  });

  it('leaves the old file untouched and no temp file when the write fails', () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.pdf');
    writeFileAtomically(file, Buffer.from('kept'));
    // A directory in place of the target makes the rename fail.
    const blocked = path.join(dir, 'blocked');
    fs.mkdirSync(path.join(blocked, 'inner'), { recursive: true });
    expect(() => writeFileAtomically(blocked, Buffer.from('new'))).toThrow();
    expect(fs.readFileSync(file, 'utf8')).toBe('kept');
    expect(fs.readdirSync(dir).sort()).toEqual(['blocked', 'x.pdf']);
  });
});

describe('woffToSfnt', () => {
  it('unpacks a bundled WOFF into a TrueType font with the same tables', async () => {
    const { woffToSfnt } = await import('../../../src-main/documents/woff');
    const woffPath = path.join(
      path.dirname(require.resolve('@fontsource/roboto-mono/package.json')),
      'files',
      'roboto-mono-latin-400-normal.woff',
    );
    const woff = fs.readFileSync(woffPath);
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12));
    // The declared uncompressed size of the WOFF is the size of the font we rebuilt.
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
    expect(() => woffToSfnt(Buffer.from('not a font at all, not even close to 44 bytes long'))).toThrow(/WOFF/);
  });
});
