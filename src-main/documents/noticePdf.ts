import type { Column, Content, ContentCanvas, Node, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatCents } from '../../shared/money';
import { posteDataMatrix } from '../../shared/pagopa/datamatrix';
import { logoParts, type EnteConfig } from '../../shared/pagopa/ente';
import { formatNavGroups } from '../../shared/pagopa/nav';
import { pagopaQrPayload } from '../../shared/pagopa/qr';
import { NOT_REGISTERED_WARNING, NOTICE_LIMITS, truncate } from '../../shared/pagopa/text';
import { dataMatrixSymbol, pagopaQrSymbol, type Symbol2d } from './barcodes';
import {
  APP_ICON_SVG,
  cornerMarksSvg,
  EURO_BOX_SVG,
  INFO_ICON_SVG,
  PAGOPA_LOGO_SVG,
  POSTAL_CIRCUIT_SVG,
  SCISSORS_SVG,
  TERRITORY_ICON_SVG,
} from './noticeArt';
import { EXTRA, fill, GUIDE } from './noticeTexts';
import { FONT_NUMBERS, FONT_TEXT_SEMIBOLD, renderPdf } from './pdf';

/**
 * The A4 pagoPA notice as the guide "Avvisi di pagamento" 3.x draws it: header with the pagoPA
 * logo, the oggetto and the Ente's logo; grey title bands; Ente creditore and Destinatario; Quanto
 * e quando pagare? and Dove pagare?; Dati per il pagamento: the rata unica, then the instalments
 * side by side, then (with a postal account) the Bollettini postali PA. Texts from noticeTexts.
 */

/** Everything an A4 pagoPA notice says; the renderer cuts over-long fields to the guide's limits. */
export interface NoticeDocumentData {
  ente: EnteConfig;
  subject: string; // oggetto, <= 90 chars (truncated by the renderer if longer)
  debtor: { fiscalCode: string | null; fullName: string; address: string | null };
  /** The whole debt: the rata unica's amount, or the sum of the instalments. */
  totalCents: number;
  dueDate: string | null; // YYYY-MM-DD; null = "senza scadenza" variant
  /**
   * In print order: one rata unica (installment null); or instalments 1..n (the notice says
   * "Puoi pagare in n rate"); or a rata unica followed by instalments 1..n ("per intero o in n rate").
   */
  payments: { nav: string; amountCents: number; dueDate: string | null; installment: number | null }[];
  issuedAt: string; // ISO
  /** false: the notice says plainly that it is not yet registered and a PSP refuses it until then. */
  registered: boolean;
}

/** What the symbols on a notice encode, one entry per payment, in print order (tests read them back). */
export interface NoticeSymbols {
  qr: string[];
  dataMatrix: string[];
}

/** 25 mm in points: the printed size of the QR code (and of the Poste Data Matrix). */
export const QR_SIZE_PT = (25 / 25.4) * 72;

const PAGE_WIDTH = 595.28;
/** Text starts 28 pt from the left edge; the grey bands run to the edges, as in the guide. */
const INSET_LEFT = 28;
const INSET_RIGHT = 28.7;
const HALF_BAND = 294.5;
const BAND_GAP = 6.5;
const RIGHT_BAND = PAGE_WIDTH - HALF_BAND - BAND_GAP;
/** Where the second column's text starts, from the right band's left edge. */
const RIGHT_TEXT_INSET = 22;
/** Inside the left band the text stops this far before the band ends. */
const LEFT_BAND_END_INSET = 11.5;
/** The rata unica block: QR and its instruction on the left, data from here on. */
const DATA_COLUMN_X = 167;
const BAND_GREY = '#ebebeb';
const GREY = '#5c6f82';
const HEADER_TOP = 27;
/** Top margin: logo, label, an oggetto of two lines and the Ente's logo, then the first band. */
const HEADER_HEIGHT = 125;
/** Extra room for the not-registered warning box. */
const WARNING_HEIGHT = 34;
const ENTE_LOGO_BOX: [number, number] = [80, 86];
/** Between the left and right insets. */
const CONTENT_WIDTH = PAGE_WIDTH - INSET_LEFT - INSET_RIGHT;
/** The amount column of the rata unica and the codes under it. */
const AMOUNT_WIDTH = 110;
/** Instalment boxes: 2 or 3 to a row, from this far from the left edge. */
const BOX_LEFT = 19.4;
const BOX_INSET = 8.6;

