import fs from 'node:fs';
import path from 'node:path';
import { encodePlaceDay } from '../shared/places/encoding';

/**
 * `npx tsx scripts/generate-places.ts <anpr-comuni.csv> <istat-esteri.csv> <istat-esteri-cessati.csv>
 *  <anpr-stati-esteri.csv>` writes shared/places/data.ts: every Belfiore code (comuni since 1861 and
 * foreign states and territories) with the days it was valid. The sources, their dates and where to
 * get them again are in docs/places.md; the file written names them too.
 */

const OUT = path.join(__dirname, '..', 'shared', 'places', 'data.ts');
const SUPPLEMENT = path.join(__dirname, 'places', 'agenzia-entrate-z-codes.csv');

/** RFC 4180 enough for these files: quoted fields, doubled quotes, commas inside quotes. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  const clean = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i]!;
    if (quoted) {
      if (c === '"' && clean[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && clean[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const LOWER = new Set([
  'a',
  'al',
  'all',
  'alla',
  'alle',
  'allo',
  'ai',
  'agli',
  'col',
  'con',
  'd',
  'da',
  'dal',
  'dalla',
  'de',
  'dei',
  'del',
  'della',
  'delle',
  'dello',
  'degli',
  'di',
  'e',
  'ed',
  'in',
  'nel',
  'nell',
  'nella',
  'sopra',
  'sotto',
  'su',
  'sul',
  'sull',
  'sulla',
  'and',
  'of',
  'y',
]);

/** "REGGIO NELL'EMILIA" -> "Reggio nell'Emilia": the sources write comuni in capitals. */
function titleCase(upper: string): string {
  return upper
    .toLowerCase()
    .replace(/[\p{L}]+/gu, (word, offset: number) =>
      offset > 0 && LOWER.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    );
}

/** dd/mm/yyyy or yyyy-mm-dd to yyyy-mm-dd. */
function iso(date: string): string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(date);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : date;
}

interface Span {
  code: string;
  from: string | null;
  to: string | null;
  name: string;
}

function openEnd(date: string): string | null {
  return date === '' || date.startsWith('9999') ? null : date;
}

function comuni(file: string): Span[] {
  const spans: Span[] = [];
  for (const r of parseCsv(fs.readFileSync(file, 'utf8'))) {
    const code = r['registry_code'] ?? '';
    if (!/^[A-Z]\d{3}$/.test(code)) continue; // a few 19th-century rows have no code ("ND")
    spans.push({
      code,
      from: r['institution_date']!,
      to: openEnd(r['end_date']!),
      name: titleCase(r['name_it']!),
    });
  }
  return spans;
}

function foreign(istat: string, ceased: string, anpr: string): Span[] {
  const byCode = new Map<string, Span>();
  // ISTAT's list in force: states and territories, no dates (valid since ever).
  for (const r of parseCsv(fs.readFileSync(istat, 'utf8'))) {
    const code = r['registry_code'] ?? '';
    if (!/^Z\d{3}$/.test(code)) continue;
    byCode.set(code, { code, from: null, to: null, name: r['name_it']! });
  }
  // ISTAT's ceased states: the year they ceased; a child born that year still had the old state.
  for (const r of parseCsv(fs.readFileSync(ceased, 'utf8'))) {
    const code = r['registry_code'] ?? '';
    if (!/^Z\d{3}$/.test(code) || byCode.has(code)) continue;
    byCode.set(code, { code, from: null, to: `${r['end_date']!}-12-31`, name: r['name_old']! });
  }
  // ANPR's table of foreign states and territories, with its validity dates: territories that
  // ISTAT's current list folds into their sovereign state keep their own Belfiore code here.
  for (const r of parseCsv(fs.readFileSync(anpr, 'utf8'))) {
    const code = r['CODAT'] ?? '';
    if (!/^Z\d{3}$/.test(code) || byCode.has(code)) continue;
    const from = iso(r['DATAINIZIOVALIDITA']!);
    byCode.set(code, {
      code,
      from: from <= '1900-01-01' ? null : from,
      to: openEnd(iso(r['DATAFINEVALIDITA']!)),
      name: r['DENOMINAZIONEISTAT'] || titleCase(r['DENOMINAZIONE']!),
    });
  }
  // Belfiore codes of the Agenzia delle Entrate that neither ISTAT nor ANPR lists (Hong Kong, Puerto
  // Rico, the US Virgin Islands, historical states...): real codes of real people, without dates.
  for (const r of parseCsv(fs.readFileSync(SUPPLEMENT, 'utf8'))) {
    const code = r['code']!;
    if (byCode.has(code)) continue;
    // "VERGINI AMERICANE (ISOLE)" as people say it: "Isole Vergini Americane".
    const name = titleCase(r['name']!).replace(/^(.*) \((Isole|Isola)\)$/, '$2 $1');
    byCode.set(code, { code, from: null, to: null, name });
  }
  return [...byCode.values()];
}

/** One code's rows with the same name and touching dates become one span (a province changed). */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.code.localeCompare(b.code) || (a.from ?? '').localeCompare(b.from ?? ''));
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && last.code === s.code && last.name === s.name && last.to !== null && s.from !== null) {
      const next = new Date(`${last.to}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      if (next.toISOString().slice(0, 10) >= s.from) {
        if (s.to === null || s.to > last.to) last.to = s.to;
        continue;
      }
    }
    out.push({ ...s });
  }
  return out;
}

function main(): void {
  const [comuniFile, istatFile, ceasedFile, anprFile] = process.argv.slice(2);
  if (!comuniFile || !istatFile || !ceasedFile || !anprFile) {
    throw new Error('uso: generate-places.ts <comuni.csv> <esteri.csv> <esteri-cessati.csv> <anpr-stati.csv>');
  }
  const spans = merge([...comuni(comuniFile), ...foreign(istatFile, ceasedFile, anprFile)]);
  const lines = spans.map(
    (s) => `${s.code}${encodePlaceDay(s.from)},${encodePlaceDay(s.to)},${s.name.replace(/[\n|]/g, ' ')}`,
  );
  const text = `// Generated by scripts/generate-places.ts: do not edit. Sources and dates: docs/places.md.
// Comuni: ANPR archivio comuni (ISTAT codes, validity dates), as downloaded on 2024-08-07 (last update
// 2024-05-31). Foreign: ISTAT unità territoriali estere (edition 2024-03) and Paesi esteri cessati,
// ANPR tabella Stati esteri (2019-03-11), Agenzia delle Entrate Belfiore codes missing from both.
// One place per "|": code (4), first valid day, last valid day (days since 1861-01-01 in base 36,
// empty = open), name.
export const PLACES_DATA =
  ${JSON.stringify(lines.join('|'))};
`;
  fs.writeFileSync(OUT, text);
  console.log(`Scritto ${path.relative(process.cwd(), OUT)}: ${spans.length} luoghi`);
}

main();
