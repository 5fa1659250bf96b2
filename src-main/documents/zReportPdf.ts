import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { METHOD_LABELS, SERVICE_LABELS, type Service } from '../../shared/domain';
import { countLines, type DenominationCounts } from '../../shared/till/denominations';
import { differenceLabel } from '../../shared/till/difference';
import { formatLocalDate, formatRomeDateTime } from '../../shared/time';
import type { ZReportInput } from '../till/zReportText';
import { document, money, table, th, type ReportFrame } from './reportsPdf';

const MOVEMENTS = { versamento: 'Versamento in Tesoreria', reintegro: 'Reintegro', prelievo: 'Prelievo' };

/** The Z report on A4: the same close as the receipt, with the signatures' space. */
export function zReportDocument(frame: ReportFrame, z: ZReportInput): TDocumentDefinitions {
  const r = z.reckoning;
  const title = z.rectifies
    ? `Chiusura di cassa n. ${z.number} (rettifica della ${z.rectifies})`
    : `Chiusura di cassa n. ${z.number}`;
  const subtitle =
    `${z.zNo} - sportello ${z.counterCode} (${z.counterName}) - giorno ${formatLocalDate(z.businessDate)} - ` +
    `aperta il ${formatRomeDateTime(z.openedAt)}, chiusa il ${formatRomeDateTime(z.closedAt)} - operatore ${z.operator}`;
  const countTable = (counts: DenominationCounts, total: number): Content =>
    table(
      ['*', 60, 90],
      [th('Taglio'), th('Pezzi', true), th('Importo', true)],
      [
        ...countLines(counts).map((l): TableCell[] => [
          l.label,
          { text: String(l.pieces), alignment: 'right' },
          money(l.cents),
        ]),
        [{ text: 'Totale', bold: true }, '', money(total)],
      ],
    );
  const body: Content[] = [];
  if (r.countsDrawer) body.push({ text: 'Fondo cassa', style: 'section' }, countTable(z.floatCounts, r.floatCents));
  body.push(
    { text: 'Incassi per metodo e servizio', style: 'section' },
    table(
      ['*', '*', 50, 75, 40, 75, 75],
      [
        th('Metodo'),
        th('Servizio'),
        th('Ricariche', true),
        th('Lordo', true),
        th('Storni', true),
        th('Stornato', true),
        th('Netto', true),
      ],
      r.takings.map((t): TableCell[] => [
        METHOD_LABELS[t.method],
        SERVICE_LABELS[t.service as Service] ?? t.service,
        { text: String(t.count), alignment: 'right' },
        money(t.grossCents),
        { text: String(t.voids), alignment: 'right' },
        money(t.voidedCents),
        money(t.grossCents - t.voidedCents),
      ]),
    ),
    { text: 'Movimenti di cassa', style: 'section' },
    r.movements.length === 0
      ? { text: 'Nessun movimento.' }
      : table(
          [150, 110, '*', 90],
          [th('Movimento'), th('Documento'), th('Riferimento'), th('Importo', true)],
          r.movements.map((m): TableCell[] => [
            MOVEMENTS[m.kind],
            m.documentNo,
            m.reference ?? '',
            money(m.amountCents),
          ]),
        ),
  );
  if (r.cash && z.countedCounts) {
    body.push({ text: 'Contanti contati', style: 'section' }, countTable(z.countedCounts, r.cash.countedCents));
  }
  const line = (
    label: string,
    d: { expectedCents: number; countedCents: number; differenceCents: number },
  ): TableCell[] => [
    label,
    money(d.countedCents),
    money(d.expectedCents),
    { text: differenceLabel(d), alignment: 'right' },
  ];
  body.push(
    { text: 'Contati e attesi', style: 'section' },
    table(
      ['*', 90, 90, 130],
      [th(''), th('Contati / dichiarati', true), th('Attesi', true), th('Differenza', true)],
      [...(r.cash ? [line('Contanti', r.cash)] : []), line('Bancomat/carta (totale POS)', r.card)],
    ),
  );
  if (z.note) body.push({ text: `Nota: ${z.note}`, margin: [0, 8, 0, 0] });
  if (z.approvedBy) body.push({ text: `Differenza approvata da ${z.approvedBy}` });
  if (z.confirmedBy)
    body.push({ text: `Prospetto confermato dal farmacista ${z.confirmedBy} con lo scontrino del POS` });
  if (r.unsent.length > 0) {
    body.push({
      text: `Operazioni non ancora inviate al centrale alla chiusura: ${r.unsent.length}.`,
      margin: [0, 4, 0, 0],
    });
  }
  const signers = r.countsDrawer
    ? ["L'operatore", 'Il supervisore']
    : ["L'operatore", 'Il farmacista', 'Il supervisore'];
  body.push({
    columns: signers.map((s) => ({ stack: [{ text: s }, { text: '\n\n______________________________' }] })),
    margin: [0, 30, 0, 0],
  });
  return document(frame, title, subtitle, body);
}
