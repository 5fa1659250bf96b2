import type { EnrolmentConfig } from './config';

/**
 * The portal closes enrolments on the deadline day (inclusive); an enrolment made at the counter
 * after it is accepted and marked "fuori termine" for the office to review. Both are local dates
 * (YYYY-MM-DD, Europe/Rome), so the comparison is between strings of the same shape.
 */
export function isLate(today: string, deadline: string): boolean {
  return today > deadline;
}

/** The deadline of a configured school year, or null when the year is not offered. */
export function deadlineOf(config: EnrolmentConfig, schoolYear: string): string | null {
  return config.schoolYears.find((y) => y.code === schoolYear)?.deadline ?? null;
}
