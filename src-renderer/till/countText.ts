import { DENOMINATIONS_CENTS, countProblems } from '../../shared/till/denominations';

/** A count as typed: the text of each denomination's field, keyed by its value in cents. */
export type CountText = Record<string, string>;

/** The fields filled from a count (the float proposed by the last close). */
export function countText(counts: Record<string, number>): CountText {
  const out: CountText = {};
  for (const [key, pieces] of Object.entries(counts)) if (pieces > 0) out[key] = String(pieces);
  return out;
}

/**
 * What the core gets: a number where the text is one ("3", "-1", "2,5"), the text itself otherwise,
 * so that every refusal (negative, fractional, not a number) is the core's, in Italian, and the same
 * as for any other caller. Empty fields are none.
 */
export function countInput(text: CountText): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(text)) {
    const t = raw.trim();
    if (t === '') continue;
    out[key] = /^-?\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : t;
  }
  return out;
}

/** The total as the operator types, in cents; null while a field holds what is not a count. */
export function runningTotal(text: CountText): number | null {
  const input = countInput(text);
  if (countProblems(input).length > 0) return null;
  return DENOMINATIONS_CENTS.reduce((sum, d) => sum + ((input[`${d}`] as number | undefined) ?? 0) * d, 0);
}
