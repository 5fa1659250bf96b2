import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import * as m0001 from '../../../src-main/db/migrations/0001_initial';
import * as m0002 from '../../../src-main/db/migrations/0002_sync';
import * as m0003 from '../../../src-main/db/migrations/0003_notices';
import * as m0004 from '../../../src-main/db/migrations/0004_registration';
import * as m0005 from '../../../src-main/db/migrations/0005_registration_numbers';
import * as m0006 from '../../../src-main/db/migrations/0006_search_keys';
import * as m0007 from '../../../src-main/db/migrations/0007_till';
import * as m0008 from '../../../src-main/db/migrations/0008_requests';
import * as m0009 from '../../../src-main/db/migrations/0009_statement_refs';
import * as m0012 from '../../../src-main/db/migrations/0012_attestations';
import * as m0015 from '../../../src-main/db/migrations/0015_family';

let sqlite: BetterSqlite3.Database | null = null;
afterEach(() => sqlite?.close());

describe('migration 0015: the family screen and documents', () => {
  it('an attestation registered before keeps its figures, with no "dati al"; the register still cannot be changed', async () => {
    sqlite = new BetterSqlite3(':memory:');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations take an untyped Kysely
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    for (const m of [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0012]) await m.up(db);
    sqlite.pragma('foreign_keys = OFF');
    sqlite
      .prepare(
        `INSERT INTO attestations (protocol_no, counter_code, year, number, account_id, tax_year, batch_year, issued_at,
                                   operator_code, code, traceable_cents, cash_cents, payer_cfs, file)
         VALUES ('SE1/2026/A00001', 'SE1', 2026, 1, 'a1', 2025, NULL, '2026-03-02T09:00:00.000Z', 'op', '12',
                 6500, 4000, '[]', 'x.pdf')`,
      )
      .run();
    sqlite
      .prepare(
        `INSERT INTO families (id, surname, name, fiscal_code, address) VALUES ('f1', 'Zuccalà', 'Ginevra', 'X', '')`,
      )
      .run();
    await m0015.up(db);
    // The parents already there are indexed; a change of name is followed.
    const find = sqlite
      .prepare(
        `SELECT f.id FROM families_fts JOIN families f ON f.rowid = families_fts.rowid WHERE families_fts MATCH ?`,
      )
      .pluck();
    expect(find.all('"zuccala"* "gin"*')).toEqual(['f1']);
    sqlite.prepare(`UPDATE families SET surname = 'Rossi' WHERE id = 'f1'`).run();
    expect(find.all('"zuccala"*')).toEqual([]);
    expect(find.all('"rossi"* "ginevra"*')).toEqual(['f1']);
    expect(sqlite.prepare('SELECT traceable_cents, cash_cents, data_as_of FROM attestations').get()).toEqual({
      traceable_cents: 6500,
      cash_cents: 4000,
      data_as_of: null,
    });
    expect(() => sqlite!.prepare(`UPDATE attestations SET data_as_of = '2026-01-01T00:00:00.000Z'`).run()).toThrow(
      /non si modifica/,
    );
  });
});
