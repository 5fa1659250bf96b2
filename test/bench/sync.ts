import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCentral } from '../../central';
import { centralWorkingCopy, ensureCentralData } from './central-data';
import type { CounterFigures, CounterMessage, CounterPlan } from './sync-counter';

/** The sync figures of the JSON report (seconds and milliseconds as the goals state them). */
export interface SyncReport {
  sync_initial: { accounts: number; seconds: number; peak_rss_mb: number };
  sync_push: { operations: number; seconds: number; sync_seconds: number; queue_seconds: number };
  sync_incremental: { changes: number; ms: number; runs_ms: number[] };
  sync_counter_final_peak_rss_mb: number;
  sync_emulator_load_ms: number;
  sync_emulator_cached: boolean;
}

export interface SyncGoals {
  sync_initial_under_20s: boolean;
  sync_initial_under_300mb_rss: boolean;
  sync_push_10000_under_10s: boolean;
  sync_incremental_1000_under_500ms: boolean;
}

export const SYNC_OPERATIONS = 10_000;
export const SYNC_CHANGES = 1_000;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The emulator runs here, on loopback, on a private copy of its cached database; the counter runs
 * in a child process on an empty data folder (a new PC), so the peak RSS it reports is the
 * counter's alone.
 */
export async function benchSync(accounts: number, runs: number, progress: (line: string) => void): Promise<SyncReport> {
  const data = await ensureCentralData(accounts, progress);
  const dataDir = centralWorkingCopy(data.cacheDir);
  const central = await startCentral({ dataDir, port: 0 });
  try {
    if (central.loaded !== null) throw new Error('the copy of the emulator database came up empty');
    progress(`emulatore: ${central.url}`);
    const plan: CounterPlan = {
      centralUrl: central.url,
      accounts,
      operations: SYNC_OPERATIONS,
      changes: SYNC_CHANGES,
      runs,
    };
    const f = await runCounter(plan);
    return {
      sync_initial: {
        accounts: f.initial.accounts,
        seconds: round(f.initial.seconds, 2),
        peak_rss_mb: f.initial.peakRssMb,
      },
      sync_push: {
        operations: f.push.operations,
        seconds: round(f.push.seconds, 2),
        sync_seconds: round(f.push.syncSeconds, 2),
        queue_seconds: round(f.push.queueSeconds, 1),
      },
      sync_incremental: {
        changes: f.incremental.changes,
        ms: Math.round(Math.min(...f.incremental.runsMs)),
        runs_ms: f.incremental.runsMs.map((ms) => Math.round(ms)),
      },
      sync_counter_final_peak_rss_mb: f.finalPeakRssMb,
      sync_emulator_load_ms: Math.round(data.loadMs),
      sync_emulator_cached: data.cached,
    };
  } finally {
    await central.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function syncGoals(r: SyncReport): SyncGoals {
  return {
    sync_initial_under_20s: r.sync_initial.seconds < 20,
    sync_initial_under_300mb_rss: r.sync_initial.peak_rss_mb < 300,
    sync_push_10000_under_10s: r.sync_push.operations >= SYNC_OPERATIONS && r.sync_push.seconds < 10,
    sync_incremental_1000_under_500ms: r.sync_incremental.changes >= SYNC_CHANGES && r.sync_incremental.ms < 500,
  };
}

function runCounter(plan: CounterPlan): Promise<CounterFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'sync-counter.ts'), [JSON.stringify(plan)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let figures: CounterFigures | null = null;
    child.on('message', (m: CounterMessage) => {
      if (m.type === 'figures') figures = m.figures;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (figures !== null && code === 0) resolve(figures);
      else reject(new Error(`counter process ended with ${signal ?? `code ${String(code)}`} and no figures`));
    });
  });
}
