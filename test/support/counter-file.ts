import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { fileKeyStore, openKeyed } from '../../src-main/db/key';
import { DB_FILE } from '../../src-main/db/open';

/** The key of a test data folder (the browser host's key file). */
export function counterKey(dataDir: string): Buffer {
  const key = fileKeyStore(dataDir).read();
  if (key === null) throw new Error(`nessuna chiave del database in ${dataDir}`);
  return key;
}

/**
 * Opens a counter's database file directly (to look inside it, or to damage it on purpose): the
 * file is encrypted, so with the data folder's key.
 */
export function openCounterFile(dataDir: string, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  return openKeyed(path.join(dataDir, DB_FILE), counterKey(dataDir), options);
}

/** A database file as releases before encryption wrote it (plain): the first open encrypts it. */
export function openPlainFile(dataDir: string): BetterSqlite3.Database {
  return new BetterSqlite3(path.join(dataDir, DB_FILE));
}
