import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { posteDataMatrix } from '../../../shared/pagopa/datamatrix';
import { formatNavGroups } from '../../../shared/pagopa/nav';
import { NOT_REGISTERED_WARNING } from '../../../shared/pagopa/text';
import { noticeSymbols, renderNoticePdf, type NoticeDocumentData } from '../../../src-main/documents/noticePdf';
import { writeFileAtomically } from '../../../src-main/documents/pdf';
import { decodeDataMatrices, decodeQrCodes, pdfPageCount, pdfText, pdfToPngs } from '../../support/scan';
import { NAV, POSTAL_ENTE, instalmentNotice, singleNotice } from './notice-fixtures';

interface ReadBack {
  text: string;
  /** In content-stream order: a field wrapped over lines is not interleaved with its neighbour column. */
  rawText: string;
  pages: number;
  qr: string[];
  dataMatrix: string[];
}

/**
 * Renders, saves, rasterises at 200 dpi and decodes every symbol of every page. On each page,
 * dmtxread looks for as many Data Matrix symbols as the page's text has postal bulletins.
 */
async function renderAndRead(data: NoticeDocumentData): Promise<ReadBack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  const file = path.join(dir, 'documents', 'avvisi', `${data.payments[0]?.nav ?? 'x'}.pdf`);
  writeFileAtomically(file, await renderNoticePdf(data));
  const pngs = pdfToPngs(file, 200);
  const pages = pdfPageCount(file);
  expect(pngs).toHaveLength(pages);
  return {
    text: pdfText(file),
    rawText: pdfText(file, { raw: true }),
    pages,
    qr: pngs.flatMap((png) => decodeQrCodes(png)),
    dataMatrix: pngs.flatMap((png, i) => {
      const bulletins = pdfText(file, { page: i + 1 }).split('BOLLETTINO POSTALE PA').length - 1;
      return decodeDataMatrices(png, bulletins);
    }),
  };
}

