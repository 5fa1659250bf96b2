import crypto from 'node:crypto';
import { DEMO_OPERATORS } from './operators';
import { createRng } from './prng';
import type { DemoOperatorRow } from './rows';

/**
 * PIN hashes of the demo operators, as the central service makes them and sends them in the feed:
 * `scrypt$N$r$p$salt$hash` in base64, the parameters travelling with the hash (the counter's
 * verifyPin, src-main/operators/pin.ts, reads them from there). Only the central side makes
 * hashes; the counter only checks them.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export function hashPin(pin: string, salt: Buffer = crypto.randomBytes(16)): string {
  const hash = crypto.scryptSync(pin, salt, KEYLEN, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
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
    pinHash: hashPin(o.pin, Buffer.from(saltRng.bytes(16))),
  }));
}
