import { hashPin } from '../src-main/operators/pin';
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
import { DEMO_COUNTERS } from './counters';
import { DEMO_OPERATORS } from './operators';
import { createRng } from './prng';
import { buildRoster, type RosterOptions } from './roster';

/**
 * Seeds a counter database with the demo data. Everything comes from one seed, so two folders
 * seeded alike hold the same rows and ids. The history counts as already confirmed by the central
 * service: nothing goes to the outbox.
 */
export const DEMO_SEED = 'sportello-demo-carrara';
export const DEMO_FAMILIES = 2000;
const DEMO_MEAL_DAYS = 15;
const BENCH_MEAL_DAYS = 5;
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

function seedRoster(db: RosterDb, options: RosterOptions): SeedSummary {
  refuseUnlessEmpty(db);
  // scrypt is slow on purpose: hash before the write transaction. Salts come from the seed so that
  // two demo folders are byte-for-byte alike.
  const saltRng = createRng(options.seed).fork('pin-salts');
  const operators = DEMO_OPERATORS.map((o) => ({
    code: o.code,
    name: o.name,
    role: o.role,
    counterCode: o.counterCode,
    pinHash: hashPin(o.pin, Buffer.from(saltRng.bytes(16))),
  }));
  const summary: SeedSummary = { counters: 0, operators: 0, families: 0, children: 0, accounts: 0, ledgerEntries: 0 };
  // Ids are UUIDv7 of enrolment times spread over years, so inserts land all over the primary-key
  // b-trees: with SQLite's default 2 MB page cache the bench spends its time re-reading pages.
  const previousCacheSize = db.sqlite.pragma('cache_size', { simple: true }) as number;
  db.sqlite.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  try {
    // One transaction: all or nothing, and one fsync instead of one per row.
    db.sqlite.transaction(() => {
      for (const counter of DEMO_COUNTERS) {
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
export function seedDemo(db: RosterDb, opts: { families?: number } = {}): SeedSummary {
  return seedRoster(db, { seed: DEMO_SEED, families: opts.families ?? DEMO_FAMILIES, mealDays: DEMO_MEAL_DAYS });
}

async function withDatabase<T>(dataDir: string, work: (db: Db) => T): Promise<T> {
  const db = await openDatabase(dataDir);
  try {
    return work(db);
  } finally {
    await db.close();
  }
}

/** `sportello seed --demo --data DIR`: opens the folder's database, seeds it if empty, closes it. */
export async function seedDemoDataDir(dataDir: string): Promise<SeedSummary> {
  return withDatabase(dataDir, (db) => seedDemo(db));
}

/** The benchmark roster: the demo builders at scale, with exactly `accounts` accounts. */
export async function seedBench(dataDir: string, opts: { accounts: number }): Promise<SeedSummary> {
  if (!Number.isInteger(opts.accounts) || opts.accounts <= 0) {
    throw new Error(`numero di conti non valido: ${opts.accounts}`);
  }
  return withDatabase(dataDir, (db) =>
    seedRoster(db, { seed: DEMO_SEED, accounts: opts.accounts, mealDays: BENCH_MEAL_DAYS }),
  );
}
