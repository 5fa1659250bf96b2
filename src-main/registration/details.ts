import type { EnrolmentInput } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { SERVICE_LABELS } from '../../shared/domain';
import type { EnrolmentConfig } from '../../shared/registration/config';

/**
 * What an enrolment says beyond its tariff (stored as JSON in enrolments.details): the diet and its
 * certificate, the bus route, stop and direction (names copied from the configuration of the day,
 * so the summary reads the same after the lists change), the nido time, why the ISEE was not used.
 */
export interface EnrolmentDetails {
  diet?: { type: string; certificate: string };
  transport?: {
    routeCode: string;
    routeName: string;
    stopCode: string;
    stopName: string;
    direction: 'andata' | 'ritorno' | 'andata_ritorno';
  };
  nidoTime?: 'tempo_pieno' | 'part_time';
  iseeNote?: string;
}

const DIRECTIONS = { andata: 'solo andata', ritorno: 'solo ritorno', andata_ritorno: 'andata e ritorno' } as const;

/** Checks the service-specific fields against the configuration and returns the details to store. */
export function detailsOf(config: EnrolmentConfig, e: EnrolmentInput, who: string): EnrolmentDetails {
  const label = SERVICE_LABELS[e.service].toLowerCase();
  const bad = (message: string) => new DomainError('INPUT_INVALID', `${who}, ${label}: ${message}`);
  if (e.diet !== undefined && e.service !== 'refezione') throw bad('la dieta speciale vale solo per la refezione.');
  if (e.transport !== undefined && e.service !== 'trasporto')
    throw bad('linea e fermata valgono solo per il trasporto.');
  if (e.nidoTime !== undefined && e.service !== 'asilo_nido') throw bad("l'orario vale solo per l'asilo nido.");
  const details: EnrolmentDetails = {};
  switch (e.service) {
    case 'refezione':
      if (e.diet !== undefined) {
        if (!config.diets.includes(e.diet.type)) {
          throw bad(`dieta "${e.diet.type}" non prevista (diete: ${config.diets.join(', ')}).`);
        }
        details.diet = { type: e.diet.type, certificate: e.diet.certificate };
      }
      break;
    case 'trasporto': {
      if (e.transport === undefined) throw bad('indicare linea, fermata e direzione.');
      const { routeCode, stopCode, direction } = e.transport;
      const route = config.routes.find((r) => r.code === routeCode);
      if (!route) throw bad(`linea ${routeCode} sconosciuta.`);
      const stop = route.stops.find((s) => s.code === stopCode);
      if (!stop) throw bad(`la fermata ${stopCode} non è sulla ${route.name}.`);
      details.transport = { routeCode, routeName: route.name, stopCode, stopName: stop.name, direction };
      break;
    }
    case 'asilo_nido':
      details.nidoTime = e.nidoTime ?? 'tempo_pieno';
      break;
  }
  return details;
}

/** The details in one Italian line, for the screen and the summary. */
export function describeDetails(details: EnrolmentDetails): string {
  const parts: string[] = [];
  if (details.diet) parts.push(`Dieta: ${details.diet.type} (certificato: ${details.diet.certificate})`);
  if (details.transport) {
    const t = details.transport;
    parts.push(`${t.routeName}, fermata ${t.stopName}, ${DIRECTIONS[t.direction]}`);
  }
  if (details.nidoTime) parts.push(details.nidoTime === 'part_time' ? 'Part time' : 'Tempo pieno');
  if (details.iseeNote) parts.push(details.iseeNote);
  return parts.join('; ');
}
