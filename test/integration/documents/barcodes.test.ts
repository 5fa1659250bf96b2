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

/** Every svg node of a document definition, depth first. */
function svgNodes(node: unknown): { svg: string; width: number }[] {
  if (Array.isArray(node)) return node.flatMap(svgNodes);
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.svg === 'string' ? [{ svg: record.svg, width: Number(record.width) }] : [];
  return [...own, ...Object.values(record).flatMap(svgNodes)];
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
    const nodes = svgNodes(doc.content);
    expect(nodes).toHaveLength(2);
    for (const node of nodes) expect(node.width).toBeCloseTo(70.866, 2);
    expect(QR_SIZE_PT).toBeCloseTo((25 / 25.4) * 72, 6);
    expect(nodes[0]?.svg).toBe(pagopaQrSymbol(PAYLOAD).svg);
  });
});