const NO_LINES = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};

export async function renderNoticePdf(data: NoticeDocumentData): Promise<Buffer> {
  return renderPdf(noticeDocument(data));
}

/** The payloads the notice will carry: QR per payment, Data Matrix per payment when the Ente has a postal account. */
export function noticeSymbols(data: NoticeDocumentData): NoticeSymbols {
  const f = fields(data);
  return {
    qr: data.payments.map((p) => pagopaQrPayload(p.nav, data.ente.fiscalCode, p.amountCents)),
    dataMatrix:
      data.ente.postal === null
        ? []
        : data.payments.map((p) => postalPayload(data.ente, p, f.debtorName, f.subject, data.debtor.fiscalCode)),
  };
}

const KEEP_TOGETHER = 'keep:';

/** The layout id of a block that must not be split across two pages. */
function keepTogether(name: string): string {
  return `${KEEP_TOGETHER}${name}`;
}

/**
 * A payment block that would straddle two pages starts on the next one. (pdfmake's `unbreakable`
 * does the same but then reports the positions of what is inside as if the block were at the top
 * of its own page; a test reads those positions to find each symbol.)
 */
export function keepBlocksTogether(node: Node): boolean {
  return typeof node.id === 'string' && node.id.startsWith(KEEP_TOGETHER) && node.pageNumbers.length > 1;
}

/** A content node with a layout id (pdfmake accepts one on every node; its types only on some). */
function withId<T extends Content>(id: string, content: T): T {
  return Object.assign(content, { id });
}

/** The pdfmake definition (exported for tests that inspect the layout without rendering). */
export function noticeDocument(data: NoticeDocumentData): TDocumentDefinitions {
  const plan = checkNotice(data);
  const f = fields(data);
  const headerHeight = data.registered ? HEADER_HEIGHT : HEADER_HEIGHT + WARNING_HEIGHT;
  return {
    pageSize: 'A4',
    pageMargins: [0, headerHeight, 0, 20],
    info: {
      title: `${GUIDE.intestazione.titolo} ${data.payments.map((p) => p.nav).join(', ')}`,
      author: f.enteName,
      subject: f.subject,
      creationDate: new Date(data.issuedAt),
    },
    // The guide repeats the header on every page.
    header: () => header(data, f),
    pageBreakBefore: keepBlocksTogether,
    content: [partiesModule(data, f), amountAndWhereModule(data, plan), ...paymentModules(data, f, plan)],
    styles: {
      band: { bold: true, fontSize: 9 },
      label: { fontSize: 7 },
      value: { bold: true, fontSize: 7.5 },
      mono: { font: FONT_NUMBERS, bold: true },
    },
  };
}

interface Fields {
  subject: string;
  enteName: string;
  enteSector: string;
  enteInfo: string;
  debtorName: string;
  debtorAddress: string | null;
  debtorFiscalCode: string;
}

/** Every free-text field cut to its limit once, so the page and the Data Matrix say the same thing. */
function fields(data: NoticeDocumentData): Fields {
  return {
    subject: truncate(data.subject, NOTICE_LIMITS.subject),
    enteName: truncate(data.ente.name, NOTICE_LIMITS.enteName),
    enteSector: truncate(data.ente.sector, NOTICE_LIMITS.enteSector),
    enteInfo: truncate(data.ente.info, NOTICE_LIMITS.enteInfo),
    debtorName: truncate(data.debtor.fullName, NOTICE_LIMITS.debtorName),
    debtorAddress:
      data.debtor.address === null || data.debtor.address.trim() === ''
        ? null
        : truncate(data.debtor.address, NOTICE_LIMITS.debtorAddress),
    debtorFiscalCode: data.debtor.fiscalCode?.trim().toUpperCase() ?? '',
  };
}

