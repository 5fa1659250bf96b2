import { z } from 'zod';

/**
 * A calendar day as "AAAA-MM-GG". The pattern alone let 2027-02-31 through (a pagoPA notice was issued,
 * printed and registered with that due date): every date of the contract and of the central API is a
 * day that exists (zod's ISO date knows month lengths and leap years), in a range no school service
 * can need beyond.
 */
export const MIN_LOCAL_YEAR = 1900;
export const MAX_LOCAL_YEAR = 2199;

export const LocalDate = z.iso
  .date({ error: 'Data non valida: serve un giorno che esiste nel calendario, nel formato AAAA-MM-GG' })
  .refine(
    (s) => {
      const year = Number(s.slice(0, 4));
      return year >= MIN_LOCAL_YEAR && year <= MAX_LOCAL_YEAR;
    },
    { error: `Data fuori dall'intervallo ammesso (anni ${MIN_LOCAL_YEAR}-${MAX_LOCAL_YEAR})` },
  );

/** True for a day of the Gregorian calendar in the admitted range: 2028-02-29 yes, 2027-02-29 no. */
export function isLocalDate(s: string): boolean {
  return LocalDate.safeParse(s).success;
}
