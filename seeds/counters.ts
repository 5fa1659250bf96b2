import { DEFAULT_COUNTER_CONFIG, type CounterConfig } from '../shared/config';
import { DEMO_ENROLMENT } from './enrolment';
import { DEMO_ENTE } from './ente';
import type { DemoCounterRow } from './rows';

/**
 * The counters of the Comune di Carrara: the two front-office desks of the Servizi Educativi, the
 * Ufficio Economato and the six Apuafarma pharmacies. Codes are fixed: tests, README and the central
 * emulator refer to them.
 */
const COMUNE = 'COMUNE DI CARRARA';
const SERVIZI_EDUCATIVI_ADDRESS = 'Via Solferino 12A, 54033 Carrara (MS)';

// Stamp duty on receipts above 77,47 euro, paid virtually by the Comune: an example of the setting.
const STAMP_DUTY: NonNullable<CounterConfig['stampDuty']> = {
  thresholdCents: 7747,
  amountCents: 200,
  text: 'Imposta di bollo assolta in modo virtuale',
};

// The header is the Comune's: the receipt itself adds the counter's name and address below it. The
// demo Ente and enrolments are written into the demo counters' configuration on purpose: a counter
// whose configuration lacks them refuses notices and registrations.
function officeConfig(officeLine: string, tillRequired: boolean): CounterConfig {
  return {
    ...DEFAULT_COUNTER_CONFIG,
    receiptHeader: [COMUNE, officeLine],
    stampDuty: STAMP_DUTY,
    ente: DEMO_ENTE,
    enrolment: DEMO_ENROLMENT,
    // The desk counts its drawer; a difference above 2 € needs a supervisor; no money outside an open
    // till session.
    till: { countsDrawer: true, requireOpenSession: tillRequired, supervisorThresholdCents: 200 },
  };
}

function pharmacy(code: string, name: string, address: string, tillRequired: boolean): DemoCounterRow {
  return {
    code,
    name,
    kind: 'farmacia',
    address,
    config: {
      ...DEFAULT_COUNTER_CONFIG,
      receiptHeader: [COMUNE, 'Servizi scolastici - ricarica presso Apuafarma'],
      stampDuty: null,
      // Pharmacy counters are read at arm's length between customers.
      largeType: true,
      // A pharmacy prints notices on its receipt printer (the QR carries the Ente's codice fiscale).
      ente: DEMO_ENTE,
      // The Comune's takings share the pharmacy's own till: no drawer to count, but a session all the same.
      till: { countsDrawer: false, requireOpenSession: tillRequired, supervisorThresholdCents: 1_000 },
    },
  };
}

export interface DemoCounterOptions {
  /**
   * Whether money needs an open till session (true, as the Comune runs them). Test suites about other
   * domains seed with it off so that a top-up is one step, as before the cash office existed.
   */
  tillRequired: boolean;
}

export function demoCounters({ tillRequired }: DemoCounterOptions = { tillRequired: true }): DemoCounterRow[] {
  return [
    {
      code: 'SE1',
      name: 'Servizi Educativi e Scolastici - Sportello 1',
      kind: 'sportello',
      address: SERVIZI_EDUCATIVI_ADDRESS,
      config: officeConfig('Servizi Educativi e Scolastici', tillRequired),
    },
    {
      code: 'SE2',
      name: 'Servizi Educativi e Scolastici - Sportello 2',
      kind: 'sportello',
      address: SERVIZI_EDUCATIVI_ADDRESS,
      config: officeConfig('Servizi Educativi e Scolastici', tillRequired),
    },
    {
      code: 'ECO',
      name: 'Ufficio Economato',
      kind: 'economato',
      address: 'Piazza 2 Giugno 1, primo piano, 54033 Carrara (MS)',
      config: officeConfig('Ufficio Economato', tillRequired),
    },
    pharmacy('FAR-CAVATORE', 'Farmacia del Cavatore', 'Carrara centro, 54033 Carrara (MS)', tillRequired),
    pharmacy('FAR-LAPERLA', 'Farmacia La Perla', 'Bonascola, 54031 Carrara (MS)', tillRequired),
    pharmacy('FAR-LAPRADA', 'Farmacia La Prada', 'Avenza, 54031 Carrara (MS)', tillRequired),
    pharmacy('FAR-FOSSONE', 'Farmacia Fossone', 'Fossone, 54031 Carrara (MS)', tillRequired),
    pharmacy('FAR-FIORILLO', 'Farmacia Fiorillo', 'Marina di Carrara, 54036 Carrara (MS)', tillRequired),
    pharmacy('FAR-PARADISO', 'Farmacia Paradiso', 'Marina di Carrara, 54036 Carrara (MS)', tillRequired),
  ];
}

export const DEMO_COUNTERS: readonly DemoCounterRow[] = demoCounters();

export const PHARMACY_COUNTER_CODES = DEMO_COUNTERS.filter((c) => c.kind === 'farmacia').map((c) => c.code);
