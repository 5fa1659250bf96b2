import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { RegistrationView } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatLocalDate, formatRomeDateTime } from '../../shared/time';
import { FONT_NUMBERS, FONT_TEXT_SEMIBOLD } from './pdf';

export interface EnrolmentSummaryData {
  registration: RegistrationView;
  /** Header lines (the Comune and its office). */
  header: string[];
  /** Where it was signed ("Carrara") and the counter's name. */
  place: string;
  counterName: string;
  consentText: string;
}

/** Said beside every code that the central service has not confirmed yet. */
export const PROVISIONAL_NOTE = 'provvisorio: valido solo dopo la conferma del servizio centrale';

/**
 * The A4 summary the family takes away and signs: parent, children, services with their details,
 * tariffs with the ISEE band, "fuori termine" marks, each account's codice Pa-Pay (a provisional
 * one plainly marked), the consent statement, place and date, signature lines. Printed again once
 * the codes are confirmed, it shows the real ones.
 */
export function enrolmentSummaryDocument(data: EnrolmentSummaryData): TDocumentDefinitions {
  const r = data.registration;
  const p = r.parent;
  const content: Content[] = [
    ...data.header.map((line, i): Content => ({ text: line, style: i === 0 ? 'ente' : 'office' })),
    { text: 'Riepilogo iscrizione ai servizi scolastici', style: 'title', margin: [0, 14, 0, 2] },
    {
      text: `Iscrizione n. ${r.registrationNo} del ${formatRomeDateTime(r.createdAt)} - ${data.counterName}, operatore ${r.operatorCode}`,
      style: 'small',
    },
    { text: 'Adulto di riferimento', style: 'section' },
    {
      table: {
        widths: [110, '*'],
        body: [
          ['Cognome e nome', `${p.surname} ${p.name}`],
          ['Codice fiscale', { text: p.fiscalCode, font: FONT_NUMBERS }],
          ['Nato/a il', p.birthDate ? formatLocalDate(p.birthDate) : '-'],
          ['Indirizzo', p.address],
          ['Telefono', p.phone ?? '-'],
          ['Email', p.email ?? '-'],
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  for (const child of r.children) {
    content.push({ text: `${child.name} ${child.surname}`, style: 'section' });
    content.push({
      text: [
        { text: 'Codice fiscale ' },
        { text: child.fiscalCode, font: FONT_NUMBERS },
        { text: `   Nato/a il ${child.birthDate ? formatLocalDate(child.birthDate) : '-'}   Scuola: ${child.school}` },
      ],
    });
    if (child.relinkedFrom) {
      content.push({
        text: `Collegato a questo genitore con questa iscrizione (prima: ${child.relinkedFrom.name}, ${child.relinkedFrom.fiscalCode}).`,
        style: 'small',
      });
    }
    const rows: Content[][] = [
      [
        { text: 'Servizio', style: 'th' },
        { text: 'Codice Pa-Pay', style: 'th' },
        { text: 'Fascia', style: 'th' },
        { text: 'Tariffa', style: 'th' },
      ],
    ];
    for (const e of child.enrolments) {
      const service: Content[] = [{ text: `${SERVICE_LABELS[e.service]} ${e.schoolYear}`, bold: true }];
      if (e.late) service.push({ text: 'FUORI TERMINE', bold: true });
      if (e.details) service.push({ text: e.details, style: 'small' });
      if (e.state === 'rifiutata') service.push({ text: `Rifiutata: ${e.refusal ?? ''}`, bold: true });
      const papay: Content[] = [{ text: e.papayCode, font: FONT_NUMBERS, bold: true }];
      if (e.papayProvisional) papay.push({ text: PROVISIONAL_NOTE, style: 'small', bold: true });
      const tariff: Content[] = [{ text: `${formatEuro(e.finalTariffCents)} ${e.tariffUnit}` }];
      if (e.siblingReductionPercent > 0) {
        tariff.push({
          text: `(${formatEuro(e.tariffCents)} con riduzione fratelli del ${e.siblingReductionPercent}%)`,
          style: 'small',
        });
      }
      rows.push([{ stack: service }, { stack: papay }, { text: e.band.label }, { stack: tariff }]);
    }
    content.push({
      table: { headerRows: 1, widths: ['*', 120, 120, 95], body: rows },
      layout: 'lightHorizontalLines',
      margin: [0, 4, 0, 0],
    });
  }
  if (r.provisional) {
    content.push({
      text:
        'I codici Pa-Pay indicati come provvisori non servono ancora per le ricariche: ' +
        'il riepilogo può essere ristampato allo sportello dopo la conferma del servizio centrale.',
      style: 'small',
      margin: [0, 10, 0, 0],
    });
  }
  // The consent, the place and date and the signatures stay together: a statement split over two
  // pages would be signed on a page that does not say what is consented to.
  content.push({
    unbreakable: true,
    stack: [
      { text: 'Consenso al trattamento dei dati personali', style: 'section' },
      { text: data.consentText, style: 'small' },
      { text: `Consenso espresso il ${formatRomeDateTime(r.consentAt)}.`, style: 'small', margin: [0, 2, 0, 0] },
      { text: `${data.place}, ${formatRomeDateTime(r.createdAt).slice(0, 10)}`, margin: [0, 18, 0, 0] },
      {
        columns: [
          { text: "Firma dell'adulto di riferimento\n\n\n______________________________" },
          { text: "Firma dell'operatore\n\n\n______________________________" },
        ],
        margin: [0, 12, 0, 0],
      },
    ],
  });
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    info: { title: `Riepilogo iscrizione ${r.registrationNo}`, author: data.header[0] ?? '' },
    content,
    styles: {
      ente: { font: FONT_TEXT_SEMIBOLD, fontSize: 13 },
      office: { fontSize: 10 },
      title: { font: FONT_TEXT_SEMIBOLD, fontSize: 15 },
      section: { font: FONT_TEXT_SEMIBOLD, fontSize: 12, margin: [0, 12, 0, 4] },
      th: { bold: true },
      small: { fontSize: 8.5 },
    },
  };
}
