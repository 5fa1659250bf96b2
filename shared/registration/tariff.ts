import { DomainError } from '../errors';
import { SERVICE_LABELS, type Service } from '../domain';
import { formatLocalDate } from '../time';
import type { EnrolmentConfig, ServiceTariff, TariffBand } from './config';
import { deadlineOf, isLate } from './deadline';

export interface QuoteRequest {
  service: Service;
  schoolYear: string;
  /** Absent: no ISEE presented (top band). */
  iseeCents?: number | undefined;
  /** Date of the ISEE attestation; an ISEE too old counts as none. */
  iseeDate?: string | undefined;
  /** 1 for the family's first child enrolled in this service and year, 2 for the second... */
  siblingOrder: number;
  nidoTime?: 'tempo_pieno' | 'part_time' | undefined;
}

export interface TariffQuote {
  band: { code: string; label: string };
  tariffCents: number;
  siblingReductionPercent: number;
  finalTariffCents: number;
  tariffUnit: string;
  late: boolean;
  /** Why the ISEE was not used (too old, dated in the future); absent when all is plain. */
  note?: string;
}

/** The tariff table of a service for a year, or an Italian error when the configuration has none. */
export function tariffOf(config: EnrolmentConfig, service: Service, schoolYear: string): ServiceTariff {
  const tariff = config.tariffs.find((t) => t.service === service && t.schoolYear === schoolYear);
  if (!tariff) {
    throw new DomainError(
      'INPUT_INVALID',
      `Nessuna tariffa configurata per ${SERVICE_LABELS[service].toLowerCase()} nell'anno scolastico ${schoolYear}.`,
    );
  }
  return tariff;
}

/** The band an ISEE falls in (limits inclusive); no ISEE: the top band. */
export function bandFor(tariff: ServiceTariff, iseeCents: number | null): TariffBand {
  const top = tariff.bands.at(-1);
  if (!top) throw new Error('tariffa senza fasce');
  if (iseeCents === null) return top;
  return tariff.bands.find((b) => b.maxIseeCents === null || iseeCents <= b.maxIseeCents) ?? top;
}

/**
 * Whether an ISEE dated `iseeDate` still counts on `today`: issued in the current calendar year or
 * in the `iseeMaxAgeYears` before it, and not in the future. Null when it counts, else the reason.
 */
export function iseeDateProblem(config: EnrolmentConfig, iseeDate: string, today: string): string | null {
  if (iseeDate > today) return `ISEE con data futura (${formatLocalDate(iseeDate)}): applicata la fascia massima.`;
  const oldest = Number(today.slice(0, 4)) - config.iseeMaxAgeYears;
  if (Number(iseeDate.slice(0, 4)) < oldest) {
    return `ISEE del ${formatLocalDate(iseeDate)} non più valido (deve essere del ${oldest} o successivo): applicata la fascia massima.`;
  }
  return null;
}

/** The tariff an enrolment gets: band by ISEE, part time for the nido, sibling reduction, deadline. */
export function quoteTariff(config: EnrolmentConfig, req: QuoteRequest, today: string): TariffQuote {
  const tariff = tariffOf(config, req.service, req.schoolYear);
  const deadline = deadlineOf(config, req.schoolYear);
  if (deadline === null) {
    throw new DomainError(
      'INPUT_INVALID',
      `L'anno scolastico ${req.schoolYear} non è tra quelli aperti alle iscrizioni.`,
    );
  }
  let note: string | null = null;
  let isee = req.iseeCents ?? null;
  if (isee !== null && req.iseeDate !== undefined) {
    note = iseeDateProblem(config, req.iseeDate, today);
    if (note !== null) isee = null;
  }
  const band = bandFor(tariff, isee);
  const partTime = req.service === 'asilo_nido' && req.nidoTime === 'part_time';
  const tariffCents = partTime ? partTimeAmount(tariff, band) : band.amountCents;
  const reduction = config.siblingReduction;
  const siblingReductionPercent = reduction !== null && req.siblingOrder >= reduction.fromOrder ? reduction.percent : 0;
  // Rounded to the cent, halves up: 20% off 2,85 € is 2,28 €.
  const finalTariffCents = Math.round((tariffCents * (100 - siblingReductionPercent)) / 100);
  return {
    band: { code: band.code, label: band.label },
    tariffCents,
    siblingReductionPercent,
    finalTariffCents,
    tariffUnit: partTime ? `${tariff.unit} (part time)` : tariff.unit,
    late: isLate(today, deadline),
    ...(note !== null ? { note } : {}),
  };
}

function partTimeAmount(tariff: ServiceTariff, band: TariffBand): number {
  if (band.partTimeAmountCents !== undefined) return band.partTimeAmountCents;
  if (tariff.partTimePercent === null) return band.amountCents;
  return Math.round((band.amountCents * tariff.partTimePercent) / 100);
}
