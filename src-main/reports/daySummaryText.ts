import type { DaySummary } from '../../shared/contract';
import type { Takings } from '../../shared/reports/totals';
import { METHOD_LABELS, SERVICE_LABELS } from '../../shared/domain';
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

/**
 * The "Riepilogo del giorno" slip: the takings by method, by service and by operator, each with its
 * voids and net, the total, then the voids and the reprints of the day.
 */
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
    ...section(input.byMethod.map((row) => ({ label: METHOD_LABELS[row.method], takings: row, parts: [] }))),
    RULE,
    'PER SERVIZIO',
    ...section(
      input.byService.map((row) => ({
        label: SERVICE_LABELS[row.service],
        takings: row,
        parts: input.rows
          .filter((r) => r.service === row.service)
          .map((r) => ({ label: `di cui ${METHOD_LABELS[r.method].toLowerCase()}`, netCents: r.netCents })),
      })),
    ),
    RULE,
    'PER OPERATORE',
    ...section(input.byOperator.map((row) => ({ label: `${row.name} (${row.operator})`, takings: row, parts: [] }))),
    RULE,
    ...takingsLines('TOTALE', input.total),
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
  return `${label} (${count} ${count === 1 ? 'ricarica' : 'ricariche'})`;
}

/**
 * A cell of the summary: the top-ups and, when there were voids, the voids on their own line and
 * the net, so that the slip shows both and every section adds up to the total.
 */
function takingsLines(label: string, t: Takings, indent = 0): string[] {
  if (t.voidCount === 0) return leftRight(countLabel(label, t.count), formatEuro(t.netCents), indent);
  return [
    ...leftRight(countLabel(label, t.count), formatEuro(t.grossCents), indent),
    ...leftRight(`storni (${t.voidCount})`, formatEuro(-t.voidedCents), indent + 1),
    ...leftRight('netto', formatEuro(t.netCents), indent + 1),
  ];
}

interface SectionRow {
  label: string;
  takings: Takings;
  /** Net amounts printed under the row ("di cui contanti"). */
  parts: { label: string; netCents: number }[];
}

function section(rows: SectionRow[]): string[] {
  if (rows.length === 0) return ['Nessuna operazione.'];
  return rows.flatMap((row) => [
    ...takingsLines(row.label, row.takings),
    ...(row.parts.length > 1 ? row.parts.flatMap((p) => leftRight(p.label, formatEuro(p.netCents), 1)) : []),
  ]);
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
