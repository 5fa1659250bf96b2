import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseKeyError, givenKeyStore, KEY_FILE, newKey, openKeyed } from '../../../src-main/db/key';
import { DB_FILE, openDatabase, type Db } from '../../../src-main/db/open';
import { demoDataDir } from '../../support/core-fixture';
import { counterKey, openPlainFile } from '../../support/counter-file';
import { recordHeld } from '../../support/security-table';

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-crypt-'));
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const PLAIN_HEADER = 'SQLite format 3\0';

/** Every codice fiscale of the families in the database (what must never be on the disk in clear). */
function fiscalCodes(sqlite: BetterSqlite3.Database): string[] {
  return sqlite.prepare('SELECT fiscal_code FROM families WHERE fiscal_code IS NOT NULL').pluck().all() as string[];
}

describe('the counter database is encrypted at rest', () => {
  it('holds no codice fiscale in clear, in the file or in its WAL, and opens only with its key', async () => {
    const dataDir = demoDataDir();
    db = await openDatabase(dataDir);
    const codes = fiscalCodes(db.sqlite);
    expect(codes.length).toBeGreaterThan(10);
    // A write after the copy: it sits in the WAL until a checkpoint.
    db.sqlite.prepare('UPDATE families SET address = ? WHERE fiscal_code = ?').run('Via del Plebiscito 1', codes[0]);
    const file = path.join(dataDir, DB_FILE);
    for (const f of [file, `${file}-wal`]) {
      const bytes = fs.readFileSync(f);
      expect(bytes.length).toBeGreaterThan(0);
      for (const cf of codes) expect(bytes.includes(cf)).toBe(false);
      expect(bytes.includes('Via del Plebiscito')).toBe(false);
    }
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe(PLAIN_HEADER);
    const keyless = new BetterSqlite3(file, { readonly: true });
    expect(() => keyless.prepare('SELECT COUNT(*) FROM families').get()).toThrow(/not a database/);
    keyless.close();
    const other = newKey();
    expect(() => openKeyed(file, other, { readonly: true })).toThrow(DatabaseKeyError);
    recordHeld({
      attack: 'reading families’ codici fiscali off the disk (database and WAL) without the key',
      tried: codes.length * 2,
      held: 'none in clear; the file does not open without its key or with another one',
    });
  });

  it('a new data folder gets a key of its own, 256 bits, readable by its owner only', async () => {
    const a = tmp();
    const b = tmp();
    db = await openDatabase(a);
    await db.close();
    db = await openDatabase(b);
    const keyA = fs.readFileSync(path.join(a, KEY_FILE), 'utf8');
    expect(keyA).toMatch(/^[0-9a-f]{64}$/);
    expect(keyA).not.toBe(fs.readFileSync(path.join(b, KEY_FILE), 'utf8'));
    expect(fs.statSync(path.join(a, KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('a data folder from before encryption: the database and its plain copies are encrypted in place, nothing lost', async () => {
    const dataDir = tmp();
    const plain = openPlainFile(dataDir);
    plain.pragma('journal_mode = WAL');
    plain.exec(`CREATE TABLE legacy (cf TEXT); INSERT INTO legacy VALUES ('RSSMRA80A01H501U'), ('VRDLGU15C12B832X');`);
    fs.mkdirSync(path.join(dataDir, 'backup'));
    const copyFile = path.join(dataDir, 'backup', 'sportello-2026-11-29.sqlite');
    await plain.backup(copyFile);
    plain.close();
    expect(fs.readFileSync(copyFile).includes('RSSMRA80A01H501U')).toBe(true);

    db = await openDatabase(dataDir);
    expect(db.sqlite.prepare('SELECT cf FROM legacy ORDER BY cf').pluck().all()).toEqual([
      'RSSMRA80A01H501U',
      'VRDLGU15C12B832X',
    ]);
    await db.close();
    db = undefined;
    for (const f of [path.join(dataDir, DB_FILE), copyFile]) {
      expect(fs.readFileSync(f).includes('RSSMRA80A01H501U')).toBe(false);
      const keyed = openKeyed(f, counterKey(dataDir), { readonly: true });
      expect(keyed.prepare('SELECT COUNT(*) FROM legacy').pluck().get()).toBe(2);
      expect(keyed.pragma('integrity_check', { simple: true })).toBe('ok');
      keyed.close();
    }
  });

  it('a folder copied without its key, or with another PC’s key: an Italian message and the file untouched', async () => {
    const dataDir = demoDataDir();
    const file = path.join(dataDir, DB_FILE);
    const before = sha(file);
    fs.writeFileSync(path.join(dataDir, KEY_FILE), newKey().toString('hex'));
    const wrong = await openDatabase(dataDir).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(DatabaseKeyError);
    expect((wrong as Error).message).toMatch(/cifrato con una chiave diversa.*Nessuna operazione è stata registrata/);
    fs.rmSync(path.join(dataDir, KEY_FILE));
    const missing = await openDatabase(dataDir).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DatabaseKeyError);
    expect((missing as Error).message).toMatch(/la sua chiave non si trova su questo PC/);
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    recordHeld({
      attack: 'a data folder copied without its key, or with another PC’s key',
      tried: 2,
      held: 'refused in Italian at start; the file left byte for byte as it was',
    });
  });

  it('a key handed over by the host (Electron unwraps it with DPAPI) is used as given and never written to the folder', async () => {
    const dataDir = tmp();
    const key = newKey();
    db = await openDatabase(dataDir, givenKeyStore(key.toString('hex')));
    db.sqlite.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    await db.close();
    db = undefined;
    expect(fs.existsSync(path.join(dataDir, KEY_FILE))).toBe(false);
    const keyed = openKeyed(path.join(dataDir, DB_FILE), key, { readonly: true });
    expect(keyed.prepare('SELECT x FROM t').pluck().get()).toBe(1);
    keyed.close();
  });
});
