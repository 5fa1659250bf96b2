import fs from 'node:fs';
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

/**
 * Damages a counter's database as a failing disk does: 64 bytes in the middle of the ledger's first
 * page. Every page carries a MAC (encryption), so SQLite sees it damaged at its next check.
 */
export function damageCounterFile(dataDir: string): void {
  const raw = openCounterFile(dataDir);
  const page = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'ledger'").pluck().get() as number;
  const size = raw.pragma('page_size', { simple: true }) as number;
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  const fd = fs.openSync(path.join(dataDir, DB_FILE), 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (page - 1) * size + 1000);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The damage the start-up quick_check lets through: an index whose definition no longer matches
 * what it holds (SQLite's integrity_check reports "row N missing from index", quick_check "ok").
 */
export function breakAnIndex(dataDir: string): void {
  const raw = openCounterFile(dataDir);
  raw.unsafeMode(true);
  raw.pragma('writable_schema = ON');
  raw
    .prepare("UPDATE sqlite_schema SET sql = 'CREATE INDEX families_cf ON families(email)' WHERE name = 'families_cf'")
    .run();
  raw.pragma('writable_schema = OFF');
  raw.close();
}
