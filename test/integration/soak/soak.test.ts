import { describe, expect, it } from 'vitest';
import { runSoak } from '../../soak/scenario';

/**
 * The short soak (the long one is `npm run soak`): the central emulator and two counters in their
 * own processes, random top-ups and voids on shared accounts, faults switched at run time, SIGKILLs
 * and restarts; then every invariant of the sync (see test/soak/invariants.ts).
 */
describe('soak: two counters, a flaky network and power cuts', () => {
  it('ends with every operation at the central once, balances that add up and gapless receipts', async () => {
    const report = await runSoak({
      opsPerCounter: 250,
      seed: 'npm-test-soak',
      killEvery: [40, 90],
      faultDwellMs: [200, 800],
      settleTimeoutMs: 30_000,
    });
    expect(report.violations).toEqual([]);
    for (const counter of report.counters) {
      expect(counter.kills).toBeGreaterThanOrEqual(2);
      expect(counter.voids).toBeGreaterThan(0);
      expect(counter.localOperations).toBeGreaterThanOrEqual(250);
    }
    const total = report.counters.reduce((sum, c) => sum + c.localOperations, 0);
    expect(report.centralOperations).toBe(total);
    expect(report.faultSwitches).toBeGreaterThan(3);
  }, 180_000);
});
