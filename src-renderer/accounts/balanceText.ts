import { formatCents, formatEuro } from '../../shared/money';

/** What a top-up or a void just did to the balance on screen. */
export interface BalanceChange {
  deltaCents: number;
  afterCents: number;
}

/** "+ 20,00 EUR → 153,00 EUR", "− 20,00 EUR → 133,00 EUR". */
export function balanceChangeText({ deltaCents, afterCents }: BalanceChange): string {
  const sign = deltaCents < 0 ? '−' : '+';
  return `${sign} ${formatCents(Math.abs(deltaCents))} EUR → ${formatCents(afterCents)} EUR`;
}

/**
 * The part of the balance the central service has not counted yet, in words an operator can repeat
 * to a parent whose portal shows another number; null when there is none.
 */
export function pendingText(pendingCents: number): string | null {
  if (pendingCents === 0) return null;
  const what = pendingCents > 0 ? 'più' : 'meno';
  return (
    `${what} ${formatEuro(Math.abs(pendingCents))} di operazioni fatte a questo sportello che il servizio centrale ` +
    'non ha ancora contato: il portale dei genitori le mostrerà dopo il prossimo invio.'
  );
}
