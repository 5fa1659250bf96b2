/**
 * Text rules of the notice: the guide's field limits (a longer value is cut with "…", never allowed
 * to overflow its box) and the accent folding the Poste Data Matrix needs (uppercase ASCII only).
 */

/** Field limits of the Avvisi 3.x guide, in characters. */
export const NOTICE_LIMITS = {
  subject: 90,
  enteName: 100,
  enteSector: 50,
  enteInfo: 100,
  debtorName: 70,
  debtorAddress: 140,
} as const;

/**
 * At most `max` characters (code points, so an emoji is not split in half): a longer text keeps
 * `max - 1` characters and ends with "…". Whitespace runs collapse to one space first.
 */
export function truncate(text: string, max: number): string {
  if (!Number.isInteger(max) || max < 1) throw new Error(`lunghezza massima non valida: ${max}`);
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  if (chars.length <= max) return clean;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * Uppercase printable ASCII: accents stripped ("Niccolò" -> "NICCOLO"), ligatures and other
 * characters outside ASCII turned into a space, one output character per input code point.
 */
export function foldToUpperAscii(text: string): string {
  let out = '';
  for (const char of text) {
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    const upper = base.toUpperCase();
    // Only a one-to-one fold keeps every field of the Data Matrix at its position.
    out += upper.length === 1 && /^[\x20-\x7e]$/.test(upper) ? upper : ' ';
  }
  return out;
}

/** Exactly `length` characters: cut, or padded on the right with spaces. */
export function fixedWidth(text: string, length: number): string {
  return text.length >= length ? text.slice(0, length) : text.padEnd(length, ' ');
}

/**
 * Said on the notice (A4 and thermal) and on screen while the central service has not yet
 * registered the debt position: until then every PSP refuses the codice avviso.
 */
export const NOT_REGISTERED_WARNING =
  'Avviso in corso di registrazione presso pagoPA: fino alla conferma non può essere pagato.';
