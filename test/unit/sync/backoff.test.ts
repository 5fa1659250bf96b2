import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelayMs } from '../../../src-main/sync/backoff';

describe('backoff', () => {
  it('doubles from 2 s, half fixed and half random', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, () => 0))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, () => 1))).toEqual([2000, 4000, 8000, 16000]);
  });

  it('never exceeds 5 minutes and never reaches zero, however many attempts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const d = backoffDelayMs(n, () => r);
        expect(d).toBeGreaterThanOrEqual(1000);
        expect(d).toBeLessThanOrEqual(BACKOFF_CAP_MS);
      }),
    );
    expect(backoffDelayMs(1_000, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});
