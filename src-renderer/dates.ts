/**
 * Dates are typed as text, day first, the way the operator reads them off a document: a date input
 * would follow the PC's language (month first on an English Windows) and is slow by keyboard.
 */

export type DateInput = { ok: true; date: string | null } | { ok: false; message: string };

/**
 * What the operator typed as a date: "31/01/2027", "31-1-2027", "31.01.2027" or "31012027";
 * empty means no date. Answers "YYYY-MM-DD", refusing dates that do not exist (31/02).
 */
export function readItalianDate(text: string): DateInput {
  const t = text.trim();
  if (t === '') return { ok: true, date: null };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return { ok: false, message: `Data non leggibile "${t}": scrivere gg/mm/aaaa, per esempio 31/01/2027.` };
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `La data ${t} non esiste.` };
  }
  return { ok: true, date: `${year}-${pad2(month)}-${pad2(day)}` };
}

/** The same, for a field that must hold a date: "YYYY-MM-DD", or null when empty or not a real day. */
export function parseItalianDate(text: string): string | null {
  const read = readItalianDate(text);
  return read.ok ? read.date : null;
}

/** "2026-01-15" -> "15/01/2026" (what a field shows once a date is known). */
export function italianDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The same day `months` later; the 31st becomes the last day of a shorter month. */
export function addMonths(localDate: string, months: number): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad2(month)}-${pad2(Math.min(d, daysInMonth(year, month)))}`;
}

export function addDays(localDate: string, days: number): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d + days));
  return at.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
