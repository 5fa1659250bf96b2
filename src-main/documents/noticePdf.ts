import type { Column, Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatCents } from '../../shared/money';
import { posteDataMatrix } from '../../shared/pagopa/datamatrix';
import type { EnteConfig } from '../../shared/pagopa/ente';
import { formatNavGroups } from '../../shared/pagopa/nav';
import { pagopaQrPayload } from '../../shared/pagopa/qr';
import { NOT_REGISTERED_WARNING, NOTICE_LIMITS, truncate } from '../../shared/pagopa/text';
import { formatRomeDateTime } from '../../shared/time';
import { dataMatrixSymbol, pagopaQrSymbol, type Symbol2d } from './barcodes';
import { NOTICE_TEXTS as T } from './noticeTexts';
import { FONT_NUMBERS, FONT_TEXT_SEMIBOLD, renderPdf } from './pdf';

/** Everything an A4 pagoPA notice says; the renderer cuts over-long fields to the guide's limits. */
export interface NoticeDocumentData {
  ente: EnteConfig;
  subject: string; // oggetto, <= 90 chars (truncated by the renderer if longer)
  debtor: { fiscalCode: string | null; fullName: string; address: string | null };
  totalCents: number;
  dueDate: string | null; // YYYY-MM-DD; null = "senza scadenza" variant
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
const PAGE_MARGIN_X = 34;
const CONTENT_WIDTH = 595.28 - 2 * PAGE_MARGIN_X;
/**
 * Columns have fixed widths: pdfmake widens a '*' column to its longest word, so one long run
 * without spaces (a pasted code) would push the amount off the page; a fixed column breaks it.
 */
const HALF_COLUMN = (CONTENT_WIDTH - 24) / 2;
const SYMBOL_COLUMN = QR_SIZE_PT + 8;
const AMOUNT_COLUMN = 170;
/** Inside a frame: content width minus cell padding (2 x 6) and borders, minus two gaps of 14. */
const FRAME_TEXT_COLUMN = CONTENT_WIDTH - 14 - 2 - SYMBOL_COLUMN - AMOUNT_COLUMN - 28;
const GREY = '#4a4a4a';
const HEADER_TOP = 24;
/** Top margin: header top, title, two lines of oggetto, rule, and a gap before the first module. */
const HEADER_HEIGHT = 112;
/** Extra room for the not-registered warning box. */
const WARNING_HEIGHT = 34;
const RULE_GREY = '#9a9a9a';

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

/** The pdfmake definition (exported for tests that inspect the layout without rendering). */
export function noticeDocument(data: NoticeDocumentData): TDocumentDefinitions {
  checkNotice(data);
  const f = fields(data);
  const headerHeight = data.registered ? HEADER_HEIGHT : HEADER_HEIGHT + WARNING_HEIGHT;
  return {
    pageSize: 'A4',
    pageMargins: [PAGE_MARGIN_X, headerHeight, PAGE_MARGIN_X, 40],
    info: {
      title: `Avviso di pagamento ${data.payments.map((p) => p.nav).join(', ')}`,
      author: f.enteName,
      subject: f.subject,
    },
    // The guide repeats the header on every page.
    header: () => header(data, f),
    footer: (page: number, pages: number): Content => ({
      margin: [PAGE_MARGIN_X, 12, PAGE_MARGIN_X, 0],
      columns: [
        { text: `${T.issuedOn} ${formatRomeDateTime(data.issuedAt)}`, fontSize: 7, color: GREY },
        { text: T.page(page, pages), fontSize: 7, color: GREY, alignment: 'right' },
      ],
    }),
    content: [partiesModule(data, f), amountAndWhereModule(data), ...paymentModules(data, f)],
    styles: {
      label: { font: FONT_TEXT_SEMIBOLD, fontSize: 7.5, color: GREY, characterSpacing: 0.3 },
      heading: { font: FONT_TEXT_SEMIBOLD, fontSize: 11, characterSpacing: 0.4, margin: [0, 0, 0, 4] },
      mono: { font: FONT_NUMBERS },
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
  };
}

function checkNotice(data: NoticeDocumentData): void {
  if (data.payments.length === 0) throw new Error('avviso senza pagamenti');
  const sum = data.payments.reduce((s, p) => s + p.amountCents, 0);
  if (sum !== data.totalCents) {
    throw new Error(`la somma delle rate (${sum}) non è il totale dell'avviso (${data.totalCents})`);
  }
  const many = data.payments.length > 1;
  data.payments.forEach((p, i) => {
    if (many ? p.installment !== i + 1 : p.installment !== null) {
      throw new Error(`rata ${String(p.installment)} in posizione ${i + 1}: numerazione non valida`);
    }
  });
  for (const date of [data.dueDate, ...data.payments.map((p) => p.dueDate)]) {
    if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`data di scadenza non valida: ${date}`);
  }
}

/** "31/12/2026" from "2026-12-31". */
function italianDate(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

function euro(cents: number): string {
  return `${formatCents(cents)} €`;
}

/**
 * The Intestazione, repeated on every page. pdfmake drops what does not fit in the top margin, so
 * the margin (HEADER_HEIGHT) always leaves room for an oggetto of 90 characters on two lines.
 */
function header(data: NoticeDocumentData, f: Fields): Content {
  const top: Content = {
    columns: [
      { width: '*', text: T.title, font: FONT_TEXT_SEMIBOLD, fontSize: 20, characterSpacing: 0.5 },
      { width: 200, text: f.enteName, bold: true, fontSize: 10, alignment: 'right', margin: [0, 6, 0, 0] },
    ],
  };
  const subject: Content = { text: f.subject, bold: true, fontSize: 12, margin: [0, 2, 0, 0] };
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
    margin: [PAGE_MARGIN_X, HEADER_TOP, PAGE_MARGIN_X, 0],
    stack: [top, subject, ...warning, rule(6)],
  };
}

function rule(marginTop: number): Content {
  return {
    margin: [0, marginTop, 0, 0],
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.6, lineColor: RULE_GREY }],
  };
}

