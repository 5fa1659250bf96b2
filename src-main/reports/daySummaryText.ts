import type { DaySummary } from '../../shared/contract';
import { METHOD_LABELS, PAYMENT_METHODS, SERVICES, SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatLocalDate, formatRomeDateTime } from '../../shared/time';
import { RULE, center, field, joinLines, leftRight, wrap } from '../printing/layout';

export type DaySummaryPrintInput = DaySummary & {
  header: string[];
  counterName: string;
  counterAddress: string;
  operator: string;
  /** UTC ISO instant of the print. */
  printedAt: string;
};

/** The "Riepilogo del giorno" slip: totals by method and by service, the voids and the reprints of the day. */
export function renderDaySummaryText(input: DaySummaryPrintInput): string {
  return joinLines([
    ...input.header.flatMap(center),
    ...center(input.counterName),
    ...center(input.counterAddress),
    RULE,
    ...center('RIEPILOGO DEL GIORNO'),
    ...field('Giorno', formatLocalDate(input.date)),
    ...field('Sportello', input.counterCode),
    ...field('Operatore', input.operator),
    ...field('Stampato il', formatRomeDateTime(input.printedAt)),
    RULE,
    'PER METODO DI PAGAMENTO',
    ...byMethodLines(input),
    RULE,
    'PER SERVIZIO',
    ...byServiceLines(input),
    RULE,
    ...leftRight('TOTALE', formatEuro(input.totalCents)),
    RULE,
    `STORNI (${input.voids.length})`,
    ...(input.voids.length === 0 ? ['Nessuno storno.'] : input.voids.flatMap(voidLines)),
    RULE,
    `RISTAMPE (${input.reprints.length})`,
    ...(input.reprints.length === 0
      ? ['Nessuna ristampa.']
      : input.reprints.flatMap((r) => wrap(`${r.receiptNo} ${formatRomeDateTime(r.at)} ${r.operator}`, '  '))),
  ]);
}

function countLabel(label: string, count: number): string {
  return `${label} (${count} ${count === 1 ? 'operazione' : 'operazioni'})`;
}

function byMethodLines(input: DaySummary): string[] {
  if (input.byMethod.length === 0) return ['Nessuna operazione.'];
  // Fixed order (cash first) so that two slips of different days read the same way.
  const ordered = PAYMENT_METHODS.flatMap((m) => input.byMethod.filter((row) => row.method === m));
  return ordered.flatMap((row) =>
    leftRight(countLabel(METHOD_LABELS[row.method], row.count), formatEuro(row.amountCents)),
  );
}

function byServiceLines(input: DaySummary): string[] {
  const lines = SERVICES.flatMap((service) => {
    const rows = PAYMENT_METHODS.flatMap((m) => input.rows.filter((r) => r.service === service && r.method === m));
    if (rows.length === 0) return [];
    const total = rows.reduce((sum, r) => sum + r.amountCents, 0);
    const count = rows.reduce((sum, r) => sum + r.count, 0);
    return [
      ...leftRight(countLabel(SERVICE_LABELS[service], count), formatEuro(total)),
      ...rows.flatMap((r) =>
        leftRight(`di cui ${METHOD_LABELS[r.method].toLowerCase()}`, formatEuro(r.amountCents), 1),
      ),
    ];
  });
  return lines.length === 0 ? ['Nessuna operazione.'] : lines;
}

function voidLines(v: DaySummary['voids'][number]): string[] {
  return [
    ...leftRight(`${v.receiptNo} ${formatRomeDateTime(v.at)}`, formatEuro(v.amountCents)),
    ...field('Storna', v.voidsReceiptNo ?? 'operazione senza ricevuta', 1),
    ...field('Metodo', METHOD_LABELS[v.method], 1),
    ...field('Motivo', v.reason, 1),
    ...field('Autorizzato da', v.supervisor, 1),
  ];
}
