import type { Content, StyleDictionary, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ContoGiudiziale, PeriodReport, Rendiconto } from '../../shared/contract';
import { METHOD_LABELS, SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import type { AccountPeriod, ReceiptRange } from '../../shared/reports/account';
import type { Takings } from '../../shared/reports/totals';
import { formatLocalDate, formatRomeDateTime } from '../../shared/time';
import { FONT_NUMBERS } from './pdf';

/** What every report prints above its title: the Comune's header lines, and when it was made. */
export interface ReportFrame {
  header: string[];
  /** UTC ISO instant. */
  printedAt: string;
  /** Who asked for it: "Nome (codice)". */
  operator: string;
  /** Receipt numbers as printed ("SE1/2026/000001"). */
  receiptNo: (year: number, number: number) => string;
}

const MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

export function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`;
}

export const money = (cents: number): TableCell => ({
  text: formatEuro(cents),
  alignment: 'right',
  font: FONT_NUMBERS,
});
export const th = (text: string, right = false): TableCell => ({
  text,
  style: 'th',
  alignment: right ? 'right' : 'left',
});

/** The styles of the office's A4 documents (reports, Z report, attestations): one look for all. */
export const DOCUMENT_STYLES: StyleDictionary = {
  ente: { fontSize: 14, bold: true },
  office: { fontSize: 10 },
  title: { fontSize: 15, bold: true },
  section: { fontSize: 11, bold: true, margin: [0, 10, 0, 3] },
  th: { bold: true, fontSize: 9 },
  small: { fontSize: 8 },
};

export function document(frame: ReportFrame, title: string, subtitle: string, body: Content[]): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title, creator: 'Sportello Servizi Scolastici' },
    content: [
      ...frame.header.map((line, i): Content => ({ text: line, style: i === 0 ? 'ente' : 'office' })),
      { text: title, style: 'title', margin: [0, 12, 0, 2] },
      { text: subtitle, style: 'small', margin: [0, 0, 0, 8] },
      ...body,
    ],
    footer: (page, pages) => ({
      text: `${title} - stampato il ${formatRomeDateTime(frame.printedAt)} da ${frame.operator} - pagina ${page} di ${pages}`,
      style: 'small',
      margin: [40, 16, 40, 0],
    }),
    styles: DOCUMENT_STYLES,
    defaultStyle: { fontSize: 9 },
  };
}

export function table(widths: (string | number)[], head: TableCell[], rows: TableCell[][]): Content {
  return {
    table: { headerRows: 1, widths, body: [head, ...rows] },
    layout: 'lightHorizontalLines',
  };
}

function takingsSection(
  title: string,
  heading: string,
  rows: { label: string; t: Takings }[],
  total: Takings,
): Content[] {
  const line = (label: string, t: Takings, bold = false): TableCell[] => [
    { text: label, bold },
    { text: String(t.count), alignment: 'right' },
    money(t.grossCents),
    { text: String(t.voidCount), alignment: 'right' },
    money(t.voidedCents),
    { ...(money(t.netCents) as object), bold } as TableCell,
  ];
  return [
    { text: title, style: 'section' },
    table(
      ['*', 50, 75, 40, 75, 75],
      [
        th(heading),
        th('Ricariche', true),
        th('Lordo', true),
        th('Storni', true),
        th('Stornato', true),
        th('Netto', true),
      ],
      [...rows.map((r) => line(r.label, r.t)), line('Totale', total, true)],
    ),
  ];
}

/** Rapporto per periodo: by counter, service, method, operator and day, each with voids apart and net. */
export function periodReportDocument(frame: ReportFrame, r: PeriodReport): TDocumentDefinitions {
  const subtitle = `Dal ${formatLocalDate(r.from)} al ${formatLocalDate(r.to)} - sportelli: ${r.counters.join(', ') || 'nessuno'}`;
  return document(frame, 'Rapporto degli incassi per la Ragioneria', subtitle, [
    ...takingsSection(
      'Per sportello',
      'Sportello',
      r.byCounter.map((x) => ({ label: x.counterCode, t: x })),
      r.total,
    ),
    ...takingsSection(
      'Per servizio',
      'Servizio',
      r.byService.map((x) => ({ label: SERVICE_LABELS[x.service], t: x })),
      r.total,
    ),
    ...takingsSection(
      'Per metodo di pagamento',
      'Metodo',
      r.byMethod.map((x) => ({ label: METHOD_LABELS[x.method], t: x })),
      r.total,
    ),
    ...takingsSection(
      'Per operatore',
      'Operatore',
      r.byOperator.map((x) => ({ label: x.operator === null ? x.name : `${x.name} (${x.operator})`, t: x })),
      r.total,
    ),
    ...takingsSection(
      'Per giorno',
      'Giorno',
      r.byDay.map((x) => ({ label: formatLocalDate(x.date), t: x })),
      r.total,
    ),
  ]);
}

function ranges(frame: ReportFrame, rs: readonly ReceiptRange[]): string {
  if (rs.length === 0) return 'nessuna';
  return rs
    .map((r) =>
      r.from === r.to
        ? frame.receiptNo(r.year, r.from)
        : `dal ${frame.receiptNo(r.year, r.from)} al ${frame.receiptNo(r.year, r.to)}`,
    )
    .join('; ');
}

function remittanceTable(periods: readonly AccountPeriod[]): Content {
  const rows = periods.flatMap((p) =>
    p.remittances.map((m): TableCell[] => [formatLocalDate(m.date), m.reference, m.documentNo, money(m.amountCents)]),
  );
  if (rows.length === 0) return { text: 'Nessun versamento nel periodo.' };
  return table(
    [70, '*', 110, 80],
    [th('Data'), th('Riferimento (quietanza)'), th('Documento'), th('Importo', true)],
    rows,
  );
}

const owedNote = (methods: readonly string[]) =>
  `Dovuto: il netto riscosso ${methods.length === 2 ? 'in contanti e con bancomat/carta' : 'in contanti'} ` +
  (methods.length === 2
    ? '(in farmacia entrambi entrano nella cassa e nel conto della farmacia).'
    : '(i pagamenti con bancomat/carta sono accreditati dal gestore del POS direttamente alla Tesoreria).');

/** The pharmacy's monthly rendiconto. */
export function rendicontoDocument(frame: ReportFrame, r: Rendiconto): TDocumentDefinitions {
  const p = r.period;
  const method = (m: 'cash' | 'card') => p.byMethod.find((x) => x.method === m)?.takings.netCents ?? 0;
  const rows: [string, number, boolean?][] = [
    ['Da versare dal mese precedente', p.openingCents],
    ['Riscosso (lordo)', p.collected.grossCents],
    [`Stornato (${p.collected.voidCount} storni)`, -p.collected.voidedCents],
    ['Riscosso netto', p.collected.netCents, true],
    ['   di cui in contanti', method('cash')],
    ['   di cui con bancomat/carta', method('card')],
    ['Dovuto per il mese', p.owedCents],
    ['Versato in Tesoreria', -p.remittedCents],
    ['Ancora da versare', p.closingCents, true],
  ];
  return document(frame, `Rendiconto mensile - ${monthName(r.month)}`, `${r.counterName} (${r.counterCode})`, [
    table(
      ['*', 110],
      [th('Voce'), th('Importo', true)],
      rows.map(([label, cents, bold]) => [{ text: label, bold: bold ?? false }, money(cents)]),
    ),
    { text: owedNote(r.owedMethods), style: 'small', margin: [0, 4, 0, 0] },
    { text: 'Ricevute emesse', style: 'section' },
    {
      text: `${p.receipts.count} ricevute (di cui ${p.receipts.voids} di storno): ${ranges(frame, p.receipts.ranges)}.`,
    },
    { text: 'Versamenti in Tesoreria', style: 'section' },
    remittanceTable([p]),
    signatures(['Il titolare della farmacia (agente contabile)', 'Per il Comune: visto']),
  ]);
}

function signatures(labels: string[]): Content {
  return {
    margin: [0, 30, 0, 0],
    columns: labels.map((label) => ({
      stack: [{ text: label }, { text: '\n\n______________________________' }],
    })),
  };
}

/** The conto giudiziale (modello 21): month by month riscossioni and versamenti, balance carried over. */
export function contoDocument(frame: ReportFrame, c: ContoGiudiziale): TDocumentDefinitions {
  const monthRows = c.months.map((p): TableCell[] => [
    MONTHS[Number(p.from.slice(5, 7)) - 1] ?? '',
    { text: ranges(frame, p.receipts.ranges), fontSize: 7 },
    { text: String(p.receipts.count), alignment: 'right' },
    money(p.collected.netCents),
    money(p.owedCents),
    money(p.remittedCents),
    { text: p.remittances.map((m) => m.reference).join(', '), fontSize: 7 },
    money(p.closingCents),
  ]);
  const totalRow: TableCell[] = [
    { text: 'Totale', bold: true },
    '',
    { text: String(c.totals.receipts), alignment: 'right' },
    money(c.totals.collected.netCents),
    money(c.totals.owedCents),
    money(c.totals.remittedCents),
    '',
    money(c.closingCents),
  ];
  return document(
    frame,
    `Conto giudiziale dell'agente contabile - esercizio ${c.year}`,
    'Modello 21 (art. 233 TUEL, DPR 31 gennaio 1996 n. 194) - agente contabile della riscossione',
    [
      table(
        [130, '*'],
        [th('Ente'), th(`${c.ente.name}${c.ente.fiscalCode ? ` - C.F. ${c.ente.fiscalCode}` : ''}`)],
        [
          ['Agente contabile', c.agent || '______________________________'],
          ['Sportello', `${c.counterName} (${c.counterCode})`],
          ['Esercizio', String(c.year)],
          ['Saldo iniziale da versare', money(c.openingCents)],
        ],
      ),
      { text: 'Riscossioni e versamenti per mese', style: 'section' },
      table(
        [48, '*', 34, 62, 62, 62, 60, 62],
        [
          th('Mese'),
          th('Ricevute (numeri)'),
          th('N.', true),
          th('Riscosso netto', true),
          th('Dovuto', true),
          th('Versato', true),
          th('Quietanze'),
          th('Saldo', true),
        ],
        [...monthRows, totalRow],
      ),
      {
        text:
          `Riscosso lordo ${formatEuro(c.totals.collected.grossCents)}, stornato ${formatEuro(c.totals.collected.voidedCents)} ` +
          `(storni: ${c.totals.collected.voidCount}; ricevute di storno: ${c.totals.voidReceipts}). ${owedNote(c.owedMethods)}`,
        style: 'small',
        margin: [0, 4, 0, 0],
      },
      { text: 'Versamenti in Tesoreria', style: 'section' },
      remittanceTable(c.months),
      {
        text: `Saldo finale da versare al 31/12/${c.year}: ${formatEuro(c.closingCents)}`,
        bold: true,
        margin: [0, 8, 0, 0],
      },
      signatures(["L'agente contabile", "Per l'Ente: visto di regolarità del responsabile del servizio finanziario"]),
      {
        margin: [0, 20, 0, 0],
        text: 'Parificato con le scritture contabili dell\u2019Ente il ____________   Trasmesso alla Corte dei conti il ____________',
      },
    ],
  );
}
