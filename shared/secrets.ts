import type { Role } from './domain';

/**
 * The secrets operators type, and how the central service hashes them (issue 13 item 2; the
 * arithmetic is in the README's threat model).
 *
 * - A supervisor's secret approves money (voids, till corrections): at least 8 characters with
 *   letters and digits, hashed with scrypt at N = 2^16 (64 MiB, r = 8).
 * - An ordinary operator keeps a short PIN (typed many times a day) under scrypt at N = 2^14; it never
 *   approves money, and guessing it at the counter meets the lockout.
 *
 * The parameters travel inside each hash (`scrypt$N$r$p$salt$hash`), so they can be raised later.
 */
export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

export const SUPERVISOR_KDF: KdfParams = { N: 65_536, r: 8, p: 1 };
export const OPERATOR_KDF: KdfParams = { N: 16_384, r: 8, p: 1 };
/** The highest cost a counter accepts from a hash (a hostile one must not eat the PC's memory). */
export const MAX_KDF_N = 1_048_576;

export const SUPERVISOR_SECRET_MIN_LENGTH = 8;

export function kdfFor(role: Role): KdfParams {
  return role === 'supervisore' ? SUPERVISOR_KDF : OPERATOR_KDF;
}

/** Why a supervisor's secret is too weak, in Italian, or null when it will do. */
export function supervisorSecretProblem(secret: string): string | null {
  if ([...secret].length >= SUPERVISOR_SECRET_MIN_LENGTH && /\p{L}/u.test(secret) && /\p{Nd}/u.test(secret))
    return null;
  return `Il segreto di un supervisore deve avere almeno ${SUPERVISOR_SECRET_MIN_LENGTH} caratteri, con lettere e cifre (per esempio carrara-1357): approva operazioni di denaro.`;
}

/** Why a secret may not be set for that role, or null. */
export function secretProblem(role: Role, secret: string): string | null {
  if (role === 'supervisore') return supervisorSecretProblem(secret);
  return secret.length === 0 ? 'Il PIN non può essere vuoto.' : null;
}
