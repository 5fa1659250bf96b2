import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { expect, it } from 'vitest';
import { FONT_NUMBERS, FONT_TEXT_SEMIBOLD, renderPdf } from '../../../src-main/documents/pdf';
import { pdfText } from '../../support/pdf-text';

/** A document with its date fixed and PDFKit's random file id taken out: the rest is its content. */
function doc(words: string): TDocumentDefinitions {
  return {
    info: { title: 'prova', creationDate: new Date(0) },
    content: [
      { text: `Attestazione ${words}: 1.020,99 €`, bold: true },
      { text: 'Perché la città è più bella', italics: true },
      { text: 'RSSMRA80A01F023K 3010 0000 0001 2345 19', font: FONT_NUMBERS },
      { text: 'Dati per il pagamento', font: FONT_TEXT_SEMIBOLD },
    ],
  };
}
const withoutId = (pdf: Buffer) => pdf.toString('latin1').replace(/\/ID \[[^\]]*\]/, '');

// The first document of this file is the first of its process: it parses the fonts as PDFKit does;
// the later ones reuse the parsed fonts and the shaped words, and must write the same PDF.
it('a document written over the shared parsed fonts is the one PDFKit writes parsing them afresh', async () => {
  const first = await renderPdf(doc('prima'));
  // Other glyphs in between (capitals, digits) must not leak into the next document's font subset.
  const other = await renderPdf(doc('ZQXJWK 987654 ÀÈÌÒÙ'));
  const again = await renderPdf(doc('prima'));
  expect(withoutId(again)).toBe(withoutId(first));
  expect(withoutId(other)).not.toBe(withoutId(first));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-fonts-'));
  fs.writeFileSync(path.join(dir, 'other.pdf'), other);
  expect(pdfText(path.join(dir, 'other.pdf'))).toContain('Attestazione ZQXJWK 987654 ÀÈÌÒÙ: 1.020,99 €');
  // Each document embeds its own subsets: the fonts it uses and no others.
  expect(withoutId(again).match(/\/Type \/Font\b/g)?.length).toBe(withoutId(first).match(/\/Type \/Font\b/g)?.length);
});
