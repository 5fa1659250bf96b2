/** Latency figures of one measurement, in milliseconds. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Nearest-rank percentile of samples in nanoseconds, returned in milliseconds. Nearest rank (not
 * interpolation) so a p99 is a latency that really happened.
 */
export function percentile(sortedNs: readonly bigint[], p: number): number {
  if (sortedNs.length === 0) throw new Error('percentile of no samples');
  const rank = Math.max(1, Math.ceil((p / 100) * sortedNs.length));
  const value = sortedNs[rank - 1];
  if (value === undefined) throw new Error(`rank ${rank} out of ${sortedNs.length}`);
  return Number(value) / 1e6;
}

export function percentiles(samplesNs: readonly bigint[]): Percentiles {
  const sorted = [...samplesNs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/**
 * Best of several runs, figure by figure: a 2-core VM stalls now and then for reasons unrelated to
 * the code (another tenant, a host flush), and the lowest of three is the figure the code can reach.
 */
export function bestOf(runs: readonly Percentiles[]): Percentiles {
  if (runs.length === 0) throw new Error('best of no runs');
  return {
    p50: Math.min(...runs.map((r) => r.p50)),
    p95: Math.min(...runs.map((r) => r.p95)),
    p99: Math.min(...runs.map((r) => r.p99)),
  };
}

/** Rounded for the report: microsecond resolution is all a millisecond figure needs. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
