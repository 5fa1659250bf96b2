import { DomainError } from '../../shared/errors';
import { formatEuro } from '../../shared/money';
import { countProblems, normaliseCounts, sumCounts, type DenominationCounts } from '../../shared/till/denominations';

/** Above this an amount typed at the till is surely a typing error (100.000 €). */
export const MAX_TILL_CENTS = 10_000_000;

/** Every refusal at the till ends by saying that nothing was written. */
export const NOTHING = ' Nulla è stato registrato.';

/** What the operator declares before seeing the expected figures (the blind count). */
export interface BlindCount {
  sessionId: string;
  countedCounts?: Record<string, unknown> | undefined;
  posTotalCents: unknown;
}

export interface CloseRequest extends BlindCount {
  note?: string | undefined;
  pharmacistConfirmed?: boolean | undefined;
}

/** The blind count, checked: the drawer's count (none at a pharmacy) and the POS slip's total. */
export interface CheckedBlindCount {
  counts: DenominationCounts | null;
  countedCashCents: number | null;
  posCents: number;
}

/** A count as typed, checked: each problem in Italian, nothing written. */
export function parseCounts(raw: Record<string, unknown>): DenominationCounts {
  const problems = countProblems(raw);
  if (problems.length > 0) throw new DomainError('COUNT_INVALID', problems.map((p) => p.message).join(' ') + NOTHING);
  const counts = normaliseCounts(raw);
  if (sumCounts(counts) > MAX_TILL_CENTS) {
    throw new DomainError('COUNT_INVALID', `Il totale supera ${formatEuro(MAX_TILL_CENTS)}: ricontare.${NOTHING}`);
  }
  return counts;
}

/** True when a count as typed holds at least one piece (checked first). */
export function hasPieces(raw: Record<string, unknown>): boolean {
  return Object.keys(normaliseCounts(parseCounts(raw))).length > 0;
}

/** An amount in cents as typed: a whole number of cents, not negative, not absurd. */
export function parseAmount(raw: unknown, what: string, allowZero: boolean): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    throw new DomainError('COUNT_INVALID', `${what}: indicare un importo.${NOTHING}`);
  }
  if (!Number.isInteger(raw)) {
    throw new DomainError('COUNT_INVALID', `${what}: l'importo non può avere frazioni di centesimo.${NOTHING}`);
  }
  if (raw < 0 || (!allowZero && raw === 0)) {
    throw new DomainError(
      'COUNT_INVALID',
      `${what}: l'importo deve essere ${allowZero ? 'zero o più' : 'positivo'}.${NOTHING}`,
    );
  }
  if (raw > MAX_TILL_CENTS) {
    throw new DomainError(
      'COUNT_INVALID',
      `${what}: ${formatEuro(raw)} è oltre ${formatEuro(MAX_TILL_CENTS)}: ricontrollare.${NOTHING}`,
    );
  }
  return raw;
}

/** The blind count as declared, checked against what the counter counts (a pharmacy counts no drawer). */
export function parseBlindCount(req: BlindCount, countsDrawer: boolean): CheckedBlindCount {
  const posCents = parseAmount(req.posTotalCents, 'Totale del terminale POS', true);
  if (!countsDrawer) {
    if (req.countedCounts && hasPieces(req.countedCounts)) {
      throw new DomainError(
        'COUNT_INVALID',
        'In farmacia non si conta il cassetto: dichiarare solo gli incassi.' + NOTHING,
      );
    }
    return { counts: null, countedCashCents: null, posCents };
  }
  if (!req.countedCounts) {
    throw new DomainError('COUNT_INVALID', 'Contare i contanti del cassetto per taglio prima di chiudere.' + NOTHING);
  }
  const counts = parseCounts(req.countedCounts);
  return { counts, countedCashCents: sumCounts(counts), posCents };
}
