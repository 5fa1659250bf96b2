import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** Operators as the login checks them, and the PIN lockout kept at this PC. */
export const sessionQueries = preparedPerConnection((s) => ({
  operator: s.prepare<[code: string], Row<'operators'>>(
    'SELECT code, name, role, counter_code, pin_hash, active, failed_attempts, locked_until FROM operators WHERE code = ?',
  ),
  failedAttempt: s.prepare<[failedAttempts: number, lockedUntil: string | null, code: string]>(
    'UPDATE operators SET failed_attempts = ?, locked_until = ? WHERE code = ?',
  ),
  /** The stored hashes, for the shape of the stand-in an unknown code is checked against. */
  pinHashes: s.prepare<[{ role: string | null }], Pick<Row<'operators'>, 'pin_hash'>>(
    "SELECT pin_hash FROM operators WHERE pin_hash LIKE 'scrypt$%' AND (@role IS NULL OR role = @role) ORDER BY code",
  ),
  clearFailures: s.prepare<[code: string]>(
    'UPDATE operators SET failed_attempts = 0, locked_until = NULL WHERE code = ?',
  ),
}));
