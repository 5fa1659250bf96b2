import { z } from 'zod';
import { LocalDate } from '../localDate';
import { Service } from '../domain';

/**
 * What the office decides each year about enrolments, as data: school years and their deadline,
 * schools, diets, transport routes, the tariff table per service per year with its ISEE bands,
 * the sibling reduction, how old an ISEE may be, the privacy notice. The counter reads it from
 * its configuration (`CounterConfig.enrolment`), the demo from DEMO_ENROLMENT.
 */
const Cents = z.number().int().nonnegative().safe();

export const SchoolYearConfig = z.object({
  /** "2026/2027". */
  code: z.string().regex(/^\d{4}\/\d{4}$/),
  /** Last day of the portal's enrolments: later ones are "fuori termine". */
  deadline: LocalDate,
});

export const TariffBand = z.object({
  code: z.string().min(1).max(10),
  label: z.string().min(1),
  /** Highest ISEE of the band, inclusive; null for the top band (also for no ISEE). */
  maxIseeCents: Cents.nullable(),
  amountCents: Cents,
  /** asilo nido: the part-time amount of this band, when it is not the tariff's percentage. */
  partTimeAmountCents: Cents.optional(),
});
export type TariffBand = z.infer<typeof TariffBand>;

export const ServiceTariff = z
  .object({
    service: Service,
    schoolYear: z.string().regex(/^\d{4}\/\d{4}$/),
    /** "a pasto", "al mese". */
    unit: z.string().min(1),
    /** Ascending by maxIseeCents; the last one (only the last) has maxIseeCents null. */
    bands: z.array(TariffBand).min(1),
    /** asilo nido: part time costs this percentage of the band (unless the band says its amount). */
    partTimePercent: z.number().int().min(1).max(100).nullable(),
  })
  .refine(
    (t) =>
      t.bands.every((b, i) => (i === t.bands.length - 1 ? b.maxIseeCents === null : b.maxIseeCents !== null)) &&
      t.bands.every((b, i) => {
        const prev = i === 0 ? null : t.bands[i - 1]?.maxIseeCents;
        return prev === null || prev === undefined || b.maxIseeCents === null || b.maxIseeCents > prev;
      }),
    { message: "Le fasce ISEE devono essere crescenti e solo l'ultima senza limite." },
  );
export type ServiceTariff = z.infer<typeof ServiceTariff>;

export const TransportRoute = z.object({
  code: z.string().min(1).max(20),
  name: z.string().min(1),
  stops: z.array(z.object({ code: z.string().min(1).max(20), name: z.string().min(1) })).min(1),
});

export const EnrolmentConfig = z.object({
  /** The year enrolments are for by default, then the others offered. */
  schoolYears: z.array(SchoolYearConfig).min(1),
  schools: z.array(z.string().min(1)).min(1),
  diets: z.array(z.string().min(1)),
  routes: z.array(TransportRoute),
  tariffs: z.array(ServiceTariff),
  /** From the `fromOrder`-th child of the family enrolled in the same service and year; null: none. */
  siblingReduction: z
    .object({ percent: z.number().int().min(1).max(100), fromOrder: z.number().int().min(2) })
    .nullable(),
  /** An ISEE counts if issued in the current calendar year or in the `iseeMaxAgeYears` before it. */
  iseeMaxAgeYears: z.number().int().min(0).max(5),
  consentText: z.string().min(10),
});
export type EnrolmentConfig = z.infer<typeof EnrolmentConfig>;

const euro = (e: number) => Math.round(e * 100);

