/**
 * `npm run bench [-- --json] [-- --accounts N] [-- --only local|sync|notices]`: lookups and the
 * top-up commit through the core, against the same work on raw better-sqlite3, on a seeded database
 * of 100,000 accounts; then the sync with the central emulator (first sync of a new PC, push of a
 * queue, incremental pull); then the pagoPA notice PDF (cold, warm, 1,000 in a row). stdout
 * carries only the result (one JSON object with --json, a table otherwise); progress goes to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import BetterSqlite3 from 'better-sqlite3';
import { openCore } from '../../src-main/core/core';
import { benchTopupCommit } from './commits';
import { ensureBenchData, workingCopy } from './dataset';
import { benchLookups } from './lookups';
import { sampleQueries } from './queries';
import { decryptCopy, openRaw } from './raw';
import { benchEncryption } from './encryption';
import { allGoals, figures, formatTable, localGoals, type BenchReport, type LocalReport } from './report';
import { benchNotices, noticeGoals, type NoticeReport } from './notices';
import { BENCH_COUNTER, instantPrinter } from './session';
import { benchSync, syncGoals, type SyncReport } from './sync';
import { benchConto, contoGoals, type ContoReport } from './conto';
import { benchCloseDay, closeDayGoals, type CloseDayReport } from './closeDay';
import { attestationsGoals, benchAttestations, type AttestationsReport } from './attestations';

const RUNS = 3;
const LOOKUP_SAMPLES = 2000;
const LOOKUP_WARMUP = 300;
const COMMIT_SAMPLES = 500;
const COMMIT_WARMUP = 50;

type Part = 'local' | 'sync' | 'notices' | 'reports' | 'attestations';

interface Args {
  json: boolean;
  accounts: number;
  parts: Part[];
}

const USAGE = 'Uso: npm run bench -- [--json] [--accounts N] [--only local|sync|notices|reports|attestations]';

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, accounts: 100_000, parts: ['local', 'sync', 'notices', 'reports', 'attestations'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--accounts') args.accounts = Number(argv[++i]);
    else if (a === '--only') {
      const part = argv[++i];
      if (part !== 'local' && part !== 'sync' && part !== 'notices' && part !== 'reports' && part !== 'attestations') {
        throw new Error(`--only vuole local, sync, notices, reports o attestations. ${USAGE}`);
      }
      args.parts = [part];
    } else throw new Error(`opzione sconosciuta: ${String(a)}. ${USAGE}`);
  }
  if (!Number.isInteger(args.accounts) || args.accounts <= 0) throw new Error('--accounts vuole un intero positivo');
  return args;
}

function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** Lookups and the top-up commit on a private copy of the seeded counter database. */
async function benchLocal(accounts: number): Promise<{ report: LocalReport; sqlite: string }> {
  const data = await ensureBenchData(accounts, progress);
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
    // The price of encryption at rest: the same SQL on a plain copy of the file.
    const plainCopy = workingCopy(data.cacheDir);
    decryptCopy(plainCopy);
    const plain = openRaw(plainCopy, { plain: true });
    const { commit, encryption } = await (async () => {
      const plan = { runs: RUNS, samples: COMMIT_SAMPLES, warmup: COMMIT_WARMUP, progress };
      const commit = await benchTopupCommit(core, raw, rawCommits, sets, plan);
      const lookupPlan = { runs: RUNS, samples: LOOKUP_SAMPLES, warmup: LOOKUP_WARMUP, progress };
      return { commit, encryption: await benchEncryption(raw, rawCommits, plain, sets, lookupPlan) };
    })().finally(() => {
      rawCommits.close();
      plain.close();
      fs.rmSync(commitCopy, { recursive: true, force: true });
      fs.rmSync(plainCopy, { recursive: true, force: true });
    });
    const report: LocalReport = {
      lookup_code: figures(lookups.lookup_code),
      lookup_cf: figures(lookups.lookup_cf),
      search_name: figures(lookups.search_name),
      topup_commit: figures(commit),
      ...encryption,
      samples: { lookups: LOOKUP_SAMPLES, commits: COMMIT_SAMPLES, runs: RUNS },
      seed_ms: Math.round(data.seedMs),
      seed_cached: data.cached,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
    if (data.summary.accounts !== accounts)
      throw new Error(`seeded ${data.summary.accounts} accounts, not ${accounts}`);
    return { report, sqlite: raw.sqlite.prepare('SELECT sqlite_version()').pluck().get() as string };
  } finally {
    raw.close();
    await core.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function sqliteVersion(): string {
  const memory = new BetterSqlite3(':memory:');
  try {
    return memory.prepare('SELECT sqlite_version()').pluck().get() as string;
  } finally {
    memory.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // The load of the machine when the run began: on a shared 2-core VM it explains most of a bad p99.
  const loadBefore = os.loadavg()[0] ?? 0;
  const local = args.parts.includes('local') ? await benchLocal(args.accounts) : null;
  // The sync part runs after the local one, so the emulator never shares the machine with it.
  const sync: SyncReport | null = args.parts.includes('sync') ? await benchSync(args.accounts, RUNS, progress) : null;
  // The notice PDFs last: CPU-bound rendering, alone on the machine once the emulator has stopped.
  const notices: NoticeReport | null = args.parts.includes('notices') ? await benchNotices(progress) : null;
  const conto: ContoReport | null = args.parts.includes('reports') ? await benchConto(progress) : null;
  const closeDay: CloseDayReport | null = args.parts.includes('reports') ? await benchCloseDay(progress) : null;
  const attestations: AttestationsReport | null = args.parts.includes('attestations')
    ? await benchAttestations(progress)
    : null;
  const cpu = os.cpus()[0]?.model ?? 'sconosciuta';
  const report: BenchReport = {
    accounts: args.accounts,
    ...local?.report,
    ...sync,
    ...notices,
    ...conto,
    ...closeDay,
    ...attestations,
    goals: allGoals(
      local ? localGoals(local.report) : null,
      sync ? syncGoals(sync) : null,
      notices ? noticeGoals(notices) : null,
      conto ? contoGoals(conto) : null,
      closeDay ? closeDayGoals(closeDay) : null,
      attestations ? attestationsGoals(attestations) : null,
    ),
    machine: {
      cpus: os.cpus().length,
      cpu,
      node: process.versions.node,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      sqlite: local?.sqlite ?? sqliteVersion(),
      load_1m_before: Math.round(loadBefore * 100) / 100,
      load_1m_after: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    },
  };
  process.stdout.write(args.json ? `${JSON.stringify(report)}\n` : `${formatTable(report)}\n`);
}

main().catch((e: unknown) => {
  progress(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
