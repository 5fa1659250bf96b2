import type { RosterOptions } from './roster';

/**
 * The one seed of the demo data and its sizes: a counter seeded with it (dev/seed.ts) and the
 * emulator loaded with it (central/load.ts) hold the same rows, ids and PIN hashes.
 */
export const DEMO_SEED = 'sportello-demo-carrara';
export const DEMO_FAMILIES = 2000;
const DEMO_MEAL_DAYS = 15;
const BENCH_MEAL_DAYS = 5;

/** The demo roster: about 2,000 families with three weeks of meals. */
export function demoRosterOptions(): RosterOptions {
  return { seed: DEMO_SEED, families: DEMO_FAMILIES, mealDays: DEMO_MEAL_DAYS };
}

/** The benchmark roster: the demo builders at scale, with exactly `accounts` accounts. */
export function benchRosterOptions(accounts: number): RosterOptions {
  if (!Number.isInteger(accounts) || accounts <= 0) throw new Error(`numero di conti non valido: ${accounts}`);
  return { seed: DEMO_SEED, accounts, mealDays: BENCH_MEAL_DAYS };
}
