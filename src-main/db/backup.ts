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
 * An hourly copy of the counter database (SQLite's online backup: consistent while the app keeps
 * working), so a disk that damages the file does not take the day's money with it. The copy is
 * held to a full `integrity_check` in a worker thread, off the core's path, before it counts: a
 * table/index mismatch that the start-up quick_check lets through is caught here, and a damaged
 * copy is never kept (the good ones before it are). One copy per Rome hour; the newest KEEP_RECENT
 * copies and the newest of each of the last KEEP_DAYS days stay. Returns the path
 * written, or null when this hour's copy exists.
 */
export async function backupNow(db: Db, dataDir: string, at: Date): Promise<string | null> {
  const dir = path.join(dataDir, 'backup');
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `sportello-${romeDate(at)}-${hourFmt.format(at)}.sqlite`);
  if (fs.existsSync(target)) return null;
  const partial = `${target}.partial`;
  try {
    await db.sqlite.backup(partial);
    const problem = await integrityProblem(partial);
    if (problem !== null) throw new DamagedCopyError(problem);
    fs.renameSync(partial, target);
  } finally {
    for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(file, { force: true });
  }
  for (const old of copiesToDrop(fs.readdirSync(dir))) fs.rmSync(path.join(dir, old));
  return target;
}

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

/**
 * What SQLite's full integrity_check finds wrong with a copy, or null; run in a worker thread. The
 * copy leaves WAL mode first, so it is one self-contained file (the counter turns WAL back on when
 * it opens a restored copy).
 */
export function integrityProblem(file: string): Promise<string | null> {
  const driver = require.resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require(workerData.driver);
       const db = new Database(workerData.file, { fileMustExist: true });
       try {
         db.pragma('journal_mode = DELETE');
         parentPort.postMessage(db.pragma('integrity_check').map((r) => r.integrity_check));
       } finally { db.close(); }`,
      { eval: true, workerData: { driver, file } },
    );
    let answered = false;
    worker.once('message', (rows: string[]) => {
      answered = true;
      resolve(rows.length === 1 && rows[0] === 'ok' ? null : rows.slice(0, 3).join('; '));
    });
    worker.once('error', (e) => reject(e));
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`controllo di integrità interrotto (uscita ${code})`));
    });
  });
}
