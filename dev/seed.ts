import { openDatabase, type Db } from '../src-main/db/open';
import {
  insertAccount,
  insertCentralLedgerEntry,
  insertChild,
  insertFamily,
  upsertCounter,
  upsertOperator,
  type RosterDb,
} from '../src-main/roster/store';
import { DEMO_COUNTERS, demoCounters, type DemoCounterOptions } from '../seeds/counters';
import type { DemoCounterRow } from '../seeds/rows';
import { benchRosterOptions, demoRosterOptions } from '../seeds/demo';
import { demoOperatorRows } from '../seeds/pins';
import { buildRoster, type RosterOptions } from '../seeds/roster';

/**
 * Seeds a counter database with the demo data (seeds/), through the counter's own roster store.
 * Everything comes from one seed, so two folders seeded alike hold the same rows and ids. The
 * history counts as already confirmed by the central service: nothing goes to the outbox.
 * A development tool: the counter itself never imports the demo data.
 */
/** Page cache while seeding, negative = KiB (512 MiB: the bench database is about 160 MB). */
const BULK_CACHE_KIB = -524_288;

export interface SeedSummary {
  counters: number;
  operators: number;
  families: number;
  children: number;
  accounts: number;
  ledgerEntries: number;
}

export class DatabaseNotEmptyError extends Error {
  constructor(readonly found: Record<string, number>) {
    const what = Object.entries(found)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${table}: ${n}`)
      .join(', ');
    super(
      `Il database contiene già dati (${what}): i dati dimostrativi si caricano solo in un database vuoto. Indicare una cartella dati nuova.`,
    );
    this.name = 'DatabaseNotEmptyError';
  }
}

// Every table that a seed would write or that holds the counter's own work. The installation row
// (which counter this PC is) does not count: a PC may be set up before its data is loaded.
const DATA_TABLES = [
  'counters',
  'operators',
  'families',
  'children',
  'accounts',
  'ledger',
  'receipts',
  'outbox',
  'audit',
] as const;

function refuseUnlessEmpty(db: RosterDb): void {
  const found: Record<string, number> = {};
  for (const table of DATA_TABLES) {
    const row = db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
    found[table] = row.n;
  }
  if (Object.values(found).some((n) => n > 0)) throw new DatabaseNotEmptyError(found);
}

function seedRoster(db: RosterDb, options: RosterOptions, counters: readonly DemoCounterRow[]): SeedSummary {
  refuseUnlessEmpty(db);
  // scrypt is slow on purpose: hash before the write transaction. Salts come from the seed so that
  // two demo folders are byte-for-byte alike.
  const operators = demoOperatorRows(options.seed);
  const summary: SeedSummary = { counters: 0, operators: 0, families: 0, children: 0, accounts: 0, ledgerEntries: 0 };
  // Ids are UUIDv7 of enrolment times spread over years, so inserts land all over the primary-key
  // b-trees: with SQLite's default 2 MB page cache the bench spends its time re-reading pages.
  const previousCacheSize = db.sqlite.pragma('cache_size', { simple: true }) as number;
  db.sqlite.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  try {
    // One transaction: all or nothing, and one fsync instead of one per row.
    db.sqlite.transaction(() => {
      for (const counter of counters) {
        upsertCounter(db, counter);
        summary.counters++;
      }
      for (const operator of operators) {
        upsertOperator(db, operator);
        summary.operators++;
      }
      for (const { family, children } of buildRoster(options)) {
        insertFamily(db, family);
        summary.families++;
        for (const { child, accounts } of children) {
          insertChild(db, child);
          summary.children++;
          for (const { account, history } of accounts) {
            insertAccount(db, account);
            summary.accounts++;
            for (const entry of history) {
              insertCentralLedgerEntry(db, entry);
              summary.ledgerEntries++;
            }
          }
        }
      }
    })();
  } finally {
    db.sqlite.pragma(`cache_size = ${previousCacheSize}`);
  }
  return summary;
}

/** Seeds an open, empty database with the demo counters, operators and about 2,000 families. */
export function seedDemo(db: RosterDb, opts: { families?: number } & Partial<DemoCounterOptions> = {}): SeedSummary {
  const options = demoRosterOptions();
  return seedRoster(
    db,
    opts.families === undefined ? options : { ...options, families: opts.families },
    demoCounters({ tillRequired: opts.tillRequired ?? true }),
  );
}

async function withDatabase<T>(dataDir: string, work: (db: Db) => T): Promise<T> {
  const db = await openDatabase(dataDir);
  try {
    return work(db);
  } finally {
    await db.close();
  }
}

/**
 * `sportello seed --demo --data DIR [--till-optional]`: opens the folder's database, seeds it if empty,
 * closes it.
 */
export async function seedDemoDataDir(dataDir: string, opts: Partial<DemoCounterOptions> = {}): Promise<SeedSummary> {
  return withDatabase(dataDir, (db) => seedDemo(db, opts));
}

/** The benchmark roster: the demo builders at scale, with exactly `accounts` accounts. */
export async function seedBench(dataDir: string, opts: { accounts: number }): Promise<SeedSummary> {
  const options = benchRosterOptions(opts.accounts);
  return withDatabase(dataDir, (db) => seedRoster(db, options, DEMO_COUNTERS));
}
