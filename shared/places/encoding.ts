/**
 * The compact form of a day in shared/places/data.ts: days since 1861-01-01 (the first day of the
 * Kingdom of Italy, before any code of the list) in base 36, empty for "no limit".
 */
const EPOCH = Date.UTC(1861, 0, 1);
const DAY = 86_400_000;

export function encodePlaceDay(isoDate: string | null): string {
  if (isoDate === null) return '';
  const days = Math.round((Date.parse(`${isoDate}T00:00:00Z`) - EPOCH) / DAY);
  if (!Number.isInteger(days)) throw new Error(`data non valida: ${isoDate}`);
  return Math.max(days, 0).toString(36);
}

export function decodePlaceDay(text: string): string | null {
  if (text === '') return null;
  return new Date(EPOCH + parseInt(text, 36) * DAY).toISOString().slice(0, 10);
}
