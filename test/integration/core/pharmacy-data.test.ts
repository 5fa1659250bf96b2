import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../../src-main/db/open';
import { demoDataDir, openTestCore, type TestCore } from '../../support/core-fixture';
import { openCounterFile } from '../../support/counter-file';
import { recordHeld } from '../../support/security-table';

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('a pharmacy started on a folder seeded with the whole demo', () => {
  it('keeps no family, codice fiscale or birth date, only name, initial and accounts; lookups by code still work', async () => {
    const dataDir = demoDataDir();
    const before = openCounterFile(dataDir, { readonly: true });
    const child = before
      .prepare(
        `SELECT c.id, c.name, c.surname, c.fiscal_code AS cf, a.papay_code AS code
           FROM children c JOIN accounts a ON a.child_id = c.id WHERE c.fiscal_code IS NOT NULL LIMIT 1`,
      )
      .get() as { id: string; name: string; surname: string; cf: string; code: string };
    const parentCf = before.prepare('SELECT fiscal_code FROM families LIMIT 1').pluck().get() as string;
    before.close();

    t = await openTestCore({ dataDir, counter: 'FAR-CAVATORE' });
    const count = (sql: string) => t!.sql.prepare(sql).pluck().get();
    expect(count('SELECT COUNT(*) FROM families')).toBe(0);
    expect(
      count(
        'SELECT COUNT(*) FROM children WHERE fiscal_code IS NOT NULL OR birth_date IS NOT NULL OR family_id IS NOT NULL',
      ),
    ).toBe(0);
    expect(t.sql.prepare('SELECT name, surname FROM children WHERE id = ?').get(child.id)).toEqual({
      name: child.name,
      surname: `${[...child.surname][0]!.toUpperCase()}.`,
    });
    // Nothing of it is left in the file either (checkpointed, then read as bytes; encrypted anyway, so decrypted here).
    t.sql.pragma('wal_checkpoint(TRUNCATE)');
    const dump =
      JSON.stringify(t.sql.prepare('SELECT * FROM children').all()) +
      fs.readFileSync(path.join(dataDir, DB_FILE)).toString('latin1');
    expect(dump.includes(child.cf)).toBe(false);
    expect(dump.includes(parentCf)).toBe(false);

    await t.login('cavatore', '1234');
    const found = await t.must('accounts.find', { query: child.code });
    expect(JSON.stringify(found)).toContain(child.code);
    expect(JSON.stringify(found)).not.toContain(child.surname);
    recordHeld({
      attack: 'a pharmacy started on a folder seeded with every family',
      tried: 1,
      held: 'no family, codice fiscale or birth date left on it, in the tables or the file',
    });
  });
});