type Payment = NoticeDocumentData['payments'][number];

/** Which kind of notice the payments make. */
interface Plan {
  full: Payment | null;
  instalments: Payment[];
}

function checkNotice(data: NoticeDocumentData): Plan {
  const [first, ...rest] = data.payments;
  if (first === undefined) throw new Error('avviso senza pagamenti');
  const full = first.installment === null ? first : null;
  const instalments = full === null ? data.payments : rest;
  if (full === null && instalments.length === 1) {
    throw new Error('rata 1 in posizione 1: numerazione non valida (una sola rata è una rata unica)');
  }
  instalments.forEach((p, i) => {
    if (p.installment !== i + 1) {
      throw new Error(`rata ${String(p.installment)} in posizione ${i + 1}: numerazione non valida`);
    }
  });
  if (full !== null && full.amountCents !== data.totalCents) {
    throw new Error(`la rata unica (${full.amountCents}) non è il totale dell'avviso (${data.totalCents})`);
  }
  if (instalments.length > 0) {
    const sum = instalments.reduce((s, p) => s + p.amountCents, 0);
    if (sum !== data.totalCents) {
      throw new Error(`la somma delle rate (${sum}) non è il totale dell'avviso (${data.totalCents})`);
    }
  }
  for (const date of [data.dueDate, ...data.payments.map((p) => p.dueDate)]) {
    if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`data di scadenza non valida: ${date}`);
  }
  return { full, instalments };
}

