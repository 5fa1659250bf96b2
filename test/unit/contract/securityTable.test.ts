import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import {
  HELD_FILE,
  mergeHeld,
  readHeld,
  readmeWithSecurityTable,
  renderHeldRows,
  type HeldRow,
} from '../../../scripts/security-table';
import { README_FILE } from '../../../scripts/readme-section';

const row = (test: string, attack: string, tried: number): HeldRow => ({ attack, tried, held: 'held', test });

describe('the security table the tests write', () => {
  it('merges a run into the rows by test and attack: a row that ran again is replaced, the others stay', () => {
    const before = [row('b.test.ts', 'x', 1), row('a.test.ts', 'y', 2)];
    const merged = mergeHeld(before, [row('b.test.ts', 'x', 7), row('c.test.ts', 'z', 3)]);
    expect(merged).toEqual([row('a.test.ts', 'y', 2), row('b.test.ts', 'x', 7), row('c.test.ts', 'z', 3)]);
  });

  it('escapes what would break a Markdown table', () => {
    expect(renderHeldRows([row('a.test.ts', 'a | b\nc', 1)])).toContain('| a \\| b c | 1 |');
  });

  it('README shows exactly the rows of docs/security-held.json (never edited by hand)', async () => {
    const readme = fs.readFileSync(README_FILE, 'utf8');
    expect(fs.existsSync(HELD_FILE)).toBe(true);
    expect(await readmeWithSecurityTable(readme, readHeld())).toBe(readme);
  });
});