/** pdftotext breaks lines where the layout does: compare with whitespace collapsed. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('A4 pagoPA notice, read back from its pixels and text', () => {
  it('rata unica with a due date: the QR is the pagoPA payload, the text has what the guide asks', async () => {
    const data = singleNotice();
    const read = await renderAndRead(data);
    expect(read.pages).toBe(1);
    expect(read.qr).toEqual(['PAGOPA|002|301000000001234519|00123450454|102099']);
    expect(read.qr).toEqual(noticeSymbols(data).qr);
    const text = flat(read.text);
    expect(text).toContain('AVVISO DI PAGAMENTO');
    expect(text).toContain('Ricarica refezione scolastica');
    expect(text).toContain('3010 0000 0001 2345 19');
    expect(text).toContain('1.020,99 Euro');
    expect(text).toContain('Euro 1.020,99');
    expect(text).toContain('Rata unica entro il 31/12/2026');
    expect(text).toContain('Niccolò Rossi');
    expect(text).toContain('Comune di Carrara');
    expect(text).toContain('RSSMRA72L09H501S');
    expect(text).toContain('00123450454');
    expect(text).toContain('AB1C2');
    expect(text).toContain('QUANTO E QUANDO PAGARE?');
    expect(text).toContain('DOVE PAGARE?');
    expect(text).not.toContain('Avviso in corso di registrazione');
    expect(text).not.toContain('BOLLETTINO POSTALE PA');
    expect(read.dataMatrix).toEqual([]);
    // The modules come in the guide's order.
    const order = ['AVVISO DI PAGAMENTO', 'ENTE CREDITORE', 'QUANTO E QUANDO PAGARE?', 'DATI PER IL PAGAMENTO'];
    // The title bands carry the codici fiscali, the Destinatario's without "AVVISO".
    expect(text).toMatch(/ENTE CREDITORE 00123450454/);
    expect(text).toContain('DESTINATARIO');
    expect(text).not.toContain('DESTINATARIO AVVISO');
    const positions = order.map((s) => text.indexOf(s));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('senza scadenza: "Quanto pagare?" and no due date anywhere', async () => {
    const data = singleNotice({
      dueDate: null,
      totalCents: 5,
      payments: [{ nav: NAV, amountCents: 5, dueDate: null, installment: null }],
    });
    const read = await renderAndRead(data);
    expect(read.qr).toEqual(['PAGOPA|002|301000000001234519|00123450454|05']);
    const text = flat(read.text);
    expect(text).toContain('QUANTO PAGARE?');
    expect(text).not.toContain('QUANTO E QUANDO');
    expect(text).toContain('Rata unica');
    expect(text).not.toContain('entro il');
    expect(text).toContain('0,05 Euro');
  });

  it('three instalments: one QR per rata, each with its own codice avviso and amount', async () => {
    const data = instalmentNotice();
    const read = await renderAndRead(data);
    const expected = data.payments.map((p) => `PAGOPA|002|${p.nav}|00123450454|34033`);
    expect(new Set(expected).size).toBe(3);
    expect([...read.qr].sort()).toEqual([...expected].sort());
    expect(read.qr).toHaveLength(3);
    const text = flat(read.text);
    for (const p of data.payments) expect(text).toContain(formatNavGroups(p.nav));
    for (const rata of ['Rata 1', 'Rata 2', 'Rata 3', '31/12/2026', '31/01/2027', '28/02/2027']) {
      expect(text).toContain(rata);
    }
    expect(text.split('340,33').length - 1).toBe(3);
    // Instalments only: no amount to pay in full, no rata unica.
    expect(text).toContain('Puoi pagare in 3 rate');
    expect(text).not.toContain('Rata unica');
    expect(text).not.toContain('1.020,99');
    // The header repeats on every page.
    expect(text.split('AVVISO DI PAGAMENTO').length - 1).toBe(read.pages);
  });

  it('with a postal account: the Data Matrix decodes to the 256-character Poste string', async () => {
    const data = singleNotice({ ente: POSTAL_ENTE });
    const read = await renderAndRead(data);
    const expected = posteDataMatrix({
      nav: NAV,
      postalAccount: '12345678',
      amountCents: 102099,
      enteFiscalCode: '00123450454',
      debtorFiscalCode: 'RSSMRA72L09H501S',
      debtorName: 'Niccolò Rossi',
      subject: 'Ricarica refezione scolastica',
    });
    expect(expected).toHaveLength(256);
    expect(read.dataMatrix).toEqual([expected]);
    expect(read.dataMatrix).toEqual(noticeSymbols(data).dataMatrix);
    expect(read.qr).toEqual(['PAGOPA|002|301000000001234519|00123450454|102099']);
    const text = flat(read.text);
    expect(text).toContain('BOLLETTINO POSTALE PA');
    expect(text).toContain('12345678');
    expect(text).toContain('AUT/2026/0042 del 01/02/2026');
  });

  it('three instalments with the postal bulletin: every QR and Data Matrix on every page decodes', async () => {
    const data = instalmentNotice({ ente: POSTAL_ENTE, registered: false });
    const read = await renderAndRead(data);
    expect(read.pages).toBeGreaterThan(1);
    const symbols = noticeSymbols(data);
    expect([...read.qr].sort()).toEqual([...symbols.qr].sort());
    expect([...read.dataMatrix].sort()).toEqual([...symbols.dataMatrix].sort());
    expect(read.dataMatrix).toHaveLength(3);
    // The warning is in the header, so on every page.
    expect(flat(read.text).split(NOT_REGISTERED_WARNING).length - 1).toBe(read.pages);
  });

  it('not registered yet: the notice says plainly that it cannot be paid until confirmed', async () => {
    const read = await renderAndRead(singleNotice({ registered: false }));
    expect(flat(read.text)).toContain(NOT_REGISTERED_WARNING);
    // The QR is printed all the same: the family pays once the central has registered it.
    expect(read.qr).toHaveLength(1);
  });

  it('cuts over-long fields to the guide limits with an ellipsis and never loses the QR', async () => {
    const subject = `Ricarica refezione scolastica per ${'molti pasti '.repeat(10)}`.trim();
    const fullName = `Maria Antonietta ${'Dell’Acqua '.repeat(8)}`.trim();
    const read = await renderAndRead(
      singleNotice({ subject, debtor: { fiscalCode: null, fullName, address: `Via ${'Lunga '.repeat(40)}` } }),
    );
    const text = flat(read.rawText);
    expect(text).toContain(`${subject.slice(0, 89).trimEnd()}…`);
    expect(text).not.toContain(subject);
    expect(text).toContain(`${fullName.slice(0, 69).trimEnd()}…`);
    expect(text).not.toContain(fullName);
    // No debtor fiscal code: the field is omitted, not printed empty.
    expect(text).not.toMatch(/DESTINATARIO\s+[A-Z0-9]{16}/);
    expect(read.qr).toEqual(['PAGOPA|002|301000000001234519|00123450454|102099']);
  });

  it('keeps a long run without spaces inside its column: amount, codice avviso and QR stay on the page', async () => {
    const run = 'X'.repeat(90);
    const read = await renderAndRead(singleNotice({ subject: run, registered: false }));
    const text = read.rawText.replace(/\s+/g, '');
    // The run is broken across lines, never cut: all 90 characters are there (header and block).
    expect(text.split(run).length - 1).toBe(2);
    expect(flat(read.text)).toContain('3010 0000 0001 2345 19');
    expect(flat(read.text)).toContain('Euro 1.020,99');
    expect(flat(read.text)).toContain(NOT_REGISTERED_WARNING);
    expect(read.qr).toEqual(['PAGOPA|002|301000000001234519|00123450454|102099']);
  });
});

describe('renderNoticePdf under concurrency', () => {
  it('renders several notices at once, each with its own data (pdfmake is one shared instance)', async () => {
    const notices = [0, 1, 2, 3].map((i) => {
      const base = instalmentNotice().payments[i % 3];
      const nav = base?.nav ?? NAV;
      return singleNotice({
        totalCents: 1000 + i,
        payments: [{ nav, amountCents: 1000 + i, dueDate: '2026-12-31', installment: null }],
        debtor: { fiscalCode: null, fullName: `Famiglia numero ${i}`, address: null },
      });
    });
    const pdfs = await Promise.all(notices.map((n) => renderNoticePdf(n)));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    pdfs.forEach((pdf, i) => {
      const file = path.join(dir, `${i}.pdf`);
      fs.writeFileSync(file, pdf);
      const text = flat(pdfText(file));
      expect(text).toContain(`Famiglia numero ${i}`);
      expect(text).toContain(`10,0${i} Euro`);
      for (let j = 0; j < 4; j++) if (j !== i) expect(text).not.toContain(`Famiglia numero ${j}`);
    });
  });
});

describe('renderNoticePdf refuses an inconsistent notice', () => {
  it('when the instalments do not add up to the total', async () => {
    await expect(renderNoticePdf(instalmentNotice({ totalCents: 100 }))).rejects.toThrow(/somma delle rate/);
  });
  it('when a rata unica carries an instalment number or rate are out of order', async () => {
    const single = singleNotice();
    const numbered = { ...single, payments: single.payments.map((p) => ({ ...p, installment: 1 })) };
    await expect(renderNoticePdf(numbered)).rejects.toThrow(/numerazione/);
    const rate = instalmentNotice();
    await expect(renderNoticePdf({ ...rate, payments: [...rate.payments].reverse() })).rejects.toThrow(/numerazione/);
  });
  it('when a codice avviso is wrong', async () => {
    const bad = singleNotice({
      payments: [{ nav: '301000000001234518', amountCents: 102099, dueDate: null, installment: null }],
    });
    await expect(renderNoticePdf(bad)).rejects.toThrow(/codice avviso/);
  });
});
