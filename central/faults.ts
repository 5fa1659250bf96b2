import { z } from 'zod';

/**
 * Fault injection of the emulator: what a bad network and a struggling central service do to the
 * counters. Each /v1 request draws once; the probabilities share one [0, 1) line, so at most one
 * fault strikes a request. A `seed` makes the sequence of draws, hence the faults, repeatable.
 */
export const FaultSpec = z
  .object({
    /** Delay before every /v1 answer, in ms. */
    latency: z.number().int().nonnegative().max(60_000).default(0),
    error500: z.number().min(0).max(1).default(0),
    error503: z.number().min(0).max(1).default(0),
    /** The socket is destroyed before anything is committed. */
    reset: z.number().min(0).max(1).default(0),
    /** The request is committed, then the socket is destroyed: the client never hears the ack. */
    dropAfterCommit: z.number().min(0).max(1).default(0),
    /** A push is applied twice, as if the network delivered it twice; the second reply is sent. */
    duplicate: z.number().min(0).max(1).default(0),
    seed: z.number().int().optional(),
  })
  .strict()
  .refine((f) => f.error500 + f.error503 + f.reset + f.dropAfterCommit + f.duplicate <= 1, {
    message: 'la somma delle probabilità dei guasti supera 1',
  });
export type FaultSpec = z.infer<typeof FaultSpec>;

export type Fault = 'none' | 'error500' | 'error503' | 'reset' | 'dropAfterCommit' | 'duplicate';

export const NO_FAULTS: FaultSpec = FaultSpec.parse({});

/** Reads "latency=200,error500=0.2,seed=7" (or the same as a JSON object). */
export function parseFaultSpec(input: unknown): FaultSpec {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text.startsWith('{')) return parseFaultSpec(JSON.parse(text) as unknown);
    const fields: Record<string, number> = {};
    for (const part of text.split(',').map((p) => p.trim())) {
      if (part === '') continue;
      const [key, value, ...rest] = part.split('=');
      const n = Number(value);
      if (key === undefined || value === undefined || rest.length > 0 || value.trim() === '' || !Number.isFinite(n)) {
        throw new Error(`guasto non valido: "${part}" (formato atteso: nome=valore)`);
      }
      fields[key.trim()] = n;
    }
    return parseFaultSpec(fields);
  }
  const parsed = FaultSpec.safeParse(input);
  if (!parsed.success) {
    throw new Error(
      `guasti non validi: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** mulberry32: tiny, seedable, good enough to pick faults. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private spec: FaultSpec = NO_FAULTS;
  private random: () => number = Math.random;
  private readonly counts: Record<Fault, number> = {
    none: 0,
    error500: 0,
    error503: 0,
    reset: 0,
    dropAfterCommit: 0,
    duplicate: 0,
  };

  constructor(spec: FaultSpec = NO_FAULTS) {
    this.set(spec);
  }

  set(spec: FaultSpec): void {
    this.spec = spec;
    this.random = spec.seed === undefined ? Math.random : seededRandom(spec.seed);
  }

  current(): FaultSpec {
    return this.spec;
  }

  /** How many requests each fault struck since the start (for tests and the admin page). */
  injected(): Record<Fault, number> {
    return { ...this.counts };
  }

  draw(): Fault {
    const s = this.spec;
    const r = this.random();
    let edge = 0;
    let fault: Fault = 'none';
    for (const candidate of ['error500', 'error503', 'reset', 'dropAfterCommit', 'duplicate'] as const) {
      edge += s[candidate];
      if (r < edge) {
        fault = candidate;
        break;
      }
    }
    this.counts[fault]++;
    return fault;
  }
}
