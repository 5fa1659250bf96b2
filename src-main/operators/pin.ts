import crypto from 'node:crypto';
import { MAX_KDF_N } from '../../shared/secrets';

/**
 * PINs arrive hashed from the central service (scrypt, `scrypt$N$r$p$salt$hash`, base64): the
 * parameters travel with the hash, so the central may raise them without breaking old hashes. The
 * counter only checks a PIN; it never makes a hash. A supervisor's hash costs 64 MiB (N = 2^16,
 * shared/secrets.ts), over Node's default scrypt memory cap: the cap follows the parameters, up to
 * MAX_KDF_N so that no hash can make the PC allocate without bound.
 */
export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every(Number.isSafeInteger) || params.N > MAX_KDF_N || params.r > 32)
    return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    ...params,
    maxmem: 256 * params.N * params.r * params.p,
  });
  return crypto.timingSafeEqual(actual, expected);
}
