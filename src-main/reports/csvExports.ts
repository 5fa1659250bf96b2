import type { ContoGiudiziale, Rendiconto } from '../../shared/contract';
import { METHOD_LABELS, SERVICE_LABELS } from '../../shared/domain';
import type { AccountPeriod, ReceiptRange } from '../../shared/reports/account';
import { csvCents, csvDate, toCsv, type CsvField } from '../../shared/reports/csv';
import type { Takings, TakingsLine } from '../../shared/reports/totals';
import { formatReceiptNo } from '../receipts/numbering';

const TAKINGS_HEAD = ['Ricariche', 'Lordo', 'Storni', 'Importo stornato', 'Netto'];

function takingsFields(t: Takings): CsvField[] {
  return [t.count, csvCents(t.grossCents), t.voidCount, csvCents(t.voidedCents), csvCents(t.netCents)];
}

/**
 * The period report as one flat table, a row per day, counter, service, method and operator (what
 * a pivot table in Excel wants), the total last.
 */
export function periodCsv(lines: readonly TakingsLine[], names: Map<string, string>, total: Takings): string {
  const cells = new Map<string, { line: TakingsLine; takings: Takings }>();
  for (const l of lines) {
    const key = [l.date, l.counterCode, l.service, l.method, l.operator ?? ''].join('|');
    const t = cells.get(key)?.takings ?? { count: 0, grossCents: 0, voidCount: 0, voidedCents: 0, netCents: 0 };
    const topup = l.kind === 'topup';
    cells.set(key, {
      line: l,
      takings: {
        count: t.count + (topup ? l.count : 0),
        grossCents: t.grossCents + (topup ? l.amountCents : 0),
        voidCount: t.voidCount + (topup ? 0 : l.count),
        voidedCents: t.voidedCents - (topup ? 0 : l.amountCents),
        netCents: t.netCents + l.amountCents,
      },
    });
  }
  const rows = [...cells.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { line: l, takings }]): CsvField[] => [
      csvDate(l.date),
      l.counterCode,
      SERVICE_LABELS[l.service],
      METHOD_LABELS[l.method],
      l.operator ?? '',
      l.operator === null ? '' : (names.get(l.operator) ?? ''),
      ...takingsFields(takings),
    ]);
  return toCsv([
    ['Giorno', 'Sportello', 'Servizio', 'Metodo', 'Operatore', 'Nome operatore', ...TAKINGS_HEAD],
    ...rows,
    ['Totale', '', '', '', '', '', ...takingsFields(total)],
  ]);
}

export function rangeText(r: ReceiptRange, counterCode: string): string {
  const from = formatReceiptNo(counterCode, r.year, r.from);
  return r.from === r.to ? from : `${from} - ${formatReceiptNo(counterCode, r.year, r.to)}`;
}

function rangesText(p: AccountPeriod, counterCode: string): string {
  return p.receipts.ranges.map((r) => rangeText(r, counterCode)).join(', ');
}

function remittanceRows(periods: readonly AccountPeriod[]): CsvField[][] {
  return [
    ['Versamenti in Tesoreria'],
    ['Data', 'Riferimento (quietanza)', 'Documento', 'Importo'],
    ...periods.flatMap((p) =>
      p.remittances.map((r): CsvField[] => [csvDate(r.date), r.reference, r.documentNo, csvCents(r.amountCents)]),
    ),
  ];
}

function methodNet(p: AccountPeriod, method: 'cash' | 'card'): string {
  return csvCents(p.byMethod.find((m) => m.method === method)?.takings.netCents ?? 0);
}

export function rendicontoCsv(r: Rendiconto): string {
  const p = r.period;
  return toCsv([
    ['Rendiconto mensile', r.month.slice(5, 7) + '/' + r.month.slice(0, 4)],
    ['Sportello', `${r.counterCode} ${r.counterName}`],
    [],
    ['Voce', 'Importo'],
    ['Da versare dal mese precedente', csvCents(p.openingCents)],
    ['Riscosso lordo', csvCents(p.collected.grossCents)],
    ['Stornato', csvCents(p.collected.voidedCents)],
    ['Riscosso netto', csvCents(p.collected.netCents)],
    [`di cui ${METHOD_LABELS.cash.toLowerCase()}`, methodNet(p, 'cash')],
    [`di cui ${METHOD_LABELS.card.toLowerCase()}`, methodNet(p, 'card')],
    ['Dovuto dal mese', csvCents(p.owedCents)],
    ['Versato', csvCents(p.remittedCents)],
    ['Ancora da versare', csvCents(p.closingCents)],
    [],
    ['Ricevute', p.receipts.count],
    ['di cui storni', p.receipts.voids],
    ['Numeri', rangesText(p, r.counterCode)],
    [],
    ...remittanceRows([p]),
  ]);
}

export function contoCsv(c: ContoGiudiziale): string {
  return toCsv([
    ['Conto giudiziale dell\u2019agente contabile (modello 21, DPR 194/1996)', `Esercizio ${c.year}`],
    ['Ente', c.ente.name, c.ente.fiscalCode ?? ''],
    ['Agente contabile', c.agent, `${c.counterCode} ${c.counterName}`],
    ['Saldo iniziale (da versare)', csvCents(c.openingCents)],
    [],
    [
      'Mese',
      'Ricevute (numeri)',
      'N. ricevute',
      ...TAKINGS_HEAD.slice(1),
      'Netto contanti',
      'Netto carta',
      'Dovuto',
      'Versato',
      'Riferimenti versamenti',
      'Saldo da versare',
    ],
    ...c.months.map((p): CsvField[] => [
      csvDate(p.from).slice(3),
      rangesText(p, c.counterCode),
      p.receipts.count,
      ...takingsFields(p.collected).slice(1),
      methodNet(p, 'cash'),
      methodNet(p, 'card'),
      csvCents(p.owedCents),
      csvCents(p.remittedCents),
      p.remittances.map((r) => r.reference).join(', '),
      csvCents(p.closingCents),
    ]),
    [
      'Totale',
      '',
      c.totals.receipts,
      ...takingsFields(c.totals.collected).slice(1),
      '',
      '',
      csvCents(c.totals.owedCents),
      csvCents(c.totals.remittedCents),
      '',
      csvCents(c.closingCents),
    ],
    [],
    ...remittanceRows(c.months),
  ]);
}
