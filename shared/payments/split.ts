import { topupLimitsOf, type CounterConfig } from '../config';
import { SERVICE_LABELS, type PaymentMethod, type Service } from '../domain';
import type { ErrorCode } from '../errors';
import { formatEuro } from '../money';

/**
 * One payment split across several accounts of one family (pagamento unico per più conti): the
 * rules that need no database, shared by the core (which enforces them) and the dialog (which says
 * them before the operator sends).
 */

/** The most accounts one payment may cover: a family with three children in three services is nine. */
export const MAX_SPLIT_LINES = 9;

export interface SplitLine {
  accountId: string;
  amountCents: number;
}

/** What the rules need to know of each account of a line. */
export interface SplitAccount {
  accountId: string;
  childId: string;
  /** The adulto di riferimento the child is linked to; null for a child registered without one. */
  familyId: string | null;
  service: Service;
  /** "Giulia Rossi": as the role may see the child. */
  childName: string;
}

export interface SplitProblem {
  code: Extract<ErrorCode, 'INPUT_INVALID' | 'AMOUNT_OUT_OF_RANGE' | 'CASH_LIMIT' | 'NOT_FOUND'>;
  message: string;
}

/** "Giulia Rossi, Refezione scolastica": how a line names its account in every message. */
export function splitAccountLabel(a: Pick<SplitAccount, 'childName' | 'service'>): string {
  return `${a.childName}, ${SERVICE_LABELS[a.service]}`;
}

/**
 * Two accounts are of one family when their children are linked to the same adulto di riferimento,
 * or are the same child (a child with no adulto di riferimento is a family of its own).
 */
export function sameFamily(a: SplitAccount, b: SplitAccount): boolean {
  return a.familyId !== null ? a.familyId === b.familyId : a.childId === b.childId;
}

/** The sum of the lines, in cents. */
export function splitTotal(lines: readonly SplitLine[]): number {
  return lines.reduce((sum, l) => sum + l.amountCents, 0);
}

/**
 * The first problem of a split payment, or null when the lines may be recorded: at least two lines
 * and at most MAX_SPLIT_LINES, each account once and of one family, no line of zero, each line within
 * its service's limits (per account), the legal cash limit on the whole payment (the law counts the
 * payment, not how it is shared out). `accountOf` answers null for an account that does not exist.
 */
export function splitProblem(
  lines: readonly SplitLine[],
  method: PaymentMethod,
  config: CounterConfig,
  accountOf: (accountId: string) => SplitAccount | null,
): SplitProblem | null {
  if (lines.length < 2) {
    return invalid('Un pagamento unico riguarda almeno due conti: per un solo conto usare la ricarica (F2).');
  }
  if (lines.length > MAX_SPLIT_LINES) {
    return invalid(
      `Un pagamento unico riguarda al massimo ${MAX_SPLIT_LINES} conti: ${lines.length} sono troppi, dividere in due pagamenti.`,
    );
  }
  const seen = new Set<string>();
  let first: SplitAccount | null = null;
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    const account = accountOf(line.accountId);
    if (account === null) return { code: 'NOT_FOUND', message: `Riga ${n}: conto non trovato, ripetere la ricerca.` };
    const label = splitAccountLabel(account);
    if (seen.has(line.accountId)) {
      return invalid(`Riga ${n}: il conto ${label} è già in una riga; ogni conto compare una volta sola.`);
    }
    seen.add(line.accountId);
    first ??= account;
    if (!sameFamily(first, account)) {
      return invalid(
        `Riga ${n}: il conto ${label} non è della stessa famiglia; un pagamento unico riguarda solo i figli dello stesso adulto di riferimento.`,
      );
    }
    if (line.amountCents === 0) {
      return invalid(`Riga ${n} (${label}): l'importo è zero; indicare un importo o togliere la riga.`);
    }
    const { minCents, maxCents } = topupLimitsOf(config, account.service);
    if (line.amountCents < minCents || line.amountCents > maxCents) {
      return {
        code: 'AMOUNT_OUT_OF_RANGE',
        message: `Riga ${n} (${label}): l'importo deve essere tra ${formatEuro(minCents)} e ${formatEuro(maxCents)}.`,
      };
    }
  }
  const total = splitTotal(lines);
  if (method === 'cash' && total >= config.cashLimitCents) {
    return {
      code: 'CASH_LIMIT',
      message:
        `Pagamento in contanti non consentito da ${formatEuro(config.cashLimitCents)} in su (limite di legge): ` +
        `il limite vale per il totale del pagamento unico (${formatEuro(total)}). Usare il bancomat.`,
    };
  }
  return null;
}

function invalid(message: string): SplitProblem {
  return { code: 'INPUT_INVALID', message };
}
