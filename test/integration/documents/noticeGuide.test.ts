import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCents } from '../../../shared/money';
import { formatNavGroups } from '../../../shared/pagopa/nav';
import { renderNoticePdf, type NoticeDocumentData } from '../../../src-main/documents/noticePdf';
import { EXTRA, fill, GUIDE, GUIDE_VERSION } from '../../../src-main/documents/noticeTexts';
import texts from '../../../shared/pagopa/noticeTexts.it.json';
import { pdfText } from '../../support/scan';
import { NOTICE_KINDS, type NoticeKind } from './notice-fixtures';

/**
 * The fixed texts of each kind of notice, read back from the PDF (pdftotext) and compared with the
 * guide's strings: what the guide says must be there verbatim, what belongs to another kind must not.
 */

/** The reference copy of the guide's strings (shared/reference/pagopa-notice), next to the repository. */
function referenceStrings(): unknown {
  const rel = path.join('shared', 'reference', 'pagopa-notice', `strings-${GUIDE_VERSION}-it.json`);
  for (let dir = path.resolve(__dirname, '../../..'); ; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), rel);
    if (fs.existsSync(candidate)) return JSON.parse(fs.readFileSync(candidate, 'utf8'));
    if (path.dirname(dir) === dir) throw new Error(`${rel} non trovato accanto al repository`);
  }
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function renderedText(data: NoticeDocumentData): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-guide-'));
  const file = path.join(dir, 'avviso.pdf');
  fs.writeFileSync(file, await renderNoticePdf(data));
  return flat(pdfText(file, { raw: true }));
}

/** Titles are printed in capitals, as in the guide's notices; everything else as written. */
const upper = (s: string) => s.toLocaleUpperCase('it-IT');

function expectedTexts(data: NoticeDocumentData): { present: string[]; absent: string[] } {
  const full = data.payments[0]?.installment === null ? data.payments[0] : null;
  const rate = data.payments.filter((p) => p.installment !== null);
  const g = GUIDE;
  const present = [
    upper(g.intestazione.titolo),
    upper(g.infoEnteCreditore.titolo),
    upper(g.infoDestinatario.titolo),
    upper(g.dovePagare.titolo),
    g.dovePagare.cta,
    upper(g.dovePagare.italia.online.titolo),
    g.dovePagare.italia.online.descrizione.noEnte,
    upper(g.dovePagare.italia.territorio.titolo),
    g.dovePagare.italia.territorio.descrizione,
    g.importoScadenza.disclaimer.legal,
    upper(g.datiPagamento.titolo),
    g.datiPagamento.avviso.breve,
    g.datiPagamento.codiceFiscaleEnte.breve,
    g.datiPagamento.cbill.breve,
    g.datiPagamento.oggettoDelPagamento,
    g.datiPagamento.enteCreditore,
  ];
  const absent = [
    g.dovePagare.gps.online.titolo,
    g.dovePagare.estero.online.titolo,
    g.importoScadenza.disclaimer.scelta,
    g.importoScadenza.importo.ridotto,
    g.importoScadenza.importo.scontato,
    'DESTINATARIO AVVISO',
  ];
  const withDue = data.dueDate !== null;
  if (full !== null) {
    present.push(
      g.datiPagamento.destinatario,
      g.importoScadenza.importo.importo,
      `${formatCents(full.amountCents)} ${g.importoScadenza.euro}`,
      `${g.importoScadenza.euro} ${formatCents(full.amountCents)}`,
      g.datiPagamento.istruzioni.qrCode.rataUnica,
      withDue ? upper(g.importoScadenza.titolo) : upper(EXTRA.importoScadenza.titoloSenzaScadenza),
      full.dueDate === null
        ? g.datiPagamento.rataUnica
        : `${g.datiPagamento.rataUnica} ${g.datiPagamento.scadenza} ${full.dueDate.split('-').reverse().join('/')}`,
    );
    if (!withDue) absent.push(upper(g.importoScadenza.titolo), g.importoScadenza.scadenza.scadenza);
  } else {
    absent.push(g.datiPagamento.istruzioni.qrCode.rataUnica, g.datiPagamento.rataUnica);
  }
  if (rate.length > 0) {
    present.push(g.datiPagamento.istruzioni.qrCode.rate);
    for (const p of rate) {
      present.push(fill(g.datiPagamento.numRata, { Numero: p.installment ?? 0 }), formatNavGroups(p.nav));
    }
    if (full !== null) {
      present.push(fill(g.importoScadenza.disclaimer.rate.rate, { Numero: rate.length }));
      absent.push(fill(g.importoScadenza.disclaimer.rate.soloRate, { Numero: rate.length }));
    } else {
      present.push(
        fill(g.importoScadenza.disclaimer.rate.soloRate, { Numero: rate.length }),
        g.importoScadenza.disclaimer.rate.molteRate,
      );
    }
  } else {
    absent.push(g.datiPagamento.istruzioni.qrCode.rate, 'Puoi pagare');
  }
  const b = EXTRA.bollettino;
  if (data.ente.postal !== null) {
    present.push(upper(b.titolo), b.descrizione, b.conto, b.intestatario, b.oggetto, b.codiceFiscaleEnte, b.marchio);
  } else {
    absent.push(upper(b.titolo));
  }
  return { present, absent };
}

describe("the notice's fixed texts are the guide's", () => {
  it(`keeps the guide's strings ${GUIDE_VERSION} verbatim in one data file`, () => {
    expect(texts.guide).toEqual(referenceStrings());
  });

  it.each(Object.keys(NOTICE_KINDS) as NoticeKind[])('%s: every text of its kind, nothing of another', async (kind) => {
    const data = NOTICE_KINDS[kind]();
    const text = await renderedText(data);
    const { present, absent } = expectedTexts(data);
    for (const s of present) expect(text, s).toContain(flat(s));
    for (const s of absent) expect(text, s).not.toContain(flat(s));
  });

  it('names the Ente among the online channels when its own site takes payments', async () => {
    const data = NOTICE_KINDS.single();
    const text = await renderedText({ ...data, ente: { ...data.ente, paysOnOwnSite: true } });
    expect(text).toContain(fill(GUIDE.dovePagare.italia.online.descrizione.sitoEnte, { EnteNome: data.ente.name }));
    expect(text).not.toContain(GUIDE.dovePagare.italia.online.descrizione.noEnte);
  });
});
