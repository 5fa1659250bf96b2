/** The central service emulator, for tests and the benchmark that start it in-process. */
export { startCentral, type CentralOptions, type RunningCentral } from './server';
export { parseFaultSpec, FaultInjector, type FaultSpec, type Fault } from './faults';
export { createEnrolmentCode } from './enrolment';
export { openCentralDatabase, CENTRAL_DB_FILE } from './schema';
export { DEFAULT_MEAL_PRICE_CENTS } from './simulate';
