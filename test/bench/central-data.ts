import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CENTRAL_DB_FILE, startCentral } from '../../central';
import { readCacheMeta } from './dataset';

/**
 * The emulator's database for the sync bench: loaded once per machine (about 16 s for 100,000
 * accounts) and kept in the temp folder, like the counter's bench database. Trusted only if made by
 * the same seeds and the same emulator schema and loader.
 */
export interface CentralData {
  cacheDir: string;
  loadMs: number;
  cached: boolean;
}

interface CacheMeta {
  fingerprint: string;
  accounts: number;
  loadMs: number;
}

const META_FILE = 'bench-central-meta.json';
const REPO = path.resolve(__dirname, '..', '..');

function sourceFingerprint(): string {
  const hash = crypto.createHash('sha256');
  const files = [
    ...fs
      .readdirSync(path.join(REPO, 'seeds'))
      .filter((n) => n.endsWith('.ts'))
      .sort()
      .map((n) => path.join('seeds', n)),
    path.join('central', 'schema.ts'),
    path.join('central', 'load.ts'),
    path.join('central', 'ledger.ts'),
  ];
  for (const file of files) {
    hash.update(file);
    hash.update(fs.readFileSync(path.join(REPO, file)));
  }
  return hash.digest('hex');
}

export async function ensureCentralData(accounts: number, progress: (line: string) => void): Promise<CentralData> {
  const cacheDir = path.join(os.tmpdir(), `sportello-bench-central-${accounts}`);
  const fingerprint = sourceFingerprint();
  const meta = readCacheMeta<CacheMeta>(cacheDir, META_FILE);
  if (
    meta &&
    meta.fingerprint === fingerprint &&
    meta.accounts === accounts &&
    fs.existsSync(path.join(cacheDir, CENTRAL_DB_FILE))
  ) {
    progress(`emulatore: riuso ${cacheDir} (caricato in ${(meta.loadMs / 1000).toFixed(1)} s)`);
    return { cacheDir, loadMs: meta.loadMs, cached: true };
  }
  // Load beside the cache and rename at the end: an interrupted load never looks like a good cache.
  const partial = `${cacheDir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  progress(`emulatore: carico ${accounts} conti in ${partial} ...`);
  const started = process.hrtime.bigint();
  const central = await startCentral({ dataDir: partial, port: 0, benchAccounts: accounts });
  const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
  const loaded = central.loaded?.accounts;
  // Fold the WAL into the file, so a copy of the one file is the whole database.
  central.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await central.close();
  if (loaded !== accounts) throw new Error(`the emulator loaded ${String(loaded)} accounts, not ${accounts}`);
  const newMeta: CacheMeta = { fingerprint, accounts, loadMs };
  fs.writeFileSync(path.join(partial, META_FILE), JSON.stringify(newMeta, null, 2));
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.renameSync(partial, cacheDir);
  progress(`emulatore: caricato in ${(loadMs / 1000).toFixed(1)} s`);
  return { cacheDir, loadMs, cached: false };
}

/** A private copy for one run: the run enrols a PC, pushes top-ups and records payments. */
export function centralWorkingCopy(cacheDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-central-run-'));
  for (const suffix of ['', '-wal']) {
    const from = path.join(cacheDir, CENTRAL_DB_FILE + suffix);
    if (fs.existsSync(from)) fs.copyFileSync(from, path.join(dir, CENTRAL_DB_FILE + suffix));
  }
  return dir;
}
