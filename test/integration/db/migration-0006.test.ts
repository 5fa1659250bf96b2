import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import * as m0001 from '../../../src-main/db/migrations/0001_initial';
import * as m0002 from '../../../src-main/db/migrations/0002_sync';
import * as m0003 from '../../../src-main/db/migrations/0003_notices';
import * as m0004 from '../../../src-main/db/migrations/0004_registration';
import * as m0005 from '../../../src-main/db/migrations/0005_registration_numbers';
import * as m0006 from '../../../src-main/db/migrations/0006_search_keys';
import { searchKey } from '../../../shared/searchKey';

/** 0006 on a database that already holds children: their keys are filled and indexed, the triggers keep them. */

let sqlite: BetterSqlite3.Database | null = null;
afterEach(() => sqlite?.close());

const SURNAMES = ["D'Angelo", 'De Luca', "Dell'Amico", 'Lo Russo', 'Podestà', 'Dalla Valle'];
const FIND = `SELECT c.id FROM children_fts JOIN children c ON c.rowid = children_fts.rowid
               WHERE children_fts MATCH ? ORDER BY c.id`;

describe('migration 0006: search keys', () => {
  it('fills the keys of existing children with the same folding as shared/searchKey.ts, and indexes them', async () => {
    sqlite = new BetterSqlite3(':memory:');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations take an untyped Kysely
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    for (const m of [m0001, m0002, m0003, m0004, m0005]) await m.up(db);
    const insert = sqlite.prepare(`INSERT INTO children (id, surname, name, school) VALUES (?, ?, ?, 'Primaria')`);
    SURNAMES.forEach((surname, i) => insert.run(`c${i}`, surname, i === 0 ? 'Niccolò' : 'Anna'));
    // More rows than one chunk of the fill.
    for (let i = 0; i < 6000; i++) insert.run(`z${String(i).padStart(4, '0')}`, `Zeta ${i % 7}`, 'Bruno');
    await m0006.up(db);

    const rows = sqlite.prepare('SELECT surname, name, surname_key, name_key FROM children').all() as {
      surname: string;
      name: string;
      surname_key: string;
      name_key: string;
    }[];
    for (const r of rows) {
      expect(r.surname_key).toBe(searchKey(r.surname));
      expect(r.name_key).toBe(searchKey(r.name));
    }
    expect(sqlite.prepare(`SELECT name_key FROM children WHERE id = 'c0'`).pluck().get()).toBe('niccolo');
    const find = sqlite.prepare(FIND).pluck();
    expect(find.all('"dangelo"*')).toEqual(['c0']);
    expect(find.all('"deluca"*')).toEqual(['c1']);
    expect(find.all('"dellamico"*')).toEqual(['c2']);
    expect(find.all('"russo"*')).toEqual(['c3']);
    expect(find.all('"podesta"*')).toEqual(['c4']);
    expect(find.all('"dallavalle"*')).toEqual(['c5']);
    // The index agrees with the table (SQLite throws SQLITE_CORRUPT_VTAB when it does not).
    expect(() =>
      sqlite!.prepare(`INSERT INTO children_fts(children_fts) VALUES ('integrity-check')`).run(),
    ).not.toThrow();

    // The triggers follow the new columns: a renamed child is found by its new key only.
    sqlite.prepare(`UPDATE children SET surname = 'Lo Bue', surname_key = 'lobue' WHERE id = 'c3'`).run();
    expect(find.all('"lorusso"*')).toEqual([]);
    expect(find.all('"lobue"*')).toEqual(['c3']);
    sqlite.prepare(`DELETE FROM children WHERE id = 'c3'`).run();
    expect(find.all('"lobue"*')).toEqual([]);
  });
});
