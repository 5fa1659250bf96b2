import type { TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { StatementView } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { dataAsOfText } from '../../shared/statement/statement';
import { formatLocalDate } from '../../shared/time';
import { document, money, table, th, type ReportFrame } from './reportsPdf';

/**
 * The estratto conto on A4: the Comune's header, the account and its child, the opening balance,
 * every movement of the period with its running balance, the closing balance and the totals.
 */
export function statementDocument(frame: ReportFrame, s: StatementView): TDocumentDefinitions {
  const c = s.account.child;
  const title = `Estratto conto - ${SERVICE_LABELS[s.account.service]}`;
  const subtitle =
    `Dal ${formatLocalDate(s.from)} al ${formatLocalDate(s.to)} - codice Pa-Pay ${s.account.papayCode} - ` +
    dataAsOfText(s.dataAsOf);
  const bold = (cell: TableCell): TableCell => ({ ...(cell as object), bold: true }) as TableCell;
  const rows: TableCell[][] = [
    ['', { text: 'Saldo iniziale', bold: true }, '', bold(money(s.openingCents))],
    ...s.lines.map((l): TableCell[] => [
      formatLocalDate(l.day),
      l.description,
      money(l.amountCents),
      money(l.balanceCents),
    ]),
    ['', { text: 'Saldo finale', bold: true }, '', bold(money(s.closingCents))],
  ];
  const t = s.totals;
  return document(frame, title, subtitle, [
    { text: 'Intestatario', style: 'section' },
    {
      text: [
        `${c.firstName} ${c.surname}`,
        c.fiscalCode === undefined ? '' : ` - codice fiscale ${c.fiscalCode}`,
        c.school === '' ? '' : ` - ${c.school}`,
        c.parent === undefined ? '' : `\nAdulto di riferimento: ${c.parent.name} (${c.parent.fiscalCode})`,
      ].join(''),
    },
    { text: 'Movimenti', style: 'section' },
    table([60, '*', 75, 75], [th('Giorno'), th('Movimento'), th('Importo', true), th('Saldo', true)], rows),
    { text: 'Riepilogo del periodo', style: 'section' },
    table(
      ['*', 90],
      [th('Voce'), th('Importo', true)],
      [
        ['Saldo iniziale', money(s.openingCents)],
        [`Pasti addebitati (${t.meals})`, money(t.mealsCents)],
        ['Pagamenti e ricariche', money(t.paidCents)],
        ['Storni', money(t.voidsCents)],
        ['Rettifiche', money(t.adjustmentsCents)],
        [{ text: 'Saldo finale', bold: true }, bold(money(s.closingCents))],
      ],
    ),
    {
      text:
        `Il saldo finale è il saldo del conto al ${formatLocalDate(s.to)} (${formatEuro(s.closingCents)}). ` +
        'Pasti e pagamenti fatti altrove compaiono dopo la sincronizzazione con il servizio centrale.',
      style: 'small',
      margin: [0, 10, 0, 0],
    },
  ]);
}
