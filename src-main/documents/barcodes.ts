import type BwipJs from 'bwip-js/node';

/**
 * The two symbols of a pagoPA notice as SVG, to be drawn by pdfmake at an exact physical size.
 *
 * QR: pdfmake's own encoder (the one behind its `{ qr }` node) gives the module matrix, but its
 * node rounds the module to whole points (25 mm would come out as 23.3 mm), so the matrix is drawn
 * here as one vector path scaled to exactly 25 mm. Data Matrix: bwip-js (pdfmake has none).
 */

interface QrEncoderNode {
  qr: string;
  eccLevel: 'M';
  version: number;
  fit: number;
  _canvas?: { x: number; y: number; w: number; h: number; color: string }[];
  _width?: number;
}
interface QrEncoder {
  measure(node: QrEncoderNode): QrEncoderNode;
}

// Internal module of pdfmake (pinned 0.3.11); the notice tests decode its output, so a change shows.
// Both encoders load on the first notice: a pharmacy never draws one on A4.
let encoders: { qr: QrEncoder; bwip: typeof BwipJs } | null = null;
function loadEncoders(): { qr: QrEncoder; bwip: typeof BwipJs } {
  encoders ??= {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    qr: (require('pdfmake/js/qrEnc') as { default: QrEncoder }).default,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    bwip: require('bwip-js/node') as typeof BwipJs,
  };
  return encoders;
}

/** pagoPA notices use QR version 4 (33x33 modules) with error correction M. */
export const PAGOPA_QR_VERSION = 4;
export const PAGOPA_QR_MODULES = 33;
/** Byte-mode capacity of version 4-M: a longer text would not fit (the encoder would not say so). */
const QR_V4M_BYTE_CAPACITY = 62;

export interface Symbol2d {
  /** Standalone SVG document, viewBox in modules. */
  svg: string;
  /** Modules per side. */
  modules: number;
  /** Horizontal runs of dark modules (in modules), row by row: what a PDF draws as rectangles. */
  runs: ModuleRun[];
}

export interface ModuleRun {
  x: number;
  y: number;
  length: number;
}

/** The pagoPA QR code (version 4, ECC M) of a payload. */
export function pagopaQrSymbol(payload: string): Symbol2d {
  if (!/^[\x20-\x7e]+$/.test(payload) || payload.length > QR_V4M_BYTE_CAPACITY) {
    throw new Error(`contenuto del QR non valido per la versione 4-M: ${JSON.stringify(payload.slice(0, 70))}`);
  }
  // fit = 33 makes one module one unit, so the rectangles are the matrix itself.
  const node = loadEncoders().qr.measure({
    qr: payload,
    eccLevel: 'M',
    version: PAGOPA_QR_VERSION,
    fit: PAGOPA_QR_MODULES,
  });
  if (node._width !== PAGOPA_QR_MODULES || node._canvas === undefined) {
    throw new Error(`QR di ${String(node._width)} moduli invece di ${PAGOPA_QR_MODULES}`);
  }
  const dark = node._canvas.filter((r) => r.color === '#000' && r.w === 1 && r.h === 1);
  const runs = darkRuns(dark);
  return { svg: matrixSvg(PAGOPA_QR_MODULES, runs), modules: PAGOPA_QR_MODULES, runs };
}

/** A Data Matrix (ECC 200, size chosen by the encoder) of an ASCII text. */
export function dataMatrixSymbol(text: string): Symbol2d {
  const [symbol] = loadEncoders().bwip.raw({ bcid: 'datamatrix', text });
  if (symbol === undefined || !('pixs' in symbol)) throw new Error('Data Matrix non generato');
  const { pixs, pixx, pixy } = symbol;
  const dark: { x: number; y: number }[] = [];
  for (let y = 0; y < pixy; y++) {
    for (let x = 0; x < pixx; x++) if (pixs[y * pixx + x] === 1) dark.push({ x, y });
  }
  if (pixx !== pixy) throw new Error(`Data Matrix rettangolare ${pixx}x${pixy}: atteso quadrato`);
  const runs = darkRuns(dark);
  return { svg: matrixSvg(pixx, runs), modules: pixx, runs };
}

/** Dark modules merged into horizontal runs, top to bottom, left to right. */
function darkRuns(dark: readonly { x: number; y: number }[]): ModuleRun[] {
  const rows = new Map<number, number[]>();
  for (const { x, y } of dark) {
    const row = rows.get(y);
    if (row === undefined) rows.set(y, [x]);
    else row.push(x);
  }
  const runs: ModuleRun[] = [];
  for (const [y, xs] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
    xs.sort((a, b) => a - b);
    for (const x of xs) {
      const last = runs.at(-1);
      if (last !== undefined && last.y === y && last.x + last.length === x) last.length += 1;
      else runs.push({ x, y, length: 1 });
    }
  }
  return runs;
}

/** One path for all dark runs (for viewers and tests; the notice draws the runs itself). */
function matrixSvg(size: number, runs: readonly ModuleRun[]): string {
  const d = runs.map((r) => `M${r.x} ${r.y}h${r.length}v1h${-r.length}z`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" ` +
    `shape-rendering="crispEdges"><path fill="#000" d="${d}"/></svg>`
  );
}
