import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { GoodCopy } from '../../shared/contract/recovery';
import { verifyPin } from '../operators/pin';
import { openKeyed, writePrivateFile } from './key';
import { DB_FILE } from './open';

export { DamagedDatabaseError } from './open';

/** Written next to the database by a restore; the core reads it at its next start (and removes it). */
export const RESTORED_MARKER = 'ripristino.json';

export interface RestoredMarker {
  restoredFrom: string;
  at: string;
  setAside: string;
  operator: string;
  /** The next start wrote it into the audit. */
  audited?: boolean;
}

const COPY_NAME = /^sportello-\d{4}-\d{2}-\d{2}(?:-\d{2})?\.sqlite$/;

function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backup');
}

function lastReceipt(sqlite: BetterSqlite3.Database): { no: string | null; at: string | null } {
  const row = sqlite
    .prepare('SELECT receipt_no AS no, created_at AS at FROM receipts ORDER BY created_at DESC, number DESC LIMIT 1')
    .get() as { no: string; at: string } | undefined;
  return { no: row?.no ?? null, at: row?.at ?? null };
}

/**
 * The copies in the backup folder that open with this PC's key and pass SQLite's quick_check,
 * newest first, each with what it holds: its last receipt and the operations the central had not
 * yet confirmed when it was taken.
 */
export function goodCopies(dataDir: string, key: Buffer): GoodCopy[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const names = fs
    .readdirSync(dir)
    .filter((n) => COPY_NAME.test(n))
    .sort()
    .reverse();
  const copies: GoodCopy[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let sqlite: BetterSqlite3.Database | undefined;
    try {
      sqlite = openKeyed(file, key, { readonly: true, fileMustExist: true });
      if (sqlite.pragma('quick_check', { simple: true }) !== 'ok') continue;
      const last = lastReceipt(sqlite);
      const pending = sqlite.prepare("SELECT COUNT(*) FROM outbox WHERE state = 'pending'").pluck().get() as number;
      copies.push({
        name,
        takenAt: fs.statSync(file).mtime.toISOString(),
        lastReceiptNo: last.no,
        lastReceiptAt: last.at,
        pendingOperations: pending,
      });
    } catch {
      // A copy that does not open is not offered.
    } finally {
      sqlite?.close();
    }
  }
  return copies;
}

/** What can still be read of the damaged file: its last receipt (often readable when an index is what broke). */
export function damagedLastReceipt(dataDir: string, key: Buffer): { no: string | null; at: string | null } {
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = openKeyed(path.join(dataDir, DB_FILE), key, { readonly: true, fileMustExist: true });
    return lastReceipt(sqlite);
  } catch {
    return { no: null, at: null };
  } finally {
    sqlite?.close();
  }
}

/** A supervisor of this counter (or of every front-office counter) by the copy's own roster, with the PIN. */
function approvedBy(file: string, key: Buffer, counterCode: string | null, code: string, pin: string): boolean {
  const sqlite = openKeyed(file, key, { readonly: true, fileMustExist: true });
  try {
    const op = sqlite
      .prepare('SELECT role, counter_code AS counterCode, pin_hash AS pinHash, active FROM operators WHERE code = ?')
      .get(code) as { role: string; counterCode: string | null; pinHash: string; active: number } | undefined;
    const installed = sqlite.prepare('SELECT counter_code FROM installation').pluck().get() as string | undefined;
    const here = counterCode ?? installed ?? null;
    return (
      op !== undefined &&
      op.active === 1 &&
      op.role === 'supervisore' &&
      (op.counterCode === null || op.counterCode === here) &&
      verifyPin(pin, op.pinHash)
    );
  } finally {
    sqlite.close();
  }
}

/**
 * Puts a good copy in the damaged database's place, on a supervisor's PIN checked against the copy:
 * the damaged file (with its WAL) is set aside in `danneggiati/` for the help desk, never deleted;
 * the copy is copied (the backup folder keeps it); a marker tells the next start it was restored.
 */
export function restoreCopy(
  dataDir: string,
  key: Buffer,
  request: { copy: string; supervisor: string; pin: string },
  at: Date,
): { restoredFrom: string; setAside: string } {
  if (!COPY_NAME.test(request.copy) || !goodCopies(dataDir, key).some((c) => c.name === request.copy)) {
    throw new RestoreRefused(`La copia ${request.copy} non è tra le copie buone di questo PC.`);
  }
  const source = path.join(backupDir(dataDir), request.copy);
  if (!approvedBy(source, key, null, request.supervisor.trim(), request.pin)) {
    throw new RestoreRefused(
      'Ripristino non autorizzato: serve il codice e il PIN di un supervisore di questo sportello.',
    );
  }
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const asideDir = path.join(dataDir, 'danneggiati');
  fs.mkdirSync(asideDir, { recursive: true });
  const aside = path.join(asideDir, `sportello-${stamp}.sqlite`);
  const live = path.join(dataDir, DB_FILE);
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, aside + suffix);
  }
  const temp = `${live}.ripristino`;
  fs.copyFileSync(source, temp);
  fs.renameSync(temp, live);
  const marker: RestoredMarker = {
    restoredFrom: request.copy,
    at: at.toISOString(),
    setAside: path.relative(dataDir, aside),
    operator: request.supervisor.trim(),
  };
  writeRestoredMarker(dataDir, marker);
  return { restoredFrom: request.copy, setAside: marker.setAside };
}

export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

/** The marker a restore left, or null. It stays until the sync has re-read the central's numbering. */
export function readRestoredMarker(dataDir: string): RestoredMarker | null {
  const file = path.join(dataDir, RESTORED_MARKER);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RestoredMarker) : null;
}

export function writeRestoredMarker(dataDir: string, marker: RestoredMarker): void {
  writePrivateFile(path.join(dataDir, RESTORED_MARKER), JSON.stringify(marker));
}

export function clearRestoredMarker(dataDir: string): void {
  fs.rmSync(path.join(dataDir, RESTORED_MARKER), { force: true });
}
