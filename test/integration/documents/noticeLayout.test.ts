import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  keepBlocksTogether,
  noticeDocument,
  noticeSymbols,
  QR_SIZE_PT,
  symbolId,
  type NoticeDocumentData,
} from '../../../src-main/documents/noticePdf';
import { renderPdf } from '../../../src-main/documents/pdf';
import { decodeDataMatrices, decodeQrCodes } from '../../support/scan';
import { NOTICE_KINDS, type NoticeKind } from './notice-fixtures';

/**
 * Each kind of notice rendered to PNG, and each QR code and Data Matrix looked for exactly where
 * the layout put it: pdfmake reports the page and top-left corner of every symbol node, the page is
 * rasterised at 200 dpi around that 25 mm square only, and the crop must decode to that payment's
 * payload. A symbol drawn elsewhere, at another size or overlapped by something decodes to nothing.
 */

interface Placed {
  page: number;
  left: number;
  top: number;
}

async function renderWithPositions(data: NoticeDocumentData): Promise<{ file: string; placed: Map<string, Placed> }> {
  const placed = new Map<string, Placed>();
  const doc = noticeDocument(data);
  // The notice's own page-break rule, listening in: every node it sees comes with its position.
  doc.pageBreakBefore = (node) => {
    const start = node.startPosition;
    if (typeof node.id === 'string') placed.set(node.id, { page: start.pageNumber, left: start.left, top: start.top });
    return keepBlocksTogether(node);
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-layout-'));
  const file = path.join(dir, 'avviso.pdf');
  fs.writeFileSync(file, await renderPdf(doc));
  return { file, placed };
}

const DPI = 200;
/** Quiet zone kept around the symbol in the crop, in points. */
const MARGIN = 8;

/** The square of the page where a symbol was placed, as a PNG of its own. */
function crop(file: string, at: Placed, name: string): string {
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  const prefix = path.join(path.dirname(file), name);
  execFileSync('pdftoppm', [
    ...['-r', String(DPI), '-f', String(at.page), '-l', String(at.page), '-singlefile', '-png'],
    ...['-x', String(px(at.left - MARGIN)), '-y', String(px(at.top - MARGIN))],
    ...['-W', String(px(QR_SIZE_PT + 2 * MARGIN)), '-H', String(px(QR_SIZE_PT + 2 * MARGIN))],
    file,
    prefix,
  ]);
  return `${prefix}.png`;
}

describe('every QR code and Data Matrix decodes where the layout puts it', () => {
  it.each(Object.keys(NOTICE_KINDS) as NoticeKind[])('%s', async (kind) => {
    const data = NOTICE_KINDS[kind]();
    const { file, placed } = await renderWithPositions(data);
    const symbols = noticeSymbols(data);
    data.payments.forEach((p, i) => {
      const at = placed.get(symbolId('qr', p));
      expect(at, `QR di ${p.nav}`).toBeDefined();
      expect(decodeQrCodes(crop(file, at!, `qr-${i}`))).toEqual([symbols.qr[i]]);
    });
    const postal = data.ente.postal !== null;
    expect(symbols.dataMatrix).toHaveLength(postal ? data.payments.length : 0);
    data.payments.forEach((p, i) => {
      const at = placed.get(symbolId('dm', p));
      if (!postal) {
        expect(at).toBeUndefined();
        return;
      }
      expect(at, `Data Matrix di ${p.nav}`).toBeDefined();
      expect(decodeDataMatrices(crop(file, at!, `dm-${i}`), 1)).toEqual([symbols.dataMatrix[i]]);
    });
  });

  it('puts the QR codes of the instalments side by side, 2 or 3 to a row, after the rata unica', async () => {
    const three = NOTICE_KINDS.fullOr3();
    const { placed } = await renderWithPositions(three);
    const [full, ...rate] = three.payments.map((p) => placed.get(symbolId('qr', p))!);
    expect(rate.map((r) => r.top)).toEqual([rate[0]!.top, rate[0]!.top, rate[0]!.top]);
    expect(rate[0]!.top).toBeGreaterThan(full!.top + QR_SIZE_PT);
    expect(rate[0]!.left).toBeLessThan(rate[1]!.left);
    expect(rate[1]!.left).toBeLessThan(rate[2]!.left);
    const two = NOTICE_KINDS.fullOr2();
    const twoPlaced = (await renderWithPositions(two)).placed;
    const [a, b] = two.payments.slice(1).map((p) => twoPlaced.get(symbolId('qr', p))!);
    expect(a!.top).toBe(b!.top);
    expect(b!.left - a!.left).toBeGreaterThan(250);
  });
});
