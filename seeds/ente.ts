import type { EnteConfig } from '../shared/pagopa/ente';

/**
 * The demo's stand-in for the Comune's coat of arms: a neutral grey shield drawn for the project
 * (no real emblem), until the Comune configures its own logo.
 */
export const PLACEHOLDER_LOGO = `data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCA4MCA5NiI+PHBhdGggZD0iTTggMjBoNjR2MzRjMCAyMC0xNiAzMi0zMiAzOEMyNCA4NiA4IDc0IDggNTR6IiBmaWxsPSIjZjJmMmYyIiBzdHJva2U9IiM4YzhjOGMiIHN0cm9rZS13aWR0aD0iMi41Ii8+PHBhdGggZD0iTTE0IDZsOCA4IDgtMTAgMTAgMTAgMTAtMTAgOCAxMCA4LTh2MTBIMTR6IiBmaWxsPSIjYmRiZGJkIi8+PHBhdGggZD0iTTIyIDM2aDM2TTIyIDQ4aDM2TTIyIDYwaDM2IiBzdHJva2U9IiNiZGJkYmQiIHN0cm9rZS13aWR0aD0iNCIvPjwvc3ZnPg==`;

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
  logo: PLACEHOLDER_LOGO,
  paysOnOwnSite: false,
};
