import type { EnrolmentConfig } from '../shared/registration/config';

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
    "{{Il sottoscritto|La sottoscritta}} dichiara di aver ricevuto l'informativa sul trattamento dei dati personali ai sensi degli " +
    'artt. 13 e 14 del Regolamento (UE) 2016/679 e acconsente al trattamento dei dati propri e dei minori ' +
    'indicati da parte del Comune di Carrara, Settore Servizi Educativi e Scolastici, per la gestione ' +
    "dell'iscrizione ai servizi scolastici, delle tariffe e dei pagamenti.",
};
