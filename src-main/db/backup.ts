import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BUSINESS_TZ, romeDate } from '../../shared/time';
import type { Db } from './open';

/** The newest this many copies are kept: a day of work, an hour apart. */
const KEEP_RECENT = 24;
/** Beyond those, the newest copy of each of this many days. */
const KEEP_DAYS = 7;

const COPY = /^sportello-(\d{4}-\d{2}-\d{2})(?:-(\d{2}))?\.sqlite$/;

const hourFmt = new Intl.DateTimeFormat('en-GB', { timeZone: BUSINESS_TZ, hour: '2-digit', hourCycle: 'h23' });

/** A copy that failed SQLite's full integrity check: the database it was taken from is damaged. */
export class DamagedCopyError extends Error {
  constructor(readonly problem: string) {
    super(
      `Il database dello sportello risulta danneggiato (${problem}): la copia di sicurezza non è stata salvata e le copie buone precedenti sono conservate. Avvisare l'assistenza.`,
    );
    this.name = 'DamagedCopyError';
  }
}

/**
 * An hourly copy of the counter database, so a disk that damages the file does not take the day's
 * money with it. A worker thread, off the core's path, first holds the database to SQLite's full
 * `integrity_check` (hourly, so at least daily), then writes the copy with `VACUUM INTO` from a
 * connection of its own (a consistent snapshot while the app keeps working; the copy is encrypted
 * with the same key) and checks the copy: a table/index mismatch that the start-up quick_check lets
 * through is caught here, and a damaged file is never copied (the good copies before it stay). One copy per Rome hour; the newest KEEP_RECENT copies and the
 * newest of each of the last KEEP_DAYS days stay. Returns the path written, or null when this
 * hour's copy exists; `replace` (a till just closed) takes it again so the copy holds the close.
 */
export async function backupNow(
  db: Db,
  dataDir: string,
  at: Date,
  opts: { replace?: boolean } = {},
): Promise<string | null> {
  const dir = path.join(dataDir, 'backup');
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `sportello-${romeDate(at)}-${hourFmt.format(at)}.sqlite`);
  if (fs.existsSync(target) && opts.replace !== true) return null;
  const partial = `${target}.partial`;
  try {
    const rows = await inDatabaseWorker<string[]>(db.sqlite.name, db.key, { readonly: true }, COPY_AND_CHECK, {
      copy: partial,
    });
    const problem = integrityVerdict(rows);
    if (problem !== null) throw new DamagedCopyError(problem);
    fs.renameSync(partial, target);
  } finally {
    for (const file of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) {
      fs.rmSync(file, { force: true });
    }
  }
  for (const old of copiesToDrop(fs.readdirSync(dir))) fs.rmSync(path.join(dir, old));
  return target;
}

/**
 * Worker body: the database's own full integrity check (VACUUM INTO rebuilds every index, so a copy
 * can look sound while the file it came from is not), then the snapshot into `copy` and the copy's
 * quick check. Returns the first failing check's rows, or ['ok'].
 */
const COPY_AND_CHECK = `
  const source = db.pragma('integrity_check').map((r) => r.integrity_check);
  if (source.length !== 1 || source[0] !== 'ok') return source;
  db.prepare('VACUUM INTO ?').run(args.copy);
  const copy = open(args.copy, {});
  try { return copy.pragma('quick_check').map((r) => r.quick_check); } finally { copy.close(); }`;

/** The copies the rotation lets go: not among the newest KEEP_RECENT, nor the newest of one of the newest KEEP_DAYS days. */
export function copiesToDrop(files: string[]): string[] {
  const copies = files
    .map((name) => ({ name, m: COPY.exec(name) }))
    .filter((c): c is { name: string; m: RegExpExecArray } => c.m !== null)
    // A daily copy of an older version (no hour) counts as that day's first hour.
    .map(({ name, m }) => ({ name, day: m[1]!, key: `${m[1]!}-${m[2] ?? '00'}` }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const keep = new Set(copies.slice(0, KEEP_RECENT).map((c) => c.name));
  const days = new Set<string>();
  for (const c of copies) {
    if (days.has(c.day)) continue;
    days.add(c.day);
    if (days.size > KEEP_DAYS) break;
    keep.add(c.name);
  }
  return copies.filter((c) => !keep.has(c.name)).map((c) => c.name);
}

/** null for a clean integrity_check, else its first lines. */
function integrityVerdict(rows: string[]): string | null {
  return rows.length === 1 && rows[0] === 'ok' ? null : rows.slice(0, 3).join('; ');
}

/** What SQLite's full integrity_check finds wrong with a copy (encrypted with `key`), or null; run in a worker thread. */
export async function integrityProblem(file: string, key: Buffer): Promise<string | null> {
  return integrityVerdict(
    await inDatabaseWorker<string[]>(
      file,
      key,
      { fileMustExist: true },
      `return db.pragma('integrity_check').map((r) => r.integrity_check);`,
    ),
  );
}

/**
 * Runs `body` (JavaScript: `db` is `file` opened with `key`, `open(file, options)` opens another
 * with the same key, `args` is `args`) in a worker thread and resolves with what it returns: the
 * full checks and copies read the whole file and must not stop the core.
 */
export function inDatabaseWorker<T>(
  file: string,
  key: Buffer,
  options: { readonly?: boolean; fileMustExist?: boolean },
  body: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const driver = require.resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require(workerData.driver);
       const open = (file, options) => {
         const db = new Database(file, options);
         db.pragma("hexkey='" + workerData.key + "'");
         return db;
       };
       const args = workerData.args;
       const db = open(workerData.file, workerData.options);
       try {
         parentPort.postMessage((() => { ${body} })());
       } finally { db.close(); }`,
      { eval: true, workerData: { driver, file, key: key.toString('hex'), options, args } },
    );
    let answered = false;
    worker.once('message', (result: T) => {
      answered = true;
      resolve(result);
    });
    worker.once('error', (e) => reject(e));
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`controllo del database interrotto (uscita ${code})`));
    });
  });
}
