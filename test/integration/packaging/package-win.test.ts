import { describe, expect, it } from 'vitest';
import { packagingSteps, runSteps, type PackagingStep } from '../../../scripts/package-win.cjs';

/** The Windows packaging script cannot run here; its order and its clean-up can. */

const joined = (step: PackagingStep) => [step.command, ...step.args].join(' ');

describe('package:win steps', () => {
  it('builds, rebuilds better-sqlite3 for Electron on win32 x64, packages NSIS x64, then restores Node', () => {
    const steps = packagingSteps().map(joined);
    expect(steps).toHaveLength(4);
    expect(steps[0]).toMatch(/run build$/);
    expect(steps[1]).toMatch(/electron-builder[\\/]cli\.js install-app-deps --platform win32 --arch x64$/);
    expect(steps[2]).toMatch(/electron-builder[\\/]cli\.js --win nsis --x64 --publish never$/);
    expect(steps[3]).toMatch(/rebuild better-sqlite3$/);
  });

  it('restores the Node build even when packaging fails, and reports the failure', () => {
    const ran: string[] = [];
    const steps = packagingSteps();
    const code = runSteps(
      steps,
      (step) => {
        ran.push(step.title);
        return step === steps[2] ? 7 : 0;
      },
      () => {},
    );
    expect(code).toBe(7);
    expect(ran).toEqual(steps.map((s) => s.title));
  });

  it('skips packaging when the Electron rebuild fails, but still restores', () => {
    const ran: PackagingStep[] = [];
    const steps = packagingSteps();
    const code = runSteps(
      steps,
      (step) => {
        ran.push(step);
        return step === steps[1] ? 1 : 0;
      },
      () => {},
    );
    expect(code).toBe(1);
    expect(ran).toEqual([steps[0], steps[1], steps[3]]);
  });
});
