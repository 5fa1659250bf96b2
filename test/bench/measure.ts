import { bestOf, percentiles, type Percentiles } from './stats';

/** One operation measured through the core and on raw better-sqlite3, best of `runs` runs each. */
export interface Comparison {
  core: Percentiles;
  raw: Percentiles;
  coreRuns: Percentiles[];
  rawRuns: Percentiles[];
}

export interface ComparisonPlan {
  label: string;
  runs: number;
  samples: number;
  warmup: number;
  /** Called before each run of the core (a fresh login, so the idle lock never interferes). */
  beforeCoreRun: (run: number) => Promise<void>;
  core: (i: number) => Promise<void>;
  /** Raw calls are synchronous and timed without an await, so the baseline carries no promise cost. */
  raw: (i: number) => void;
  progress: (line: string) => void;
}

/**
 * Times core and raw call by call, alternating, so both meet the same moments of the machine. Who
 * goes first swaps at each sample: the first of the two to read a page pays for it.
 */
async function timeInterleaved(
  from: number,
  count: number,
  core: (i: number) => Promise<void>,
  raw: (i: number) => void,
): Promise<{ core: bigint[]; raw: bigint[] }> {
  const out = { core: new Array<bigint>(count), raw: new Array<bigint>(count) };
  const timeCore = async (i: number) => {
    const t0 = process.hrtime.bigint();
    await core(from + i);
    out.core[i] = process.hrtime.bigint() - t0;
  };
  const timeRaw = (i: number) => {
    const t0 = process.hrtime.bigint();
    raw(from + i);
    out.raw[i] = process.hrtime.bigint() - t0;
  };
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      await timeCore(i);
      timeRaw(i);
    } else {
      timeRaw(i);
      await timeCore(i);
    }
  }
  return out;
}

/**
 * Core and raw calls alternate one by one: on a shared VM the disk's fsync time can change tenfold
 * within a minute, and a ratio is only fair if both sides met the same moments. Warm-up calls (JIT,
 * prepared statements, SQLite's page cache) use the samples after the measured ones, so the first
 * run does not time exactly the pages its warm-up has just read.
 */
export async function compare(plan: ComparisonPlan): Promise<Comparison> {
  const coreRuns: Percentiles[] = [];
  const rawRuns: Percentiles[] = [];
  for (let run = 0; run < plan.runs; run++) {
    await plan.beforeCoreRun(run);
    await timeInterleaved(plan.samples, plan.warmup, plan.core, plan.raw);
    const times = await timeInterleaved(0, plan.samples, plan.core, plan.raw);
    const core = percentiles(times.core);
    const raw = percentiles(times.raw);
    coreRuns.push(core);
    rawRuns.push(raw);
    plan.progress(
      `${plan.label} run ${run + 1}/${plan.runs}: core p50 ${core.p50.toFixed(3)} p99 ${core.p99.toFixed(3)} ms, ` +
        `raw p50 ${raw.p50.toFixed(3)} p99 ${raw.p99.toFixed(3)} ms`,
    );
  }
  return { core: bestOf(coreRuns), raw: bestOf(rawRuns), coreRuns, rawRuns };
}
