import type { Clock } from '../../src-main/core/clock';

/** The fixed moment every test starts from: a school day in the morning, Rome time (never today's date). */
export const TEST_START = '2026-11-30T09:00:00.000Z';

/** A clock tests move by hand; the crash tests' child processes use it too, so no test reads the PC's date. */
export class ManualClock implements Clock {
  constructor(private t = Date.parse(TEST_START)) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
