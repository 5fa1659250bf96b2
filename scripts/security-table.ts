import fs from 'node:fs';
import path from 'node:path';
import { README_FILE, readmeWithSection } from './readme-section';

/**
 * The README's security table is written by the tests themselves: each test that tries an attack
 * or a damage records, once its assertions passed, what it tried, how many times and what held
 * (test/support/security-table.ts); at the end of the run the rows are merged, by test and attack,
 * into docs/security-held.json and rendered between the markers. A row is there only because a test
 * got past its assertions; the figures are the test's own counts.
 */
export const HELD_FILE = path.join(__dirname, '..', 'docs', 'security-held.json');
export const BEGIN_MARKER = '<!-- security-table: written by the tests (test/support/security-table.ts) -->';
export const END_MARKER = '<!-- security-table: end -->';

/** The environment variable naming the run's file of rows (set by the tests' global setup). */
export const SECURITY_ROWS_ENV = 'SPORTELLO_SECURITY_ROWS';

export interface HeldRow {
  /** The attack or damage, as the README reads it. */
  attack: string;
  /** How many cases the test tried (requests, payloads, copies...). */
  tried: number;
  /** What happened: what held. */
  held: string;
  /** The test file, relative to the repository. */
  test: string;
}

const key = (r: HeldRow) => `${r.test}\u0000${r.attack}`;

export function readHeld(file = HELD_FILE): HeldRow[] {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as HeldRow[]) : [];
}

/** The rows of `previous` with those of this run in their place (same test and attack), in a stable order. */
export function mergeHeld(previous: HeldRow[], fresh: HeldRow[]): HeldRow[] {
  const byKey = new Map(previous.map((r) => [key(r), r]));
  for (const r of fresh) byKey.set(key(r), r);
  return [...byKey.values()].sort((a, b) => a.test.localeCompare(b.test) || a.attack.localeCompare(b.attack));
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderHeldRows(rows: HeldRow[]): string {
  return [
    '| attack or damage | tried | what held | test |',
    '| --- | ---: | --- | --- |',
    ...rows.map((r) => `| ${cell(r.attack)} | ${r.tried} | ${cell(r.held)} | \`${r.test}\` |`),
  ].join('\n');
}

export function readmeWithSecurityTable(readme: string, rows: HeldRow[]): Promise<string> {
  return readmeWithSection(
    readme,
    { begin: BEGIN_MARKER, end: END_MARKER, name: 'security table' },
    renderHeldRows(rows),
  );
}

/** End of a test run: merges the run's rows and rewrites docs/security-held.json and the README's table. */
export async function writeSecurityTable(fresh: HeldRow[]): Promise<void> {
  if (fresh.length === 0) return;
  const rows = mergeHeld(readHeld(), fresh);
  fs.writeFileSync(HELD_FILE, `${JSON.stringify(rows, null, 2)}\n`);
  const readme = fs.readFileSync(README_FILE, 'utf8');
  const next = await readmeWithSecurityTable(readme, rows);
  if (next !== readme) fs.writeFileSync(README_FILE, next);
}

// `npm run security-table`: writes the README's table again from docs/security-held.json (after a merge).
if (process.argv[1] !== undefined && path.basename(process.argv[1]) === 'security-table.ts') {
  void (async () => {
    const readme = fs.readFileSync(README_FILE, 'utf8');
    fs.writeFileSync(README_FILE, await readmeWithSecurityTable(readme, readHeld()));
    console.log(`Scritta la tabella della sicurezza in ${path.relative(process.cwd(), README_FILE)}`);
  })();
}
