import type { FamilyAccount, FamilyView } from '../../shared/contract';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';

/** The family's accounts in the order of the screen: child by child (eldest first), service by service. */
export function familyAccounts(family: FamilyView): FamilyAccount[] {
  return family.children.flatMap((c) => c.accounts);
}

/**
 * The account the arrows lead to from the one open: the next or the previous in screen order,
 * staying on the first or the last; the first when the open one is not in the family.
 */
export function familyStep(family: FamilyView, currentId: string, step: -1 | 1): string | null {
  const ids = familyAccounts(family).map((a) => a.account.accountId);
  const at = ids.indexOf(currentId);
  if (at < 0) return ids[0] ?? null;
  return ids[Math.max(0, Math.min(ids.length - 1, at + step))] ?? null;
}

/** "saldo al 03/12/2026 10:00": the time of the central service's balance the tile's figure starts from. */
export function familyBalanceAsOfText(balanceAsOf: string | null): string {
  return balanceAsOf === null ? 'saldo centrale non ancora ricevuto' : `saldo al ${formatRomeDateTime(balanceAsOf)}`;
}

/** The pending part of a tile's balance, short: "+ € 20,00 di questo sportello, non ancora al centrale". */
export function familyPendingText(pendingCents: number): string | null {
  if (pendingCents === 0) return null;
  const sign = pendingCents > 0 ? '+' : '−';
  return `${sign} ${formatEuro(Math.abs(pendingCents))} di questo sportello, non ancora al centrale`;
}
