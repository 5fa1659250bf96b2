/**
 * The demo data of Sportello: what the development command, the emulator, the README, the benchmark
 * and the tests use. Pure builders and values (plus PIN hashing); writing them into a counter is
 * dev/seed.ts's job. Never part of the app.
 */
export { DEMO_COUNTERS, PHARMACY_COUNTER_CODES } from './counters';
export { DEMO_OPERATORS, type DemoOperator } from './operators';
export { SEED_TIME } from './calendar';
export { benchRosterOptions, DEMO_FAMILIES, DEMO_SEED, demoRosterOptions } from './demo';
export { DEMO_ENROLMENT } from './enrolment';
export { DEMO_ENTE } from './ente';
export { demoOperatorRows, hashPin } from './pins';
export { buildRoster, type DemoAccount, type DemoChild, type DemoFamily, type RosterOptions } from './roster';
