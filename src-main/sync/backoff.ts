/**
 * When to try a failed send again: exponential (2 s, 4 s, 8 s ...) capped at 5 minutes, with
 * "equal jitter" (half fixed, half random) so counters that lost the network together do not all
 * come back in the same second. It never gives up: the delay stops growing, the retries go on.
 */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

export function backoffDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
