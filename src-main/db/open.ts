import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import type { Database } from './schema';
import * as m0001 from './migrations/0001_initial';
import * as m0002 from './migrations/0002_sync';
import * as m0003 from './migrations/0003_notices';
import * as m0004 from './migrations/0004_registration';
import * as m0005 from './migrations/0005_registration_numbers';
import * as m0006 from './migrations/0006_search_keys';
import * as m0007 from './migrations/0007_till';
import * as m0008 from './migrations/0008_requests';
import * as m0009 from './migrations/0009_statement_refs';
import * as m0012 from './migrations/0012_attestations';
import * as m0013 from './migrations/0013_installation_id';

/** Every migration, in order. A new one is a new file added here; released ones are frozen. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_sync': m0002,
  '0003_notices': m0003,
  '0004_registration': m0004,
  '0005_registration_numbers': m0005,
  '0006_search_keys': m0006,
  '0007_till': m0007,
  '0008_requests': m0008,
  '0009_statement_refs': m0009,
  '0012_attestations': m0012,
  '0013_installation_id': m0013,
};

class StaticMigrations implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

/**
 * Kysely's SQLite adapter says SQLite has no transactional DDL, so its Migrator would run migrations
 * outside a transaction; SQLite does have it, and a failed upgrade must leave the old schema intact
 * (a half-built one would fail on every later start).
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class CounterSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export interface Db {
  /** The raw connection: hot paths use prepared statements, transactions are synchronous. */
  sqlite: BetterSqlite3.Database;
  kysely: Kysely<Database>;
  close(): Promise<void>;
}

export class DatabaseFromTheFutureError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `Il database è stato creato da una versione più recente di Sportello (migrazioni sconosciute: ${unknown.join(', ')}). Aggiorna l'applicazione.`,
    );
    this.name = 'DatabaseFromTheFutureError';
  }
}

export const DB_FILE = 'sportello.sqlite';

/** The data folder cannot hold the database: read-only, not writable by this user, not a folder. */
export class DataDirUnusableError extends Error {
  constructor(dataDir: string, cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code;
    super(
      `La cartella dei dati dello sportello (${dataDir}) non si può usare: ${UNUSABLE_REASONS[String(code)] ?? 'non è scrivibile'}. ` +
        'Nessuna operazione è stata registrata. Avvisare l’assistenza: serve una cartella in cui questo utente possa scrivere.',
      { cause },
    );
    this.name = 'DataDirUnusableError';
  }
}

const UNUSABLE_REASONS: Record<string, string> = {
  EACCES: 'questo utente non ha il permesso di scriverci',
  EPERM: 'questo utente non ha il permesso di scriverci',
  EROFS: 'si trova su un disco in sola lettura',
  ENOTDIR: 'il percorso contiene un file dove dovrebbe esserci una cartella',
  SQLITE_READONLY: 'il database è in sola lettura',
  SQLITE_CANTOPEN: 'il database non si può aprire in scrittura',
  ENOSPC: 'il disco è pieno',
};

/** Opens the database file for writing (WAL), or says in Italian why the folder cannot be used. */
function openWritable(dataDir: string): BetterSqlite3.Database {
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    sqlite = new BetterSqlite3(path.join(dataDir, DB_FILE));
    sqlite.pragma('journal_mode = WAL');
    // A read-only file or folder only shows at the first write.
    sqlite.exec('BEGIN IMMEDIATE; ROLLBACK');
    return sqlite;
  } catch (e) {
    sqlite?.close();
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code in UNUSABLE_REASONS) throw new DataDirUnusableError(dataDir, e);
    throw e;
  }
}

/**
 * Opens (creating if needed) the counter database in `dataDir`, checks its integrity and runs
 * every pending migration in one transaction. A database newer than this app is refused.
 */
export async function openDatabase(dataDir: string): Promise<Db> {
  const sqlite = openWritable(dataDir);
  // Money: a commit is on disk before we say it happened (and before the receipt prints).
  sqlite.pragma('synchronous = FULL');
  // Off while migrating: a table rebuild (0002) must drop a parent table, and the pragma cannot be
  // switched inside the migration's transaction. Each rebuild runs foreign_key_check itself.
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('busy_timeout = 5000');
  const check = sqlite.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    sqlite.close();
    throw new Error(
      `Il database dello sportello è danneggiato (${String(check)}). Ripristinare l'ultima copia di sicurezza.`,
    );
  }
  const kysely = new Kysely<Database>({ dialect: new CounterSqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db: kysely, provider: new StaticMigrations() });
  const known = new Set(Object.keys(MIGRATIONS));
  const applied = await migrator.getMigrations();
  const unknownApplied = (
    await kysely
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute()
      .catch(() => [])
  ).map((r) => (r as { name: string }).name);
  const fromTheFuture = unknownApplied.filter((n) => !known.has(n));
  if (fromTheFuture.length > 0) {
    await kysely.destroy();
    throw new DatabaseFromTheFutureError(fromTheFuture);
  }
  if (applied.some((m) => !m.executedAt)) {
    const { error } = await migrator.migrateToLatest();
    if (error) {
      await kysely.destroy();
      throw error instanceof Error ? error : new Error('migrazione del database non riuscita');
    }
  }
  sqlite.pragma('foreign_keys = ON');
  return {
    sqlite,
    kysely,
    close: () => kysely.destroy(),
  };
}
