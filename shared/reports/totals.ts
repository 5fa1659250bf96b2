import type { PaymentMethod, Service } from '../domain';

/**
 * The takings of a counter as the ledger holds them: top-ups (positive) and the voids that
 * compensate them (negative, in the same ledger). A void counts where its own entry says: its day,
 * its counter, the operator who recorded it, the service of its account, and the method of the
 * top-up it voids. So every section of a report, added up, is the ledger's own sum.
 */
export interface TakingsLine {
  counterCode: string;
  /** Business day, AAAA-MM-GG (Europe/Rome). */
  date: string;
  service: Service;
  method: PaymentMethod;
  /** Null for another counter's operation learnt from the central service (it carries no operator). */
  operator: string | null;
  kind: 'topup' | 'void';
  /** How many ledger entries the line stands for. */
  count: number;
  /** Their sum as the ledger has it: positive for top-ups, negative for voids. */
  amountCents: number;
}

/** One cell of a report: top-ups, voids in their own column, and what remains. */
export interface Takings {
  count: number;
  grossCents: number;
  voidCount: number;
  /** The voids' amount as a positive figure. */
  voidedCents: number;
  /** grossCents - voidedCents: the ledger's sum. */
  netCents: number;
}

export const NO_TAKINGS: Takings = { count: 0, grossCents: 0, voidCount: 0, voidedCents: 0, netCents: 0 };

export function addLine(t: Takings, line: TakingsLine): Takings {
  if (line.kind === 'topup') {
    return {
      ...t,
      count: t.count + line.count,
      grossCents: t.grossCents + line.amountCents,
      netCents: t.netCents + line.amountCents,
    };
  }
  return {
    ...t,
    voidCount: t.voidCount + line.count,
    voidedCents: t.voidedCents - line.amountCents,
    netCents: t.netCents + line.amountCents,
  };
}

export function sumTakings(lines: readonly TakingsLine[]): Takings {
  return lines.reduce(addLine, NO_TAKINGS);
}

/**
 * The lines grouped by a key, each group summed; groups in the order `order` gives (a key not in
 * it comes after, in order of first appearance), so two reports read the same way.
 */
export function takingsBy<K extends string | null>(
  lines: readonly TakingsLine[],
  keyOf: (line: TakingsLine) => K,
  order: readonly K[] = [],
): { key: K; takings: Takings }[] {
  const groups = new Map<K, Takings>();
  for (const k of order) groups.set(k, NO_TAKINGS);
  for (const line of lines) {
    const key = keyOf(line);
    groups.set(key, addLine(groups.get(key) ?? NO_TAKINGS, line));
  }
  return [...groups].filter(([, t]) => t.count + t.voidCount > 0).map(([key, takings]) => ({ key, takings }));
}
