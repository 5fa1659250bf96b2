/**
 * The fixed clock of the demo data: every time in it derives from SEED_TIME, never from the
 * machine's clock, so two seedings on different days give the same rows.
 */
export const SEED_TIME = '2026-11-27T16:00:00.000Z';
export const SEED_MS = Date.parse(SEED_TIME);

const DAY_MS = 86_400_000;

// Days without school in the autumn term (Ognissanti, Immacolata and the ponte before it).
const NO_SCHOOL = new Set(['2026-11-02', '2026-12-07', '2026-12-08']);

/** The last `count` school days up to the seed day included, oldest first (YYYY-MM-DD). */
export function recentSchoolDays(count: number): string[] {
  const days: string[] = [];
  for (let at = SEED_MS; days.length < count; at -= DAY_MS) {
    const date = new Date(at);
    const weekday = date.getUTCDay();
    const iso = date.toISOString().slice(0, 10);
    if (weekday !== 0 && weekday !== 6 && !NO_SCHOOL.has(iso)) days.push(iso);
  }
  return days.reverse();
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days between two YYYY-MM-DD dates (to - from). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}
