/**
 * `npm run bench [-- --json] [-- --accounts N]`: lookups and the top-up commit through the core,
 * against the same work on raw better-sqlite3, on a seeded database of 100,000 accounts.
 * stdout carries only the result (one JSON object with --json, a table otherwise); progress goes
 * to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import { openCore } from '../../src-main/core/core';
import { benchTopupCommit } from './commits';
import { ensureBenchData, workingCopy } from './dataset';
import { benchLookups } from './lookups';
import { sampleQueries } from './queries';
import { openRaw } from './raw';
import { figures, formatTable, goals, type BenchReport } from './report';
import { BENCH_COUNTER, instantPrinter } from './session';

const RUNS = 3;
const LOOKUP_SAMPLES = 2000;
const LOOKUP_WARMUP = 300;
const COMMIT_SAMPLES = 500;
const COMMIT_WARMUP = 50;

interface Args {
  json: boolean;
  accounts: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, accounts: 100_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--accounts') args.accounts = Number(argv[++i]);
    else throw new Error(`opzione sconosciuta: ${a}. Uso: npm run bench -- [--json] [--accounts N]`);
  }
  if (!Number.isInteger(args.accounts) || args.accounts <= 0) throw new Error('--accounts vuole un intero positivo');
  return args;
}

function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // The load of the machine when the run began: on a shared 2-core VM it explains most of a bad p99.
  const loadBefore = os.loadavg()[0] ?? 0;
  const data = await ensureBenchData(args.accounts, progress);
  const workDir = workingCopy(data.cacheDir);
  progress(`copia di lavoro: ${workDir}`);
  const core = await openCore({ dataDir: workDir, counterCode: BENCH_COUNTER, receiptPrinter: instantPrinter });
  const raw = openRaw(workDir);
  try {
    const sets = sampleQueries(raw.sqlite, LOOKUP_SAMPLES + LOOKUP_WARMUP);
    const lookups = await benchLookups(core, raw, sets, {
      runs: RUNS,
      samples: LOOKUP_SAMPLES,
      warmup: LOOKUP_WARMUP,
      progress,
    });
    // The raw commits go to a second copy of the same file: two connections writing one WAL would
    // empty each other's page cache at every commit, a cost the counter (one connection) never pays.
    const commitCopy = workingCopy(data.cacheDir);
    const rawCommits = openRaw(commitCopy);
    const commit = await benchTopupCommit(core, raw, rawCommits, sets, {
      runs: RUNS,
      samples: COMMIT_SAMPLES,
      warmup: COMMIT_WARMUP,
      progress,
    }).finally(() => {
      rawCommits.close();
      fs.rmSync(commitCopy, { recursive: true, force: true });
    });
    const perOperation = {
      lookup_code: figures(lookups.lookup_code),
      lookup_cf: figures(lookups.lookup_cf),
      search_name: figures(lookups.search_name),
      topup_commit: figures(commit),
    };
    const cpu = os.cpus()[0]?.model ?? 'sconosciuta';
    const report: BenchReport = {
      accounts: data.summary.accounts,
      ...perOperation,
      goals: goals(perOperation),
      samples: { lookups: LOOKUP_SAMPLES, commits: COMMIT_SAMPLES, runs: RUNS },
      seed_ms: Math.round(data.seedMs),
      seed_cached: data.cached,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      machine: {
        cpus: os.cpus().length,
        cpu,
        node: process.versions.node,
        platform: `${os.type()} ${os.release()} ${os.arch()}`,
        sqlite: raw.sqlite.prepare('SELECT sqlite_version()').pluck().get() as string,
        load_1m_before: Math.round(loadBefore * 100) / 100,
        load_1m_after: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
      },
    };
    process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : `${formatTable(report)}\n`);
  } finally {
    raw.close();
    await core.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  progress(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
