import { METHOD_LABELS, SERVICE_LABELS, type Service } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { countLines, type DenominationCounts } from '../../shared/till/denominations';
import { differenceLabel } from '../../shared/till/difference';
import type { TillReckoning } from '../../shared/contract';
import { formatLocalDate, formatRomeDateTime } from '../../shared/time';
import { RULE, center, field, joinLines, leftRight, wrap } from '../printing/layout';

export interface ZReportInput {
  header: string[];
  counterCode: string;
  counterName: string;
  zNo: string;
  number: number;
  rectifies: string | null;
  businessDate: string;
  openedAt: string;
  closedAt: string;
  operator: string;
  approvedBy: string | null;
  /** At a pharmacy: the pharmacist who confirmed the statement against the POS slip. */
  confirmedBy: string | null;
  floatCounts: DenominationCounts;
  countedCounts: DenominationCounts | null;
  reckoning: TillReckoning;
  note: string | null;
}

const MOVEMENT_LABELS = { versamento: 'Versamento in Tesoreria', reintegro: 'Reintegro', prelievo: 'Prelievo' };

/** The Z report on the receipt printer: the close of one till session, with its number. */
export function renderZReportText(z: ZReportInput): string {
  const r = z.reckoning;
  const label = (s: string) => SERVICE_LABELS[s as Service] ?? s;
  const net = (method: 'cash' | 'card') =>
    r.takings.filter((t) => t.method === method).reduce((s, t) => s + t.grossCents - t.voidedCents, 0);
  return joinLines([
    ...z.header.flatMap(center),
    ...center(z.counterName),
    RULE,
    ...center(`CHIUSURA DI CASSA N. ${z.number}`),
    ...(z.rectifies ? center(`RETTIFICA DELLA CHIUSURA ${z.rectifies}`) : []),
    ...field('Numero', z.zNo),
    ...field('Sportello', z.counterCode),
    ...field('Giorno', formatLocalDate(z.businessDate)),
    ...field('Aperta il', formatRomeDateTime(z.openedAt)),
    ...field('Chiusa il', formatRomeDateTime(z.closedAt)),
    ...field('Operatore', z.operator),
    RULE,
    ...(r.countsDrawer
      ? [
          ...leftRight('Fondo cassa', formatEuro(r.floatCents)),
          ...countLines(z.floatCounts).flatMap((l) => leftRight(`${l.label} x ${l.pieces}`, formatEuro(l.cents), 1)),
          RULE,
        ]
      : []),
    'INCASSI PER METODO E SERVIZIO',
    ...r.takings.flatMap((t) => [
      ...leftRight(`${METHOD_LABELS[t.method]} - ${label(t.service)} (${t.count})`, formatEuro(t.grossCents)),
      ...(t.voids > 0 ? leftRight(`storni (${t.voids})`, formatEuro(-t.voidedCents), 1) : []),
    ]),
    ...(r.takings.length === 0 ? ['  nessun incasso'] : []),
    ...leftRight('Netto contanti', formatEuro(net('cash'))),
    ...leftRight('Netto bancomat/carta', formatEuro(net('card'))),
    RULE,
    'MOVIMENTI DI CASSA',
    ...r.movements.flatMap((m) => [
      ...leftRight(`${MOVEMENT_LABELS[m.kind]} ${m.documentNo}`, formatEuro(m.amountCents)),
      ...(m.reference ? field('Quietanza', m.reference, 1) : []),
    ]),
    ...(r.movements.length === 0 ? ['  nessun movimento'] : []),
    RULE,
    ...(r.cash
      ? [
          'CONTANTI',
          ...(z.countedCounts
            ? countLines(z.countedCounts).flatMap((l) => leftRight(`${l.label} x ${l.pieces}`, formatEuro(l.cents), 1))
            : []),
          ...leftRight('Contati', formatEuro(r.cash.countedCents)),
          ...leftRight('Attesi', formatEuro(r.cash.expectedCents)),
          ...leftRight('Differenza', differenceLabel(r.cash)),
        ]
      : []),
    'BANCOMAT/CARTA',
    ...leftRight('Totale del terminale POS', formatEuro(r.card.countedCents)),
    ...leftRight('Attesi', formatEuro(r.card.expectedCents)),
    ...leftRight('Differenza', differenceLabel(r.card)),
    ...(z.note ? [RULE, ...wrap(`Nota: ${z.note}`, '  ')] : []),
    ...(z.approvedBy ? field('Approvata da', z.approvedBy) : []),
    ...(z.confirmedBy ? field('Confermato dal farmacista', z.confirmedBy) : []),
    ...(r.unsent.length > 0
      ? [RULE, ...wrap(`Operazioni non ancora inviate al centrale: ${r.unsent.length} (saranno inviate).`, '  ')]
      : []),
    RULE,
    "Firma dell'operatore",
    '',
    '________________________________',
    ...(r.countsDrawer ? [] : ['Firma del farmacista', '', '________________________________']),
    'Firma del supervisore',
    '',
    '________________________________',
  ]);
}