function labelled(label: string, value: string, mono = false): Content {
  return {
    margin: [0, 3, 0, 0],
    stack: [
      { text: label, style: 'label' },
      mono ? { text: value, style: 'mono', fontSize: 9.5 } : { text: value, fontSize: 9.5 },
    ],
  };
}

function partiesModule(data: NoticeDocumentData, f: Fields): Content {
  const ente: Content[] = [
    { text: T.enteHeading, style: 'label' },
    { text: f.enteName, bold: true, fontSize: 12 },
    { text: f.enteSector, fontSize: 9.5 },
    ...(f.enteInfo === '' ? [] : [{ text: f.enteInfo, fontSize: 9, color: GREY }]),
    labelled(T.fiscalCode, data.ente.fiscalCode, true),
  ];
  const debtorCf = data.debtor.fiscalCode?.trim().toUpperCase() ?? '';
  const debtor: Content[] = [
    { text: T.debtorHeading, style: 'label' },
    { text: f.debtorName, bold: true, fontSize: 12 },
    ...(f.debtorAddress === null ? [] : [{ text: f.debtorAddress, fontSize: 9.5 }]),
    ...(debtorCf === '' ? [] : [labelled(T.fiscalCode, debtorCf, true)]),
  ];
  return {
    margin: [0, 4, 0, 0],
    columnGap: 24,
    columns: [
      { width: HALF_COLUMN, stack: ente },
      { width: HALF_COLUMN, stack: debtor },
    ],
  };
}

function amountAndWhereModule(data: NoticeDocumentData): Content {
  const count = data.payments.length;
  const amountLine: Content = {
    text: [
      { text: euro(data.totalCents), style: 'mono', bold: true, fontSize: 17 },
      ...(data.dueDate === null
        ? []
        : [
            { text: `  ${T.by} `, fontSize: 11 },
            { text: italianDate(data.dueDate), style: 'mono', bold: true, fontSize: 13 },
          ]),
    ],
    margin: [0, 2, 0, 4],
  };
  const installments: Content[] =
    count === 1
      ? []
      : [
          {
            margin: [0, 2, 0, 2],
            table: {
              widths: ['auto', 'auto', '*'],
              body: data.payments.map((p, i) => [
                { text: `Rata ${i + 1}`, fontSize: 9 },
                { text: euro(p.amountCents), style: 'mono', fontSize: 9, alignment: 'right' },
                {
                  text: p.dueDate === null ? 'senza scadenza' : `${T.by} ${italianDate(p.dueDate)}`,
                  fontSize: 9,
                },
              ]),
            },
            layout: 'noBorders',
          },
        ];
  const left: Content[] = [
    { text: data.dueDate === null ? T.howMuch : T.howMuchWhen, style: 'heading' },
    amountLine,
    ...(data.dueDate === null ? [{ text: T.noDueDate, fontSize: 9.5, bold: true }] : []),
    { text: count === 1 ? T.singlePayment : T.installments(count), fontSize: 9.5 },
    ...installments,
    { text: T.amountNote, fontSize: 8.5, color: GREY, margin: [0, 4, 0, 0] },
  ];
  const right: Content[] = [
    { text: T.where, style: 'heading' },
    { text: T.online, style: 'label' },
    { text: T.onlineText, fontSize: 8.5, margin: [0, 0, 0, 4] },
    { text: T.onSite, style: 'label' },
    { text: T.onSiteText, fontSize: 8.5, margin: [0, 0, 0, 4] },
    { text: T.channelsList, fontSize: 8.5, color: GREY },
  ];
  return {
    stack: [
      rule(10),
      {
        margin: [0, 8, 0, 0],
        columnGap: 24,
        columns: [
          { width: HALF_COLUMN, stack: left },
          { width: HALF_COLUMN, stack: right },
        ],
      },
    ],
  };
}

