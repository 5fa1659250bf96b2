import type { StatementView } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatLocalDate, formatRomeDateTime } from '../../shared/time';
import { RULE, center, field, joinLines, leftRight, wrap } from '../printing/layout';

export interface ShortStatementInput {
  header: string[];
  counterCode: string;
  operator: string;
  /** UTC ISO instant of the print. */
  printedAt: string;
  statement: StatementView;
  /** How many of the latest movements to list. */
  last: number;
}

/**
 * The short estratto conto on the receipt printer: the account (as the counter may show it: at a
 * pharmacy the child's first name and surname initial, never the codice fiscale), the last movements
 * with their running balance, and the balance with the date of the data.
 */
export function renderShortStatement(input: ShortStatementInput): string {
  const s = input.statement;
  const lines = s.lines.slice(-input.last);
  const child = `${s.account.child.firstName} ${s.account.child.surname}`;
  return joinLines([
    ...input.header.flatMap(center),
    RULE,
    ...center('ESTRATTO CONTO - ULTIMI MOVIMENTI'),
    ...field('Servizio', SERVICE_LABELS[s.account.service]),
    ...field('Codice Pa-Pay', s.account.papayCode),
    ...field('Bambino/a', child),
    ...field('Sportello', input.counterCode),
    ...field('Operatore', input.operator),
    ...field('Stampato il', formatRomeDateTime(input.printedAt)),
    ...field('Dati al', s.dataAsOf === null ? 'mai sincronizzato' : formatRomeDateTime(s.dataAsOf)),
    RULE,
    `ULTIMI ${lines.length} MOVIMENTI`,
    ...(lines.length === 0
      ? ['Nessun movimento nel periodo.']
      : lines.flatMap((l) => [
          ...wrap(`${formatLocalDate(l.day)} ${l.description}`),
          ...leftRight('  importo / saldo', `${formatEuro(l.amountCents)} / ${formatEuro(l.balanceCents)}`),
        ])),
    RULE,
    ...leftRight('SALDO', formatEuro(s.closingCents)),
  ]);
}
