/**
 * Dates are typed as text, day first, the way the operator reads them off a document: a date input
 * would follow the PC's language (month first on an English Windows) and is slow by keyboard.
 */

/** "15/01/2026", "15-1-2026", "15.01.2026", "15012026" -> "2026-01-15"; null when it is not a real day. */
export function parseItalianDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 31/02 would roll over into March: only a day that exists is accepted.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2026-01-15" -> "15/01/2026" (what the field shows once a date is known). */
export function italianDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
