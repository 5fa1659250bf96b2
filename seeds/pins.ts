import crypto from 'node:crypto';
import { DEMO_OPERATORS } from './operators';
import { createRng } from './prng';
import type { DemoOperatorRow } from './rows';
import type { Role } from '../shared/domain';
import { kdfFor, secretProblem } from '../shared/secrets';

/**
 * Secret hashes of the demo operators, as the central service makes them and sends them in the
 * feed: `scrypt$N$r$p$salt$hash` in base64, the parameters travelling with the hash (the counter's
 * verifyPin, src-main/operators/pin.ts, reads them from there). Only the central side makes hashes;
 * the counter only checks them. A supervisor's secret is refused unless it is strong enough
 * (shared/secrets.ts), and is hashed at a higher cost.
 */
const KEYLEN = 32;

export function hashPin(pin: string, opts: { role: Role; salt?: Buffer }): string {
  const problem = secretProblem(opts.role, pin);
  if (problem !== null) throw new Error(problem);
  const { N, r, p } = kdfFor(opts.role);
  const salt = opts.salt ?? crypto.randomBytes(16);
  const hash = crypto.scryptSync(pin, salt, KEYLEN, { N, r, p, maxmem: 256 * N * r * p });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * The demo operators with their PINs hashed. The salts come from the seed, so a counter seeded with
 * the demo data and the emulator loaded with it hold the same hashes, byte for byte.
 */
export function demoOperatorRows(seed: string): DemoOperatorRow[] {
  // scrypt is slow on purpose: callers hash before their write transaction.
  const saltRng = createRng(seed).fork('pin-salts');
  return DEMO_OPERATORS.map((o) => ({
    code: o.code,
    name: o.name,
    role: o.role,
    counterCode: o.counterCode,
    pinHash: hashPin(o.pin, { role: o.role, salt: Buffer.from(saltRng.bytes(16)) }),
  }));
}
