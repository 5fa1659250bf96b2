import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads a PDF back the way a person or a banking app would: its text (pdftotext), its pages as
 * pixels (pdftoppm) and the codes on those pixels (zbarimg for QR, dmtxread for Data Matrix).
 * Tools from poppler-utils, zbar-tools and dmtx-utils (installed by .ci/run).
 */

/**
 * The text of a PDF (or of one page, 1-based) in reading order; `layout` keeps the physical layout,
 * `raw` the order of the content stream (side-by-side columns are then not interleaved line by line).
 */
export function pdfText(pdfFile: string, opts: { layout?: boolean; raw?: boolean; page?: number } = {}): string {
  const args = [
    ...(opts.layout === true ? ['-layout'] : []),
    ...(opts.raw === true ? ['-raw'] : []),
    ...(opts.page === undefined ? [] : ['-f', String(opts.page), '-l', String(opts.page)]),
    '-enc',
    'UTF-8',
    pdfFile,
    '-',
  ];
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

/** Number of pages, from pdfinfo. */
export function pdfPageCount(pdfFile: string): number {
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (m === null) throw new Error(`pdfinfo: nessun numero di pagine per ${pdfFile}`);
  return Number(m[1]);
}

/** Each page as a PNG at `dpi` (200 by default), in page order; files next to the PDF. */
export function pdfToPngs(pdfFile: string, dpi = 200): string[] {
  const dir = path.dirname(pdfFile);
  const prefix = path.join(dir, `${path.basename(pdfFile, '.pdf')}-page`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdfFile, prefix]);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort((a, b) => pageNumber(a) - pageNumber(b))
    .map((f) => path.join(dir, f));
}

function pageNumber(file: string): number {
  const m = /-(\d+)\.png$/.exec(file);
  return m === null ? 0 : Number(m[1]);
}

/**
 * Every QR code zbarimg finds in a PNG, as raw strings, in its reading order. zbarimg exits with 4
 * when it finds nothing (an empty list here) and prints a harmless D-Bus complaint on stderr.
 */
export function decodeQrCodes(pngFile: string): string[] {
  const res = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', pngFile], { encoding: 'utf8' });
  if (res.error !== undefined) throw res.error;
  if (res.status === 4) return [];
  if (res.status !== 0) throw new Error(`zbarimg uscito con ${String(res.status)}: ${res.stderr}`);
  return res.stdout.split('\n').filter((line) => line !== '');
}

/**
 * The Data Matrix symbols dmtxread finds in a PNG, stopping after `expected` of them. dmtxread finds
 * a symbol in about a second but takes minutes to prove an A4 page at 200 dpi holds no more, so
 * the caller says how many to look for (a missing one then costs the time limit, `timeoutMs`).
 */
export function decodeDataMatrices(pngFile: string, expected: number, timeoutMs = 60_000): string[] {
  if (expected < 1) return [];
  const args = ['-n', '-N', String(expected), '-m', String(timeoutMs), pngFile];
  const res = spawnSync('dmtxread', args, { encoding: 'latin1' });
  if (res.error !== undefined) throw res.error;
  // dmtxread exits with 1 when it finds nothing.
  if (res.status !== 0 && res.stdout === '') return [];
  return res.stdout.split('\n').filter((line) => line !== '');
}
