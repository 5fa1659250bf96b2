import { describe, expect, it } from 'vitest';
import { deterministicUuid } from '../../../seeds/ids';
import { createRng } from '../../../seeds/prng';

describe('seeded PRNG', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: string): number[] => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.int(0, 1_000_000));
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('keeps int within bounds and reaches both ends', () => {
    const rng = createRng('bounds');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(-2, 2);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(2);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2]);
    expect(() => rng.int(3, 1)).toThrow();
  });

  it('follows the weights roughly', () => {
    const rng = createRng('weights');
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['heavy', 9],
          ['light', 1],
        ] as const) === 'heavy'
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8700);
    expect(heavy).toBeLessThan(9300);
  });

  it('gives forks independent of draws made on the parent', () => {
    const a = createRng('root');
    const b = createRng('root');
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
  });

  it('makes the same UUIDv7 from the same seed and time', () => {
    const ms = Date.parse('2026-11-27T16:00:00.000Z');
    const id = deterministicUuid(createRng('ids'), ms);
    expect(deterministicUuid(createRng('ids'), ms)).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The first 48 bits are the timestamp.
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });
});
