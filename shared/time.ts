/** Business-day rules (receipt year, today's voids, the double guard) use local time in Europe/Rome. */
export const BUSINESS_TZ = 'Europe/Rome';

const dateFmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const displayFmt = new Intl.DateTimeFormat('it-IT', {
  timeZone: BUSINESS_TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2026-11-28" for the day in Rome that contains the instant. */
export function romeDate(at: Date): string {
  return dateFmt.format(at);
}

export function romeYear(at: Date): number {
  return Number(romeDate(at).slice(0, 4));
}

/** "28/11/2026 14:05" in Rome. */
export function formatRomeDateTime(iso: string | Date): string {
  return displayFmt.format(typeof iso === 'string' ? new Date(iso) : iso).replace(',', '');
}

/** "2026-11-28" -> "28/11/2026" */
export function formatLocalDate(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d}/${m}/${y}`;
}
