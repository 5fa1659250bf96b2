/** The core asks the time of one clock, so tests can move it (idle lock, today's voids, the double guard). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