/** The demo configuration (Comune di Carrara, a.s. 2026/2027); the amounts are plausible, not official. */
export const DEMO_ENROLMENT: EnrolmentConfig = {
  schoolYears: [{ code: '2026/2027', deadline: '2026-09-15' }],
  schools: [
    "Nido d'infanzia Il Girasole",
    "Nido d'infanzia Peter Pan",
    "Nido d'infanzia L'Aquilone",
    "Nido d'infanzia La Coccinella",
    "Scuola dell'infanzia Fossola",
    "Scuola dell'infanzia Bonascola",
    "Scuola dell'infanzia Avenza - Il Melograno",
    "Scuola dell'infanzia Marina di Carrara - Doganella",
    'Scuola primaria Giuseppe Mazzini',
    'Scuola primaria Fossone',
    'Scuola primaria Doganella',
    'Scuola primaria Don Lorenzo Milani - Avenza',
    'Scuola primaria Marina Centro',
    'Scuola secondaria di primo grado Michelangelo Buonarroti',
    'Scuola secondaria di primo grado Galileo Galilei - Avenza',
  ],
  diets: ['Senza glutine', 'Senza lattosio', 'Vegetariana', 'Motivi religiosi', 'Allergie alimentari'],
  routes: [
    {
      code: 'L1',
      name: 'Linea 1 - Fossola, Avenza',
      stops: [
        { code: 'L1-01', name: 'Fossola, piazza della Chiesa' },
        { code: 'L1-02', name: 'Via Carriona, distributore' },
        { code: 'L1-03', name: 'Avenza, piazza Finelli' },
      ],
    },
    {
      code: 'L2',
      name: 'Linea 2 - Bonascola, Marina di Carrara',
      stops: [
        { code: 'L2-01', name: 'Bonascola, via Bonascola' },
        { code: 'L2-02', name: 'Marina di Carrara, piazza Menconi' },
        { code: 'L2-03', name: 'Marina di Carrara, via Rinchiosa' },
      ],
    },
    {
      code: 'L3',
      name: 'Linea 3 - Gragnana, Bedizzano',
      stops: [
        { code: 'L3-01', name: 'Gragnana, piazza' },
        { code: 'L3-02', name: 'Bedizzano, fermata della Chiesa' },
        { code: 'L3-03', name: 'Carrara, piazza Farini' },
      ],
    },
  ],
  tariffs: [
    {
      service: 'refezione',
      schoolYear: '2026/2027',
      unit: 'a pasto',
      partTimePercent: null,
      bands: [
        { code: 'A', label: 'Fascia A (ISEE fino a 6.000,00 €)', maxIseeCents: euro(6_000), amountCents: euro(1.5) },
        { code: 'B', label: 'Fascia B (ISEE fino a 10.000,00 €)', maxIseeCents: euro(10_000), amountCents: euro(2.8) },
        { code: 'C', label: 'Fascia C (ISEE fino a 16.000,00 €)', maxIseeCents: euro(16_000), amountCents: euro(3.8) },
        { code: 'D', label: 'Fascia D (ISEE fino a 25.000,00 €)', maxIseeCents: euro(25_000), amountCents: euro(4.6) },
        {
          code: 'E',
          label: 'Fascia E (ISEE oltre 25.000,00 € o non presentato)',
          maxIseeCents: null,
          amountCents: euro(5.2),
        },
      ],
    },
    {
      service: 'trasporto',
      schoolYear: '2026/2027',
      unit: 'al mese',
      partTimePercent: null,
      bands: [
        { code: 'A', label: 'Fascia A (ISEE fino a 6.000,00 €)', maxIseeCents: euro(6_000), amountCents: euro(15) },
        { code: 'B', label: 'Fascia B (ISEE fino a 12.000,00 €)', maxIseeCents: euro(12_000), amountCents: euro(25) },
        { code: 'C', label: 'Fascia C (ISEE fino a 20.000,00 €)', maxIseeCents: euro(20_000), amountCents: euro(32) },
        {
          code: 'D',
          label: 'Fascia D (ISEE oltre 20.000,00 € o non presentato)',
          maxIseeCents: null,
          amountCents: euro(40),
        },
      ],
    },
    {
      service: 'asilo_nido',
      schoolYear: '2026/2027',
      unit: 'al mese',
      partTimePercent: 70,
      bands: [
        { code: 'A', label: 'Fascia A (ISEE fino a 8.000,00 €)', maxIseeCents: euro(8_000), amountCents: euro(120) },
        { code: 'B', label: 'Fascia B (ISEE fino a 15.000,00 €)', maxIseeCents: euro(15_000), amountCents: euro(220) },
        { code: 'C', label: 'Fascia C (ISEE fino a 25.000,00 €)', maxIseeCents: euro(25_000), amountCents: euro(330) },
        {
          code: 'D',
          label: 'Fascia D (ISEE oltre 25.000,00 € o non presentato)',
          maxIseeCents: null,
          amountCents: euro(450),
          partTimeAmountCents: euro(300),
        },
      ],
    },
  ],
  siblingReduction: { percent: 20, fromOrder: 2 },
  iseeMaxAgeYears: 1,
  consentText:
    "Il sottoscritto dichiara di aver ricevuto l'informativa sul trattamento dei dati personali ai sensi degli " +
    'artt. 13 e 14 del Regolamento (UE) 2016/679 e acconsente al trattamento dei dati propri e dei minori ' +
    'indicati da parte del Comune di Carrara, Settore Servizi Educativi e Scolastici, per la gestione ' +
    "dell'iscrizione ai servizi scolastici, delle tariffe e dei pagamenti.",
};
