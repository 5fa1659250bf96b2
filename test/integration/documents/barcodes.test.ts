import { describe, expect, it } from 'vitest';
import { dataMatrixSymbol, pagopaQrSymbol } from '../../../src-main/documents/barcodes';
import { noticeDocument, QR_SIZE_PT } from '../../../src-main/documents/noticePdf';
import { POSTAL_ENTE, singleNotice } from './notice-fixtures';

const PAYLOAD = 'PAGOPA|002|301000000001234519|00123450454|102099';

/** Dark modules of a symbol SVG, rebuilt from its path (runs of "M x y h w v1 ..."). */
function darkModules(svg: string): number {
  let count = 0;
  for (const m of svg.matchAll(/M(\d+) (\d+)h(\d+)/g)) count += Number(m[3]);
  return count;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every canvas of a document definition made only of rectangles (the symbols), depth first. */
function symbolCanvases(node: unknown): Rect[][] {
  if (Array.isArray(node)) return node.flatMap(symbolCanvases);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const canvas = record.canvas;
  const own =
    Array.isArray(canvas) && canvas.length > 0 && canvas.every((c) => (c as { type?: string }).type === 'rect')
      ? [canvas as Rect[]]
      : [];
  return [...own, ...Object.values(record).flatMap(symbolCanvases)];
}

describe('pagopaQrSymbol', () => {
  it('is a version 4 symbol: 33 x 33 modules', () => {
    const qr = pagopaQrSymbol(PAYLOAD);
    expect(qr.modules).toBe(33);
    expect(qr.svg).toContain('viewBox="0 0 33 33"');
    // The three finder patterns alone are 3 x 33 dark modules; a plausible symbol has far more.
    expect(darkModules(qr.svg)).toBeGreaterThan(99);
    expect(darkModules(qr.svg)).toBeLessThan(33 * 33);
  });
  it('refuses a text version 4-M cannot hold, instead of printing a wrong symbol', () => {
    expect(() => pagopaQrSymbol(`${PAYLOAD}${'0'.repeat(20)}`)).toThrow(/versione 4-M/);
    expect(() => pagopaQrSymbol('Perché')).toThrow();
  });
  it('differs for a different amount (the payload really is encoded)', () => {
    expect(pagopaQrSymbol(PAYLOAD).svg).not.toBe(pagopaQrSymbol(PAYLOAD.replace(/102099$/, '102098')).svg);
  });
});

describe('dataMatrixSymbol', () => {
  it('encodes 256 characters in a square symbol', () => {
    const dm = dataMatrixSymbol(`codfase=NBPA;${'X'.repeat(243)}`);
    expect(dm.modules).toBeGreaterThanOrEqual(44);
    expect(dm.svg).toContain(`viewBox="0 0 ${dm.modules} ${dm.modules}"`);
  });
});

describe('symbols on the notice', () => {
  it('are drawn 25 mm wide: one QR per payment, one Data Matrix per postal bulletin', () => {
    const doc = noticeDocument(singleNotice({ ente: POSTAL_ENTE }));
    const canvases = symbolCanvases(doc.content);
    expect(canvases).toHaveLength(2);
    expect(QR_SIZE_PT).toBeCloseTo((25 / 25.4) * 72, 6);
    for (const rects of canvases) {
      const left = Math.min(...rects.map((r) => r.x));
      const right = Math.max(...rects.map((r) => r.x + r.w));
      const top = Math.min(...rects.map((r) => r.y));
      // Finder pattern (QR) and L-shaped border (Data Matrix) touch both left and right edges.
      expect(left).toBeCloseTo(0, 6);
      expect(right).toBeCloseTo(QR_SIZE_PT, 6);
      expect(top).toBeCloseTo(0, 6);
    }
    // The QR canvas is the QR symbol: one rectangle per run of dark modules, none left out.
    const qr = pagopaQrSymbol(PAYLOAD);
    expect(canvases[0]).toHaveLength(qr.runs.length);
    const unit = QR_SIZE_PT / 33;
    expect(canvases[0]?.reduce((sum, r) => sum + r.w / unit, 0)).toBeCloseTo(darkModules(qr.svg), 6);
  });
});
