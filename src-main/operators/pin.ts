import crypto from 'node:crypto';

/**
 * PINs arrive hashed from the central service (scrypt, `scrypt$N$r$p$salt$hash`, base64): the
 * parameters travel with the hash, so the central may raise them without breaking old hashes. The
 * counter only checks a PIN; it never makes a hash.
 */
export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return crypto.timingSafeEqual(actual, expected);
}