/** "31/12/2026" from "2026-12-31". */
function italianDate(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

const upper = (text: string): string => text.toLocaleUpperCase('it-IT');

/**
 * The Intestazione, repeated on every page: the pagoPA logo with "AVVISO DI PAGAMENTO" as its label,
 * the oggetto as the title, the Ente's logo top right. pdfmake drops what does not fit in the top
 * margin, so the margin always leaves room for an oggetto of 90 characters on two lines.
 */
function header(data: NoticeDocumentData, f: Fields): Content {
  const logo = enteLogo(data.ente);
  const left: Column = {
    // Fixed widths everywhere a free text goes: pdfmake widens a '*' column to its longest word, so
    // one long run without spaces (a pasted code) would push the rest off the page.
    width: logo === null ? CONTENT_WIDTH : CONTENT_WIDTH - ENTE_LOGO_BOX[0] - 16,
    stack: [
      {
        columns: [
          { width: 42, svg: PAGOPA_LOGO_SVG },
          {
            width: '*',
            text: upper(GUIDE.intestazione.titolo),
            bold: true,
            fontSize: 9,
            margin: [6, 1, 0, 0],
          },
        ],
      },
      { text: f.subject, bold: true, fontSize: 15, margin: [0, 15, 0, 0] },
    ],
  };
  const warning: Content[] = data.registered
    ? []
    : [
        {
          margin: [0, 6, 0, 0],
          table: {
            widths: ['*'],
            body: [[{ text: NOT_REGISTERED_WARNING, bold: true, fontSize: 10.5, margin: [6, 4, 6, 4] }]],
          },
          layout: { hLineWidth: () => 1.5, vLineWidth: () => 1.5 },
        },
      ];
  return {
    margin: [INSET_LEFT, HEADER_TOP, INSET_RIGHT, 0],
    stack: [
      {
        columnGap: 16,
        columns: logo === null ? [left] : [left, { width: ENTE_LOGO_BOX[0], stack: [logo] }],
      },
      ...warning,
    ],
  };
}

/** The Ente's logo from its configuration (PNG or SVG bytes, never a file or a URL). */
function enteLogo(ente: EnteConfig): Content | null {
  if (ente.logo === null) return null;
  const { type, base64 } = logoParts(ente.logo);
  if (type === 'png') return { image: ente.logo, fit: ENTE_LOGO_BOX, alignment: 'right' };
  return { svg: Buffer.from(base64, 'base64').toString('utf8'), fit: ENTE_LOGO_BOX, alignment: 'right' };
}

/** A grey title band `width` wide: title on the left, something on the right. */
function band(
  width: number,
  insets: [number, number],
  title: string,
  right: Content | null = null,
  capitals = true,
): Content {
  const titleCell: Column = { width: '*', text: capitals ? upper(title) : title, style: 'band' };
  return {
    table: {
      widths: [width],
      body: [
        [
          {
            fillColor: BAND_GREY,
            margin: [insets[0], 7, insets[1], 6],
            columns: right === null ? [titleCell] : [titleCell, { width: 'auto', stack: [right] }],
          },
        ],
      ],
    },
    layout: NO_LINES,
  };
}

/** Two bands side by side, left and right half of the page. */
function twoBands(left: Content, right: Content): Content {
  return {
    columnGap: 0,
    columns: [
      { width: HALF_BAND, stack: [left] },
      { width: BAND_GAP, text: '' },
      { width: RIGHT_BAND, stack: [right] },
    ],
  };
}

function leftBand(title: string, right: Content | null): Content {
  return band(HALF_BAND, [INSET_LEFT, LEFT_BAND_END_INSET], title, right);
}

function rightBand(title: string, right: Content | null): Content {
  return band(RIGHT_BAND, [RIGHT_TEXT_INSET, INSET_RIGHT], title, right);
}

/** The two halves under a pair of bands. */
function twoHalves(left: Content[], right: Content[], top: number): Content {
  return {
    columnGap: 0,
    columns: [
      { width: HALF_BAND, margin: [INSET_LEFT, top, LEFT_BAND_END_INSET, 0], stack: left },
      { width: BAND_GAP, text: '' },
      { width: RIGHT_BAND, margin: [RIGHT_TEXT_INSET, top, INSET_RIGHT, 0], stack: right },
    ],
  };
}

function mono(text: string, fontSize: number): Content {
  return { text, style: 'mono', fontSize };
}

function partiesModule(data: NoticeDocumentData, f: Fields): Content {
  const ente: Content[] = [
    { text: f.enteName, bold: true, fontSize: 13 },
    { text: f.enteSector, fontSize: 11, margin: [0, 12, 0, 0] },
    ...(f.enteInfo === '' ? [] : [{ text: f.enteInfo, fontSize: 7, margin: [0, 12, 0, 0] } as Content]),
  ];
  // "Via Roma 1, 54033 Carrara (MS)": street and town on two lines, as in the guide.
  const address = f.debtorAddress?.replace(/, (?=\d{5}\b)/, '\n') ?? null;
  const debtor: Content[] = [
    { text: f.debtorName, bold: true, fontSize: 13 },
    ...(address === null ? [] : [{ text: address, fontSize: 11, margin: [0, 12, 0, 0] } as Content]),
  ];
  return {
    stack: [
      twoBands(
        leftBand(GUIDE.infoEnteCreditore.titolo, {
          text: data.ente.fiscalCode,
          font: FONT_NUMBERS,
          fontSize: 8,
          margin: [0, 1, 0, 0],
        }),
        rightBand(
          GUIDE.infoDestinatario.titolo,
          f.debtorFiscalCode === ''
            ? null
            : { text: f.debtorFiscalCode, font: FONT_NUMBERS, fontSize: 8, margin: [0, 1, 0, 0] },
        ),
      ),
      twoHalves(ente, debtor, 14),
    ],
  };
}

function note(text: string): Content {
  return {
    margin: [0, 6, 0, 0],
    columns: [
      { width: 10, svg: INFO_ICON_SVG },
      { width: '*', text, fontSize: 7.5, margin: [6, 0, 0, 0] },
    ],
  };
}

function channel(title: string, text: string, icon: string): Content {
  return {
    margin: [0, 0, 0, 10],
    columns: [
      {
        width: '*',
        stack: [
          { text: upper(title), bold: true, fontSize: 9 },
          { text, fontSize: 7.5 },
        ],
      },
      { width: 34, svg: icon, margin: [8, 0, 0, 0] },
    ],
  };
}

function amountAndWhereModule(data: NoticeDocumentData, plan: Plan): Content {
  const count = plan.instalments.length;
  const withDate = data.dueDate !== null;
  const title =
    withDate || plan.full === null ? GUIDE.importoScadenza.titolo : EXTRA.importoScadenza.titoloSenzaScadenza;
  const left: Content[] = [];
  if (plan.full !== null) {
    left.push({
      columns: [
        {
          width: '*',
          stack: [
            { text: GUIDE.importoScadenza.importo.importo, font: FONT_TEXT_SEMIBOLD, fontSize: 7 },
            { text: `${formatCents(data.totalCents)} ${GUIDE.importoScadenza.euro}`, bold: true, fontSize: 15 },
          ],
        },
        ...(data.dueDate === null
          ? []
          : [
              {
                width: 110,
                stack: [
                  { text: GUIDE.importoScadenza.scadenza.scadenza, font: FONT_TEXT_SEMIBOLD, fontSize: 7 },
                  { text: italianDate(data.dueDate), bold: true, fontSize: 15 },
                ],
              } as Column,
            ]),
      ],
    });
    if (count > 0) left.push(note(fill(GUIDE.importoScadenza.disclaimer.rate.rate, { Numero: count })));
  } else {
    left.push({
      text: fill(GUIDE.importoScadenza.disclaimer.rate.soloRate, { Numero: count }),
      bold: true,
      fontSize: 13,
    });
    left.push(note(GUIDE.importoScadenza.disclaimer.rate.molteRate));
  }
  left.push(note(GUIDE.importoScadenza.disclaimer.legal));

  const d = GUIDE.dovePagare;
  const online = data.ente.paysOnOwnSite
    ? fill(d.italia.online.descrizione.sitoEnte, { EnteNome: data.ente.name })
    : d.italia.online.descrizione.noEnte;
  const cta = d.cta.split('pagopa.gov.it');
  const ctaContent: Content = {
    text: [
      { text: cta[0] ?? '', fontSize: 7.5 },
      { text: 'pagopa.gov.it', font: FONT_TEXT_SEMIBOLD, fontSize: 9 },
      { text: cta.slice(1).join('pagopa.gov.it'), fontSize: 7.5 },
    ],
  };
  const right: Content[] = [
    channel(d.italia.online.titolo, online, APP_ICON_SVG),
    channel(d.italia.territorio.titolo, d.italia.territorio.descrizione, TERRITORY_ICON_SVG),
  ];
  return {
    margin: [0, 10, 0, 0],
    stack: [twoBands(leftBand(title, null), rightBand(d.titolo, ctaContent)), twoHalves(left, right, 14)],
  };
}

function paymentModules(data: NoticeDocumentData, f: Fields, plan: Plan): Content[] {
  const fullTitle =
    plan.full === null
      ? null
      : plan.full.dueDate === null
        ? GUIDE.datiPagamento.rataUnica
        : `${GUIDE.datiPagamento.rataUnica} ${GUIDE.datiPagamento.scadenza} ${italianDate(plan.full.dueDate)}`;
  const head = band(
    PAGE_WIDTH,
    [INSET_LEFT, INSET_RIGHT],
    GUIDE.datiPagamento.titolo,
    fullTitle === null ? null : { text: fullTitle, style: 'band' },
  );
  const out: Content[] = [];
  if (plan.full !== null) {
    out.push(
      withId(keepTogether('rata-unica'), { margin: [0, 10, 0, 0], stack: [head, fullBlock(data, f, plan.full)] }),
    );
  } else {
    out.push({ margin: [0, 10, 0, 0], stack: [head] });
  }
  out.push(...instalmentRows(data, f, plan.instalments));
  if (data.ente.postal !== null) {
    const postal = data.ente.postal;
    for (const p of [...(plan.full === null ? [] : [plan.full]), ...plan.instalments]) {
      out.push(postalBlock(data, f, p, postal));
    }
  }
  return out;
}

/**
 * A symbol exactly `QR_SIZE_PT` wide, drawn as vector rectangles (one per run of dark modules):
 * the same picture as its SVG at a fraction of the cost, since pdfmake would parse SVG text on
 * every notice.
 */
function symbol(symbol2d: Symbol2d, id: string): Content {
  const unit = QR_SIZE_PT / symbol2d.modules;
  // A hair of overlap between rows, so no rasteriser draws a light seam between them.
  const overlap = 0.02;
  const node: ContentCanvas & { id: string } = {
    id,
    canvas: symbol2d.runs.map((r) => ({
      type: 'rect' as const,
      x: r.x * unit,
      y: r.y * unit,
      w: r.length * unit,
      h: unit + overlap,
      color: '#000',
      lineWidth: 0,
    })),
  };
  return node;
}

/**
 * The layout id of a payment's QR code or Data Matrix: pdfmake reports where it placed the node,
 * so a test can look for the symbol exactly there.
 */
export function symbolId(kind: 'qr' | 'dm', p: { nav: string }): string {
  return `${kind}:${p.nav}`;
}

function labelled(label: string, value: Content, top = 4): Content {
  return { margin: [0, top, 0, 0], stack: [{ text: label, style: 'label' }, value] };
}

/** "Inquadra il codice QR …": the guide's sentence, with "codice QR" in bold as in its notices. */
function qrInstruction(sentence: string): Content {
  const [before, ...after] = sentence.split(EXTRA.istruzioni.codiceQr);
  return {
    fontSize: 7,
    text:
      after.length === 0
        ? sentence
        : [before ?? '', { text: EXTRA.istruzioni.codiceQr, bold: true }, after.join(EXTRA.istruzioni.codiceQr)],
  };
}

function euroAmount(cents: number, size: number): Content {
  return {
    text: [
      { text: `${GUIDE.importoScadenza.euro} `, fontSize: size - 2 },
      { text: formatCents(cents), font: FONT_NUMBERS, bold: true, fontSize: size },
    ],
  };
}

/** The rata unica: QR and its instruction, the parties, the amount and the three codes. */
function fullBlock(data: NoticeDocumentData, f: Fields, p: Payment): Content {
  const qr = pagopaQrSymbol(pagopaQrPayload(p.nav, data.ente.fiscalCode, p.amountCents));
  const dp = GUIDE.datiPagamento;
  const leftWidth = DATA_COLUMN_X - INSET_LEFT;
  return {
    margin: [INSET_LEFT, 16, INSET_RIGHT, 0],
    stack: [
      {
        columnGap: 0,
        columns: [
          { width: leftWidth, stack: [symbol(qr, symbolId('qr', p))] },
          {
            width: CONTENT_WIDTH - leftWidth - AMOUNT_WIDTH,
            stack: [
              labelled(dp.destinatario, { text: f.debtorName, style: 'value' }, 0),
              labelled(dp.enteCreditore, { text: f.enteName, style: 'value' }),
              labelled(dp.oggettoDelPagamento, { text: f.subject, style: 'value' }),
            ],
          },
          { width: AMOUNT_WIDTH, stack: [euroAmount(p.amountCents, 11)], alignment: 'right' },
        ],
      },
      {
        margin: [0, 10, 0, 0],
        columnGap: 0,
        columns: [
          { width: leftWidth - 14, stack: [qrInstruction(dp.istruzioni.qrCode.rataUnica)] },
          { width: 14, text: '' },
          { width: 100, stack: [labelled(dp.cbill.breve, mono(data.ente.cbill, 9), 0)] },
          {
            width: CONTENT_WIDTH - leftWidth - 100 - AMOUNT_WIDTH,
            stack: [labelled(dp.avviso.breve, mono(formatNavGroups(p.nav), 9), 0)],
          },
          {
            width: AMOUNT_WIDTH,
            alignment: 'right',
            stack: [labelled(dp.codiceFiscaleEnte.breve, mono(data.ente.fiscalCode, 9), 0)],
          },
        ],
      },
    ],
  };
}

/** Instalments side by side: 2 to a row for 2 or 4 of them, else 3 (the last row may hold fewer). */
function instalmentRows(data: NoticeDocumentData, f: Fields, instalments: Payment[]): Content[] {
  if (instalments.length === 0) return [];
  const perRow = instalments.length === 2 || instalments.length === 4 ? 2 : 3;
  const gap = perRow === 2 ? 18.7 : 16.5;
  const width = perRow === 2 ? 269 : 174;
  const rows: Content[] = [];
  for (let i = 0; i < instalments.length; i += perRow) {
    const row = instalments.slice(i, i + perRow);
    rows.push(
      withId(keepTogether(`rate-${i}`), {
        margin: [BOX_LEFT, 10, 0, 0],
        columnGap: gap,
        columns: row.map((p) => ({ width, stack: [instalmentBox(data, f, p, width)] })),
      }),
    );
  }
  return rows;
}

function instalmentBox(data: NoticeDocumentData, f: Fields, p: Payment, width: number): Content {
  const dp = GUIDE.datiPagamento;
  const qr = pagopaQrSymbol(pagopaQrPayload(p.nav, data.ente.fiscalCode, p.amountCents));
  const amountAndDate: Content[] = [
    labelled(GUIDE.importoScadenza.euro, mono(formatCents(p.amountCents), 9.5), 0),
    ...(p.dueDate === null ? [] : [labelled(dp.scadenza, mono(italianDate(p.dueDate), 9.5), 6)]),
  ];
  return {
    stack: [
      band(width, [BOX_INSET, BOX_INSET], fill(dp.numRata, { Numero: p.installment ?? 0 }), null, false),
      {
        margin: [BOX_INSET, 8, BOX_INSET, 0],
        stack: [
          {
            columnGap: 4,
            columns: [
              { width: '*', stack: amountAndDate },
              { width: QR_SIZE_PT, stack: [symbol(qr, symbolId('qr', p))] },
            ],
          },
          labelled(dp.avviso.breve, mono(formatNavGroups(p.nav), 9.5), 6),
          {
            columns: [
              { width: '*', stack: [labelled(dp.codiceFiscaleEnte.breve, mono(data.ente.fiscalCode, 9.5))] },
              { width: '*', stack: [labelled(dp.cbill.breve, mono(data.ente.cbill, 9.5))] },
            ],
          },
          labelled(dp.oggettoDelPagamento, { text: f.subject, style: 'value' }, 8),
          labelled(dp.enteCreditore, { text: f.enteName, style: 'value' }, 3),
          { margin: [0, 8, 0, 0], stack: [qrInstruction(dp.istruzioni.qrCode.rate)] },
        ],
      },
    ],
  };
}

function inline(label: string, value: string): Content {
  return {
    margin: [0, 5, 0, 0],
    text: [
      { text: `${label}  `, fontSize: 7.5 },
      { text: value, style: 'value' },
    ],
  };
}

/** The Bollettino postale PA of one payment, with the Poste marks and its Data Matrix. */
function postalBlock(
  data: NoticeDocumentData,
  f: Fields,
  p: Payment,
  postal: NonNullable<EnteConfig['postal']>,
): Content {
  const b = EXTRA.bollettino;
  const dm = dataMatrixSymbol(postalPayload(data.ente, p, f.debtorName, f.subject, data.debtor.fiscalCode));
  const which =
    p.installment === null
      ? GUIDE.datiPagamento.rataUnica
      : fill(GUIDE.datiPagamento.numRata, { Numero: p.installment });
  const title = p.dueDate === null ? which : `${which} ${b.scadenza} ${italianDate(p.dueDate)}`;
  const leftWidth = DATA_COLUMN_X - INSET_LEFT;
  const head: Content = {
    table: {
      widths: [PAGE_WIDTH],
      body: [
        [
          {
            fillColor: BAND_GREY,
            margin: [INSET_LEFT, 7, INSET_RIGHT, 6],
            columnGap: 0,
            columns: [
              { width: leftWidth, text: upper(b.titolo), style: 'band' },
              {
                width: '*',
                text: [
                  { text: b.marchio.slice(0, 5), fontSize: 9 },
                  { text: b.marchio.slice(5), bold: true, fontSize: 9 },
                ],
              },
              { width: 'auto', text: title, style: 'band' },
            ],
          },
        ],
      ],
    },
    layout: NO_LINES,
  };
  const poste: Content[] = [
    {
      text: [
        { text: 'Poste', bold: true, fontSize: 15 },
        { text: 'italiane', fontSize: 15 },
      ],
    },
    { width: 26, svg: POSTAL_CIRCUIT_SVG, margin: [0, 6, 0, 0] },
    { text: b.descrizione, fontSize: 7.5, margin: [0, 8, 0, 0] },
    { text: postal.authorization, fontSize: 6, color: GREY, margin: [0, 8, 0, 0] },
  ];
  const middle: Content[] = [
    {
      columns: [
        { width: 22, svg: EURO_BOX_SVG },
        {
          width: '*',
          margin: [6, 4, 0, 0],
          text: [
            { text: `${b.conto} `, fontSize: 9 },
            { text: postal.account.padStart(12, '0'), font: FONT_NUMBERS, bold: true, fontSize: 11 },
          ],
        },
      ],
    },
    { margin: [0, 6, 0, 0], stack: [inline(b.intestatario, f.enteName)] },
    inline(b.destinatario, f.debtorName),
    inline(b.oggetto, f.subject),
    {
      margin: [0, 10, 0, 0],
      columns: [
        { width: '*', stack: [labelled(b.avviso, mono(formatNavGroups(p.nav), 9), 0)] },
        { width: 50, stack: [labelled(b.tipo, mono(b.tipoDocumento, 9), 0)] },
        { width: 'auto', alignment: 'right', stack: [labelled(b.codiceFiscaleEnte, mono(data.ente.fiscalCode, 9), 0)] },
      ],
    },
  ];
  const marks = QR_SIZE_PT + 10;
  const right: Content[] = [
    { alignment: 'right', stack: [euroAmount(p.amountCents, 11)] },
    {
      margin: [0, 10, 0, 0],
      stack: [
        { svg: cornerMarksSvg(marks, 8), width: marks },
        { relativePosition: { x: 5, y: -marks + 5 }, stack: [symbol(dm, symbolId('dm', p))] },
      ],
    },
  ];
  return withId(keepTogether(`bollettino-${p.nav}`), {
    margin: [0, 14, 0, 0],
    stack: [
      { svg: SCISSORS_SVG, width: 11, margin: [PAGE_WIDTH - INSET_RIGHT - 11, 0, 0, 2] },
      head,
      {
        margin: [INSET_LEFT, 14, INSET_RIGHT, 0],
        columnGap: 0,
        columns: [
          { width: leftWidth - 14, stack: poste },
          { width: 14, text: '' },
          { width: CONTENT_WIDTH - leftWidth - 16 - marks, stack: middle },
          { width: 16, text: '' },
          { width: marks, stack: right },
        ],
      },
    ],
  });
}

function postalPayload(
  ente: EnteConfig,
  p: Payment,
  debtorName: string,
  subject: string,
  debtorFiscalCode: string | null,
): string {
  if (ente.postal === null) throw new Error("l'ente non ha un conto corrente postale");
  return posteDataMatrix({
    nav: p.nav,
    postalAccount: ente.postal.account,
    amountCents: p.amountCents,
    enteFiscalCode: ente.fiscalCode,
    debtorFiscalCode,
    debtorName,
    subject,
  });
}
