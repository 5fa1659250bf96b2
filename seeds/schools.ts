import type { Service } from '../shared/domain';

/**
 * School levels of the demo children and their schools. Birth years follow the Italian school
 * calendar: in the school year that starts in September of `SCHOOL_YEAR`, the first class of the
 * primaria holds the children who turn six by 31 December of that year.
 */
export const SCHOOL_YEAR = 2026;

export type SchoolLevel = 'nido' | 'infanzia' | 'primaria' | 'secondaria';

export interface LevelRule {
  level: SchoolLevel;
  /** Share of the children at this level. */
  weight: number;
  /** Birth dates of the level, YYYY-MM-DD, inclusive. */
  bornFrom: string;
  bornTo: string;
  schools: readonly string[];
  /** Chance of an account in each service. */
  services: Readonly<Record<Service, number>>;
}

export const LEVELS: readonly LevelRule[] = [
  {
    level: 'nido',
    weight: 8,
    // Too young for the infanzia (three by 31 December); the youngest start at six months.
    bornFrom: `${SCHOOL_YEAR - 2}-01-01`,
    bornTo: `${SCHOOL_YEAR}-05-31`,
    schools: [
      "Nido d'infanzia Il Girasole",
      "Nido d'infanzia Peter Pan",
      "Nido d'infanzia L'Aquilone",
      "Nido d'infanzia La Coccinella",
    ],
    services: { asilo_nido: 1, refezione: 0, trasporto: 0 },
  },
  {
    level: 'infanzia',
    weight: 22,
    bornFrom: `${SCHOOL_YEAR - 5}-01-01`,
    bornTo: `${SCHOOL_YEAR - 3}-12-31`,
    schools: [
      "Scuola dell'infanzia Fossola",
      "Scuola dell'infanzia Bonascola",
      "Scuola dell'infanzia Avenza - Il Melograno",
      "Scuola dell'infanzia Marina di Carrara - Doganella",
      "Scuola dell'infanzia Bedizzano",
      "Scuola dell'infanzia Nazzano",
    ],
    services: { asilo_nido: 0, refezione: 0.92, trasporto: 0.12 },
  },
  {
    level: 'primaria',
    weight: 45,
    bornFrom: `${SCHOOL_YEAR - 10}-01-01`,
    bornTo: `${SCHOOL_YEAR - 6}-12-31`,
    schools: [
      'Scuola primaria Giuseppe Mazzini',
      'Scuola primaria Fossone',
      'Scuola primaria Doganella',
      'Scuola primaria Don Lorenzo Milani - Avenza',
      'Scuola primaria Bonascola',
      'Scuola primaria Perticata',
      'Scuola primaria Gragnana',
      'Scuola primaria Marina Centro',
    ],
    services: { asilo_nido: 0, refezione: 0.86, trasporto: 0.22 },
  },
  {
    level: 'secondaria',
    weight: 25,
    bornFrom: `${SCHOOL_YEAR - 13}-01-01`,
    bornTo: `${SCHOOL_YEAR - 11}-12-31`,
    schools: [
      'Scuola secondaria di primo grado Michelangelo Buonarroti',
      'Scuola secondaria di primo grado Leonardo da Vinci - Marina di Carrara',
      'Scuola secondaria di primo grado Galileo Galilei - Avenza',
      'Scuola secondaria di primo grado Dante Alighieri - Fossola',
    ],
    // Meals only where the school runs the long week (tempo prolungato).
    services: { asilo_nido: 0, refezione: 0.3, trasporto: 0.35 },
  },
];

/** The class of a pupil of the primaria or secondaria in `SCHOOL_YEAR`, from the birth year. */
export function classOf(level: SchoolLevel, birthYear: number): number | null {
  switch (level) {
    case 'primaria':
      return SCHOOL_YEAR - birthYear - 5;
    case 'secondaria':
      return SCHOOL_YEAR - birthYear - 10;
    case 'nido':
    case 'infanzia':
      return null;
    default: {
      const never: never = level;
      throw new Error(`livello sconosciuto: ${String(never)}`);
    }
  }
}
