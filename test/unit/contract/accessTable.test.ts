import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_FILE, readmeWithAccessTable, renderAccessRows } from '../../../scripts/access-table';
import { CHANNELS } from '../../../shared/contract';

describe('the access table in README.md', () => {
  it('is up to date with the access the contract declares (run "npm run access-table" otherwise)', async () => {
    const committed = fs.readFileSync(README_FILE, 'utf8');
    expect(await readmeWithAccessTable(committed)).toBe(committed);
  });

  it('has one row per channel, in the contract order, saying who may call it and what a pharmacy gets', () => {
    const rows = renderAccessRows().split('\n').slice(2);
    expect(rows.map((r) => /^\| `([^`]+)`/.exec(r)?.[1])).toEqual(CHANNELS);
    expect(rows).toContain('| `session.login` | anyone, without logging in | yes |');
    expect(rows).toContain("| `sync.retry` | supervisors | yes, the pharmacy's own supervisors |");
    expect(rows).toContain('| `registration.save` | front-office operators and supervisors | **no**, refused |');
    expect(rows).toContain(
      '| `accounts.find` | any logged-in operator | yes, minimised: no codice fiscale, no address, surname initial |',
    );
  });

  it('replaces only what lies between the markers, and refuses a README without them', async () => {
    const readme = fs.readFileSync(README_FILE, 'utf8');
    const stale = readme.replace('| `sync.retry`', '| `sync.retired`');
    expect(stale).not.toBe(readme);
    expect(await readmeWithAccessTable(stale)).toBe(readme);
    await expect(readmeWithAccessTable('# README\n')).rejects.toThrow(/markers/);
  });
});
