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
import {
  applyKey,
  DatabaseKeyError,
  encryptPlainFile,
  fileKeyStore,
  newKey,
  readable,
  type DatabaseKeyStore,
} from './key';
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
import * as m0014 from './migrations/0014_split_payments';
import * as m0015 from './migrations/0015_family';

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
  '0014_split_payments': m0014,
  '0015_family': m0015,
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
  /** The key the file and its copies are encrypted with (src-main/db/key.ts). */
  key: Buffer;
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

/** SQLite found the database damaged when the counter opened it: the recovery screen takes over. */
export class DamagedDatabaseError extends Error {
  constructor(readonly problem: string) {
    super(
      `Il database dello sportello è danneggiato (${problem}). Nessuna operazione può essere registrata finché non si ` +
        'ripristina una copia di sicurezza: la schermata di ripristino mostra le copie buone e cosa ciascuna farebbe perdere.',
    );
    this.name = 'DamagedDatabaseError';
  }
}

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

/**
 * Opens the database file for writing (WAL) with its key, or says in Italian why the folder cannot
 * be used. A new file gets a new key (kept before the first page is written); a plain file from
 * before encryption, and its plain copies, are encrypted in place the first time.
 */
function openWritable(dataDir: string, keys: DatabaseKeyStore): { sqlite: BetterSqlite3.Database; key: Buffer } {
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, DB_FILE);
    const exists = fs.existsSync(file) && fs.statSync(file).isFile() && fs.statSync(file).size > 0;
    let key = keys.read();
    if (exists && (key === null || !opensWith(file, key))) {
      if (!opensWith(file, null)) throw new DatabaseKeyError(key === null ? 'missing' : 'wrong');
      key = encryptPlainFolder(dataDir, keys, key);
    } else if (key === null) {
      key = newKey();
      keys.write(key);
    }
    sqlite = new BetterSqlite3(file);
    applyKey(sqlite, key);
    sqlite.pragma('journal_mode = WAL');
    // A read-only file or folder only shows at the first write.
    sqlite.exec('BEGIN IMMEDIATE; ROLLBACK');
    return { sqlite, key };
  } catch (e) {
    sqlite?.close();
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code in UNUSABLE_REASONS) throw new DataDirUnusableError(dataDir, e);
    throw e;
  }
}

/** True when `key` (null: no key) reads the file. */
function opensWith(file: string, key: Buffer | null): boolean {
  const probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    if (key !== null) applyKey(probe, key);
    return readable(probe);
  } finally {
    probe.close();
  }
}

/**
 * A data folder from before encryption: the database and every plain copy in backup/ are encrypted
 * in place with this folder's key (made now when there is none). Returns the key.
 */
function encryptPlainFolder(dataDir: string, keys: DatabaseKeyStore, known: Buffer | null): Buffer {
  const key = known ?? newKey();
  if (known === null) keys.write(key);
  encryptPlainFile(path.join(dataDir, DB_FILE), key);
  const backups = path.join(dataDir, 'backup');
  if (fs.existsSync(backups)) {
    for (const name of fs.readdirSync(backups)) {
      if (name.endsWith('.sqlite')) encryptPlainFile(path.join(backups, name), key);
    }
  }
  return key;
}

/**
 * Opens (creating if needed) the counter database in `dataDir`, checks its integrity and runs
 * every pending migration in one transaction. A database newer than this app is refused.
 */
export async function openDatabase(dataDir: string, keys: DatabaseKeyStore = fileKeyStore(dataDir)): Promise<Db> {
  const { sqlite, key } = openWritable(dataDir, keys);
  // Money: a commit is on disk before we say it happened (and before the receipt prints).
  sqlite.pragma('synchronous = FULL');
  // Off while migrating: a table rebuild (0002) must drop a parent table, and the pragma cannot be
  // switched inside the migration's transaction. Each rebuild runs foreign_key_check itself.
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('busy_timeout = 5000');
  let check: unknown;
  try {
    check = sqlite.pragma('quick_check', { simple: true });
  } catch (e) {
    // Damage bad enough that the check itself cannot read the file (a page that fails its MAC).
    check = e instanceof Error ? e.message : String(e);
  }
  if (check !== 'ok') {
    sqlite.close();
    throw new DamagedDatabaseError(String(check));
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
    key,
    close: () => kysely.destroy(),
  };
}
