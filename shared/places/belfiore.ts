import { decodePlaceDay } from './encoding';
import { PLACES_DATA } from './data';

/**
 * Places of birth by Belfiore (cadastral) code: every comune since 1861 and every foreign state or
 * territory, each with the days it was valid (ANPR and ISTAT lists, see docs/places.md). A code is
 * valid on its first day and on its last: a child born on the day its comune was created has it.
 */
export interface PlaceSpan {
  code: string;
  name: string;
  /** First valid day (yyyy-mm-dd), null: since ever. */
  from: string | null;
  /** Last valid day, null: still valid. */
  to: string | null;
}

let index: Map<string, PlaceSpan[]> | null = null;

function places(): Map<string, PlaceSpan[]> {
  if (index) return index;
  index = new Map();
  for (const entry of PLACES_DATA.split('|')) {
    const code = entry.slice(0, 4);
    const [from = '', to = '', ...name] = entry.slice(4).split(',');
    const span = { code, name: name.join(','), from: decodePlaceDay(from), to: decodePlaceDay(to) };
    const list = index.get(code);
    if (list) list.push(span);
    else index.set(code, [span]);
  }
  return index;
}

export type BirthPlaceLookup =
  | { found: true; code: string; name: string }
  | { found: false; reason: 'unknown' }
  | { found: false; reason: 'not-valid-then'; spans: PlaceSpan[] };

/** The place a code names on a given day (yyyy-mm-dd), bounds included. */
export function birthPlaceOn(code: string, isoDate: string): BirthPlaceLookup {
  const spans = places().get(code.toUpperCase());
  if (!spans) return { found: false, reason: 'unknown' };
  const hit = spans.find((s) => (s.from === null || s.from <= isoDate) && (s.to === null || isoDate <= s.to));
  if (hit) return { found: true, code: hit.code, name: hit.name };
  return { found: false, reason: 'not-valid-then', spans };
}
