import { z } from 'zod';
import { LocalDate } from '../localDate';
import { Service } from '../domain';
import { isWellFormedConsent } from './consent';

/**
 * What the office decides each year about enrolments, as data: school years and their deadline,
 * schools, diets, transport routes, the tariff table per service per year with its ISEE bands,
 * the sibling reduction, how old an ISEE may be, the privacy notice. The counter reads it from
 * its configuration (`CounterConfig.enrolment`); the demo's is `DEMO_ENROLMENT` in seeds/.
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
  /** The consent statement; words that agree with the parent's sex as `{{Il sottoscritto|La sottoscritta}}`. */
  consentText: z.string().min(10).refine(isWellFormedConsent, {
    message: 'testo del consenso non valido: le alternative si scrivono {{maschile|femminile}}',
  }),
});
export type EnrolmentConfig = z.infer<typeof EnrolmentConfig>;
