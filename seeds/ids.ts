import { v7 } from 'uuid';
import type { Rng } from './prng';

/**
 * UUIDv7 ids whose timestamp and random part both come from the seed, so two folders seeded
 * the same way hold the same ids (the central emulator and the counters can then agree on them).
 */
export function deterministicUuid(rng: Rng, msecs: number): string {
  return v7({ msecs, random: rng.bytes(16) });
}
