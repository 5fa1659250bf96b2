import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedBench, type SeedSummary } from '../../dev/seed';
import { KEY_FILE } from '../../src-main/db/key';
import { DB_FILE } from '../../src-main/db/open';

/**
 * The bench database: seeded once per machine (about a minute for 100,000 accounts) and kept in the
 * temp folder. A cached copy is trusted only if it was made by the same seeds and migrations, so a
 * change to the builders never benchmarks yesterday's data.
 */
export interface BenchData {
  cacheDir: string;
  summary: SeedSummary;
  seedMs: number;
  /** True when this run reused the cached database instead of seeding it. */
  cached: boolean;
}

interface CacheMeta {
  fingerprint: string;
  accounts: number;
  summary: SeedSummary;
  seedMs: number;
}

const META_FILE = 'bench-meta.json';
const REPO = path.resolve(__dirname, '..', '..');

/** What the seeded data depends on: the seed builders and the schema. */
function sourceFingerprint(): string {
  const hash = crypto.createHash('sha256');
  const dirs = [path.join(REPO, 'seeds'), path.join(REPO, 'dev'), path.join(REPO, 'src-main', 'db', 'migrations')];
  for (const dir of dirs) {
    for (const name of fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.ts'))
      .sort()) {
      hash.update(name);
      hash.update(fs.readFileSync(path.join(dir, name)));
    }
  }
  return hash.digest('hex');
}

/** The metadata a bench cache folder keeps beside its database; null when absent or unreadable. */
export function readCacheMeta<T>(cacheDir: string, file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(cacheDir, file), 'utf8')) as T;
  } catch {
    return null;
  }
}

export async function ensureBenchData(accounts: number, progress: (line: string) => void): Promise<BenchData> {
  const cacheDir = path.join(os.tmpdir(), `sportello-bench-${accounts}`);
  const fingerprint = sourceFingerprint();
  const meta = readCacheMeta<CacheMeta>(cacheDir, META_FILE);
  if (
    meta &&
    meta.fingerprint === fingerprint &&
    meta.accounts === accounts &&
    fs.existsSync(path.join(cacheDir, DB_FILE))
  ) {
    progress(`dati: riuso ${cacheDir} (seminato in ${(meta.seedMs / 1000).toFixed(1)} s)`);
    return { cacheDir, summary: meta.summary, seedMs: meta.seedMs, cached: true };
  }
  // Seed beside the cache and rename at the end: an interrupted seed never looks like a good cache.
  const partial = `${cacheDir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  progress(`dati: semino ${accounts} conti in ${partial} ...`);
  const started = process.hrtime.bigint();
  const summary = await seedBench(partial, { accounts });
  const seedMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (summary.accounts !== accounts) throw new Error(`seedBench made ${summary.accounts} accounts, not ${accounts}`);
  const newMeta: CacheMeta = { fingerprint, accounts, summary, seedMs };
  fs.writeFileSync(path.join(partial, META_FILE), JSON.stringify(newMeta, null, 2));
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.renameSync(partial, cacheDir);
  progress(`dati: seminati in ${(seedMs / 1000).toFixed(1)} s`);
  return { cacheDir, summary, seedMs, cached: false };
}

/**
 * A private copy of the cached database for a run that writes (the core's first start, top-ups).
 * The copy is read through once: a fresh copy may not be in the OS page cache, and a counter PC
 * that has been open for a while has its database there; cold reads would time the disk.
 */
export function workingCopy(cacheDir: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-run-'));
  for (const suffix of ['', '-wal']) {
    const from = path.join(cacheDir, DB_FILE + suffix);
    if (!fs.existsSync(from)) continue;
    const to = path.join(dir, DB_FILE + suffix);
    fs.copyFileSync(from, to);
    readThrough(to);
  }
  fs.copyFileSync(path.join(cacheDir, KEY_FILE), path.join(dir, KEY_FILE));
  return dir;
}

function readThrough(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0) {
      // reading is the point
    }
  } finally {
    fs.closeSync(fd);
  }
}
