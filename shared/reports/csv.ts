/**
 * CSV that Excel opens correctly in Italy: UTF-8 with a byte order mark (or Excel reads it as
 * Windows-1252), semicolons between fields (the comma is the decimal separator there), amounts with
 * a decimal comma and no thousands separator, days as GG/MM/AAAA, CRLF line ends. A field holding a
 * semicolon, a quote or a line break is quoted, its quotes doubled (RFC 4180).
 */
export const CSV_BOM = '\uFEFF';

export type CsvField = string | number | null;

/** Cents as Excel-Italian reads a number: 123456 -> "1234,56", -2000 -> "-20,00". */
export function csvCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`importo non intero: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** "2026-11-28" -> "28/11/2026". */
export function csvDate(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d}/${m}/${y}`;
}

function field(value: CsvField): string {
  const text = value === null ? '' : String(value);
  // A leading = + - @ would make Excel evaluate the cell as a formula (CSV injection): quote it as text.
  const guarded = /^[=+@]/.test(text) || (/^-/.test(text) && !/^-\d+(,\d+)?$/.test(text)) ? `'${text}` : text;
  return /[;"\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toCsv(rows: readonly (readonly CsvField[])[]): string {
  return CSV_BOM + rows.map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
}
