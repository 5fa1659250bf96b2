import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { SECURITY_ROWS_ENV, type HeldRow } from '../../scripts/security-table';

/**
 * Records, for the README's security table, what this test tried and what held. Call it after the
 * assertions: a test that failed before never records its row.
 */
export function recordHeld(row: Omit<HeldRow, 'test'>): void {
  if (!Number.isInteger(row.tried) || row.tried <= 0) throw new Error('recordHeld: tried must count the cases tried');
  const file = process.env[SECURITY_ROWS_ENV];
  if (file === undefined) return;
  const testPath = expect.getState().testPath;
  if (testPath === undefined) throw new Error('recordHeld outside a test');
  const test = path.relative(path.join(__dirname, '..', '..'), testPath);
  fs.appendFileSync(file, `${JSON.stringify({ ...row, test })}\n`);
}
