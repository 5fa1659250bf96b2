/** The demo data of Sportello: what the CLI, the README, the benchmark and the tests use. */
export { DEMO_COUNTERS, PHARMACY_COUNTER_CODES } from './counters';
export { DEMO_OPERATORS, type DemoOperator } from './operators';
export { SEED_TIME } from './calendar';
export {
  DatabaseNotEmptyError,
  DEMO_FAMILIES,
  DEMO_SEED,
  seedBench,
  seedDemo,
  seedDemoDataDir,
  type SeedSummary,
} from './demo';
export { buildRoster, type DemoAccount, type DemoChild, type DemoFamily, type RosterOptions } from './roster';
