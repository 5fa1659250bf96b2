import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * The counter database and its copies are encrypted at rest (SQLite3 Multiple Ciphers, the build of
 * better-sqlite3 with encryption: ChaCha20-Poly1305 per page, so a changed page is noticed too).
 * The 256-bit key is made at the first start and kept by a key store: under Electron wrapped by
 * safeStorage (Windows DPAPI: only this Windows user on this PC can unwrap it), in the browser host
 * and the tests in a file of its own in the data folder (readable by its owner only).
 */
export interface DatabaseKeyStore {
  /** The key, or null when none was ever made for this data folder. */
  read(): Buffer | null;
  /** Keeps a new key; called once, before anything is encrypted with it. */
  write(key: Buffer): void;
}

export const KEY_BYTES = 32;

/** The key file of the browser host and the tests: `<dataDir>/chiave-database.key`, hex. */
export const KEY_FILE = 'chiave-database.key';

/** Writes a small file whole or not at all (temporary file, then rename), readable by its owner only. */
export function writePrivateFile(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o600 });
  fs.renameSync(temp, file);
}

export function parseKey(hex: string, where: string): Buffer {
  const text = hex.trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) {
    throw new Error(`La chiave del database in ${where} non è valida: avvisare l'assistenza.`);
  }
  return Buffer.from(text, 'hex');
}

export function fileKeyStore(dataDir: string): DatabaseKeyStore {
  const file = path.join(dataDir, KEY_FILE);
  return {
    read: () => (fs.existsSync(file) ? parseKey(fs.readFileSync(file, 'utf8'), file) : null),
    write: (key) => writePrivateFile(file, key.toString('hex')),
  };
}

/** A key handed over by the host (the Electron main process unwrapped it): nothing to write. */
export function givenKeyStore(hex: string): DatabaseKeyStore {
  const key = parseKey(hex, 'le opzioni del processo');
  return {
    read: () => key,
    write: () => {
      throw new Error('La chiave del database è fornita dal programma e non si può sostituire.');
    },
  };
}

export function newKey(): Buffer {
  return crypto.randomBytes(KEY_BYTES);
}

/** The database file cannot be read with the key this PC holds. */
export class DatabaseKeyError extends Error {
  constructor(reason: 'missing' | 'wrong') {
    super(
      (reason === 'missing'
        ? 'Il database dello sportello è cifrato ma la sua chiave non si trova su questo PC'
        : 'Il database dello sportello è cifrato con una chiave diversa da quella di questo PC') +
        ' (una cartella dei dati copiata da un altro PC o da un altro utente Windows si legge solo lì). ' +
        'Nessuna operazione è stata registrata. Avvisare l’assistenza: si riparte dalla cartella originale, ' +
        'oppure da una cartella nuova che la sincronizzazione riempie dal servizio centrale.',
    );
    this.name = 'DatabaseKeyError';
  }
}

/** Applies the key to a connection just opened (before its first read). */
export function applyKey(sqlite: BetterSqlite3.Database, key: Buffer): void {
  sqlite.pragma(`hexkey='${key.toString('hex')}'`);
}

/** True when the connection can read its file (right key, or a plain file opened without one). */
export function readable(sqlite: BetterSqlite3.Database): boolean {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
    return true;
  } catch (e) {
    if ((e as { code?: unknown }).code === 'SQLITE_NOTADB') return false;
    throw e;
  }
}

/**
 * Opens a database file with the key (SQLite3 Multiple Ciphers reads and writes it encrypted).
 * Throws DatabaseKeyError when the file exists and the key does not open it.
 */
export function openKeyed(file: string, key: Buffer, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(file, options);
  try {
    applyKey(sqlite, key);
    if (!readable(sqlite)) throw new DatabaseKeyError('wrong');
    return sqlite;
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/**
 * Encrypts a plain database file in place with the key (a file written before encryption came
 * in). The WAL is folded into the file first: a key change is refused in WAL mode. Returns false
 * when the file was not a plain database (already encrypted, or not SQLite at all).
 */
export function encryptPlainFile(file: string, key: Buffer): boolean {
  const sqlite = new BetterSqlite3(file, { fileMustExist: true });
  try {
    if (!readable(sqlite)) return false;
    const wal = sqlite.pragma('journal_mode', { simple: true }) === 'wal';
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma(`hexrekey='${key.toString('hex')}'`);
    if (wal) sqlite.pragma('journal_mode = WAL');
    return true;
  } finally {
    sqlite.close();
  }
}