function paymentModules(data: NoticeDocumentData, f: Fields): Content[] {
  const count = data.payments.length;
  const intro: Content = {
    stack: [
      rule(10),
      { text: T.paymentData, style: 'heading', margin: [0, 8, 0, 0] },
      { text: T.paymentDataText, fontSize: 8.5, color: GREY, margin: [0, 0, 0, 6] },
    ],
  };
  const blocks = data.payments.flatMap((p, i): Content[] => {
    const title = `${count === 1 ? T.singleInstallment : T.installmentOf(i + 1, count)}${
      p.dueDate === null ? '' : ` ${T.by} ${italianDate(p.dueDate)}`
    }`;
    const bank = bankBlock(data, f, p, title);
    return data.ente.postal === null ? [bank] : [bank, postalBlock(data, f, p, title, data.ente.postal)];
  });
  return [intro, ...blocks];
}

type Payment = NoticeDocumentData['payments'][number];

/** A framed block that never splits across pages. */
function frame(left: string, right: string, body: Content): Content {
  return {
    unbreakable: true,
    margin: [0, 0, 0, 10],
    table: {
      widths: ['*'],
      body: [
        [
          {
            fillColor: '#eeeeee',
            margin: [6, 3, 6, 3],
            columns: [
              { text: left, font: FONT_TEXT_SEMIBOLD, fontSize: 10 },
              { text: right, font: FONT_TEXT_SEMIBOLD, fontSize: 10, alignment: 'right' },
            ],
          },
        ],
        [{ margin: [6, 6, 6, 6], stack: [body] }],
      ],
    },
    layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => RULE_GREY, vLineColor: () => RULE_GREY },
  };
}

/**
 * A symbol column: exactly `QR_SIZE_PT` wide, with room around it for the quiet zone. The symbol
 * is drawn as vector rectangles (one per run of dark modules): the same picture as its SVG at a
 * fraction of the cost, since pdfmake would parse the SVG text on every notice.
 */
function symbolColumn(symbol: Symbol2d): Column {
  const unit = QR_SIZE_PT / symbol.modules;
  // A hair of overlap between rows, so no rasteriser draws a light seam between them.
  const overlap = 0.02;
  return {
    width: SYMBOL_COLUMN,
    stack: [
      {
        margin: [4, 4, 4, 4],
        canvas: symbol.runs.map((r) => ({
          type: 'rect' as const,
          x: r.x * unit,
          y: r.y * unit,
          w: r.length * unit,
          h: unit + overlap,
          color: '#000',
          lineWidth: 0,
        })),
      },
    ],
  };
}

function bankBlock(data: NoticeDocumentData, f: Fields, p: Payment, title: string): Content {
  const qr = pagopaQrSymbol(pagopaQrPayload(p.nav, data.ente.fiscalCode, p.amountCents));
  return frame(T.banks, title, {
    columnGap: 14,
    columns: [
      symbolColumn(qr),
      {
        width: FRAME_TEXT_COLUMN,
        stack: [labelled(T.debtor, f.debtorName), labelled(T.ente, f.enteName), labelled(T.subject, f.subject)],
      },
      {
        width: AMOUNT_COLUMN,
        stack: [
          { text: T.amount, style: 'label' },
          { text: euro(p.amountCents), style: 'mono', bold: true, fontSize: 14 },
          labelled(T.nav, formatNavGroups(p.nav), true),
          labelled(T.enteFiscalCode, data.ente.fiscalCode, true),
          labelled(T.cbill, data.ente.cbill, true),
        ],
      },
    ],
  });
}

function postalBlock(
  data: NoticeDocumentData,
  f: Fields,
  p: Payment,
  title: string,
  postal: NonNullable<EnteConfig['postal']>,
): Content {
  const dm = dataMatrixSymbol(postalPayload(data.ente, p, f.debtorName, f.subject, data.debtor.fiscalCode));
  return frame(T.postal, title, {
    stack: [
      { text: T.postalText, fontSize: 8.5, color: GREY, margin: [0, 0, 0, 4] },
      {
        columnGap: 14,
        columns: [
          symbolColumn(dm),
          {
            width: FRAME_TEXT_COLUMN,
            stack: [
              labelled(T.postalHolder, f.enteName),
              labelled(T.debtor, f.debtorName),
              labelled(T.subject, f.subject),
              labelled(T.postalAuthorization, postal.authorization),
            ],
          },
          {
            width: AMOUNT_COLUMN,
            stack: [
              { text: T.amount, style: 'label' },
              { text: euro(p.amountCents), style: 'mono', bold: true, fontSize: 14 },
              labelled(T.postalAccount, postal.account, true),
              labelled(T.nav, formatNavGroups(p.nav), true),
              labelled(T.postalType, 'P1', true),
              labelled(T.enteFiscalCode, data.ente.fiscalCode, true),
            ],
          },
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
