/**
 * Euro banknotes (500 to 5 €) and coins (2 € to 1 cent) in integer cents, largest first. Every sum
 * of a drawer is made here, in integers: never a float, never a fraction of a cent.
 */
export const BANKNOTES_CENTS = [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500] as const;
export const COINS_CENTS = [200, 100, 50, 20, 10, 5, 2, 1] as const;
export const DENOMINATIONS_CENTS = [...BANKNOTES_CENTS, ...COINS_CENTS] as const;
export type Denomination = (typeof DENOMINATIONS_CENTS)[number];

/** Pieces of one denomination a drawer can plausibly hold: more is a typing error, refused. */
export const MAX_PIECES = 10_000;

/** How many pieces of each denomination, keyed by the value in cents ("50000", "1"...). Missing means none. */
export type DenominationCounts = Partial<Record<`${Denomination}`, number>>;

/** Italian label of a denomination: "500 €", "2 €", "50 cent". */
export function denominationLabel(cents: Denomination): string {
  return cents >= 100 ? `${cents / 100} €` : `${cents} cent`;
}

export type CountProblem = { denomination: string; message: string };

/** What is wrong with a count, in Italian, one line per denomination; empty when the count is good. */
export function countProblems(counts: Record<string, unknown>): CountProblem[] {
  const problems: CountProblem[] = [];
  const known = new Set<string>(DENOMINATIONS_CENTS.map(String));
  for (const [key, value] of Object.entries(counts)) {
    if (!known.has(key)) {
      problems.push({ denomination: key, message: `Taglio inesistente: ${key} centesimi.` });
      continue;
    }
    const label = denominationLabel(Number(key) as Denomination);
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ denomination: key, message: `${label}: indicare un numero di pezzi.` });
    } else if (!Number.isInteger(value)) {
      problems.push({ denomination: key, message: `${label}: il numero di pezzi deve essere intero.` });
    } else if (value < 0) {
      problems.push({ denomination: key, message: `${label}: il numero di pezzi non può essere negativo.` });
    } else if (value > MAX_PIECES) {
      problems.push({
        denomination: key,
        message: `${label}: ${value} pezzi sono troppi (al massimo ${MAX_PIECES}); ricontare.`,
      });
    }
  }
  return problems;
}

/** The total of a good count in cents (call `countProblems` first: a bad count throws). */
export function sumCounts(counts: DenominationCounts): number {
  const problems = countProblems(counts);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join(' '));
  let total = 0;
  for (const d of DENOMINATIONS_CENTS) total += (counts[`${d}`] ?? 0) * d;
  return total;
}

/** The count without the zero lines, in the order of the denominations (what is stored and printed). */
export function normaliseCounts(counts: DenominationCounts): DenominationCounts {
  const out: DenominationCounts = {};
  for (const d of DENOMINATIONS_CENTS) {
    const n = counts[`${d}`] ?? 0;
    if (n > 0) out[`${d}`] = n;
  }
  return out;
}

/** The lines of a count for a printout: "  50 € x 3 = 150,00 €". */
export function countLines(counts: DenominationCounts): { label: string; pieces: number; cents: number }[] {
  return DENOMINATIONS_CENTS.filter((d) => (counts[`${d}`] ?? 0) > 0).map((d) => ({
    label: denominationLabel(d),
    pieces: counts[`${d}`] ?? 0,
    cents: (counts[`${d}`] ?? 0) * d,
  }));
}
