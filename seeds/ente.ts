import type { EnteConfig } from '../shared/pagopa/ente';

/**
 * Placeholder values for the Comune di Carrara until it provides its own. They pass every check
 * (the fiscal code has a valid check digit) but are not the Comune's real codes.
 */
export const DEMO_ENTE: EnteConfig = {
  name: 'Comune di Carrara',
  sector: 'Servizi Educativi e Scolastici',
  info: 'Via Solferino 12A · 54033 Carrara (MS)',
  fiscalCode: '00123450454',
  cbill: 'AB1C2',
  segregationCode: '01',
  postal: null,
};
