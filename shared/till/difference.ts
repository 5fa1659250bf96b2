import { formatEuro } from '../money';

/** What a close finds for one method: counted (or declared) against expected. */
export interface Difference {
  expectedCents: number;
  countedCents: number;
  /** counted - expected: negative is an ammanco, positive an eccedenza. */
  differenceCents: number;
  kind: 'pari' | 'ammanco' | 'eccedenza';
}

export function differenceOf(countedCents: number, expectedCents: number): Difference {
  if (!Number.isSafeInteger(countedCents) || !Number.isSafeInteger(expectedCents)) {
    throw new RangeError('importi non interi');
  }
  const differenceCents = countedCents - expectedCents;
  return {
    expectedCents,
    countedCents,
    differenceCents,
    kind: differenceCents === 0 ? 'pari' : differenceCents < 0 ? 'ammanco' : 'eccedenza',
  };
}

/** Italian: "pari", "ammanco di € 5,00", "eccedenza di € 0,10". */
export function differenceLabel(d: Pick<Difference, 'differenceCents'>): string {
  if (d.differenceCents === 0) return 'pari';
  return d.differenceCents < 0
    ? `ammanco di ${formatEuro(-d.differenceCents)}`
    : `eccedenza di ${formatEuro(d.differenceCents)}`;
}

export interface CloseRequirements {
  /** Any difference needs a note saying why. */
  noteRequired: boolean;
  /** A difference above the threshold (in absolute value, summed over the methods) needs a supervisor's PIN. */
  supervisorRequired: boolean;
  /** The absolute total of the differences. */
  absoluteCents: number;
}

/**
 * The rules of a close: a note for any difference; a supervisor when the absolute differences, cash
 * and card together, exceed the configured threshold (strictly: a difference equal to it needs none).
 */
export function closeRequirements(differences: readonly Difference[], thresholdCents: number): CloseRequirements {
  const absoluteCents = differences.reduce((s, d) => s + Math.abs(d.differenceCents), 0);
  return { noteRequired: absoluteCents > 0, supervisorRequired: absoluteCents > thresholdCents, absoluteCents };
}
