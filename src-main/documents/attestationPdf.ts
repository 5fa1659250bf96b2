import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AttestationView } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { dataAsOfText } from '../../shared/statement/statement';
import { formatLocalDate, formatRomeDateTime, romeDate } from '../../shared/time';
import { DOCUMENT_STYLES, money, table, th } from './reportsPdf';

export interface AttestationFrame {
  /** The Ente's header lines (the receipts'). */
  header: string[];
  enteFiscalCode: string | null;
  counterName: string;
  /** UTC ISO instant. */
  printedAt: string;
  /** Who printed it: "Nome (codice)". */
  operator: string;
}

export const STAMP_DUTY_NOTE =
  "Documento esente dall'imposta di bollo ai sensi dell'art. 5 della Tabella B allegata al D.P.R. 26 ottobre 1972, n. 642.";

/** "Nessun pagamento nel 2025 per questo servizio." */
export function noPaymentText(taxYear: number): string {
  return `Nessun pagamento nel ${taxYear} per questo servizio.`;
}

/**
 * The attestazione for the 730 on A4: the Ente, the protocol, the child and the service, what was paid
 * in the year (traceable and cash), the 730 code and limit, the payers, the year's notes, the stamp
 * duty exemption and the office's signature line.
 */
export function attestationDocument(frame: AttestationFrame, a: AttestationView): TDocumentDefinitions {
  const c = a.account.child;
  const issued = formatLocalDate(romeDate(new Date(a.issuedAt)));
  const title = 'Attestazione delle spese per la dichiarazione dei redditi';
  const bold = (cell: TableCell): TableCell => ({ ...(cell as object), bold: true }) as TableCell;
  const figures: Content[] = a.none
    ? [{ text: noPaymentText(a.taxYear), style: 'section' }]
    : [
        {
          text:
            `Si attesta che per il servizio indicato sono stati pagati nell'anno ${a.taxYear} ` +
            '(criterio di cassa: conta il giorno del pagamento) i seguenti importi:',
        },
        table(
          ['*', 90],
          [th('Pagamenti'), th('Importo', true)],
          [
            ['Tracciabili (carta, bancomat, pagoPA)', money(a.traceableCents)],
            ['In contanti', money(a.cashCents)],
            [{ text: `Totale pagato nel ${a.taxYear}`, bold: true }, bold(money(a.totalCents))],
          ],
        ),
      ];
  const limit =
    a.limitCents === null
      ? 'nessun limite proprio del codice'
      : `limite di spesa ${formatEuro(a.limitCents)} per ciascun figlio`;
  return {
    pageSize: 'A4',
    pageMargins: [50, 40, 50, 50],
    info: { title, creator: 'Sportello Servizi Scolastici' },
    content: [
      ...frame.header.map((line, i): Content => ({ text: line, style: i === 0 ? 'ente' : 'office' })),
      ...(frame.enteFiscalCode === null ? [] : [{ text: `Codice fiscale ${frame.enteFiscalCode}`, style: 'office' }]),
      { text: title, style: 'title', margin: [0, 14, 0, 2] },
      {
        text: `Anno d'imposta ${a.taxYear} - Protocollo n. ${a.protocolNo} del ${issued}`,
        style: 'small',
      },
      { text: `Pagamenti noti allo sportello: ${dataAsOfText(a.dataAsOf)}.`, style: 'small', margin: [0, 0, 0, 8] },
      { text: 'Servizio e bambino/a', style: 'section' },
      {
        text: [
          `${SERVICE_LABELS[a.account.service]} - codice Pa-Pay ${a.account.papayCode}\n`,
          `${c.firstName} ${c.surname}`,
          c.fiscalCode === undefined ? '' : `, codice fiscale ${c.fiscalCode}`,
          c.school === '' ? '' : ` - ${c.school}`,
          c.parent === undefined
            ? '\nNessun adulto di riferimento registrato.'
            : `\nAdulto di riferimento: ${c.parent.name}, codice fiscale ${c.parent.fiscalCode}`,
        ].join(''),
      },
      { text: `Pagamenti nel ${a.taxYear}`, style: 'section' },
      ...figures,
      { text: 'Dichiarazione dei redditi', style: 'section' },
      { text: `Codice della spesa nel modello 730 (quadro E, righi E8-E10): ${a.code} - ${limit}.` },
      {
        text:
          a.payerCfs.length === 0
            ? 'Codice fiscale di chi ha pagato: non indicato al momento del pagamento.'
            : `Codice fiscale di chi ha pagato, come indicato al pagamento: ${a.payerCfs.join(', ')}.`,
      },
      ...a.notes.map((n): Content => ({ text: n, style: 'small', margin: [0, 4, 0, 0] })),
      { text: STAMP_DUTY_NOTE, style: 'small', margin: [0, 8, 0, 0] },
      {
        text: `Rilasciata dallo sportello ${frame.counterName} il ${issued}.`,
        margin: [0, 16, 0, 0],
      },
      {
        stack: [
          "Per l'Ufficio Servizi Educativi e Scolastici",
          '(timbro e firma)',
          '\n\n______________________________',
        ],
        alignment: 'right',
        margin: [0, 16, 0, 0],
      },
    ],
    footer: (page, pages) => ({
      text: `${title} - protocollo ${a.protocolNo} - stampata il ${formatRomeDateTime(frame.printedAt)} da ${frame.operator} - pagina ${page} di ${pages}`,
      style: 'small',
      margin: [50, 16, 50, 0],
    }),
    styles: DOCUMENT_STYLES,
    defaultStyle: { fontSize: 10 },
  };
}
