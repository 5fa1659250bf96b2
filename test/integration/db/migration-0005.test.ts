import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import * as m0001 from '../../../src-main/db/migrations/0001_initial';
import * as m0002 from '../../../src-main/db/migrations/0002_sync';
import * as m0003 from '../../../src-main/db/migrations/0003_notices';
import * as m0004 from '../../../src-main/db/migrations/0004_registration';
import * as m0005 from '../../../src-main/db/migrations/0005_registration_numbers';

/** 0005 on a database that already holds registrations: they get their numbers in the order made. */

let sqlite: BetterSqlite3.Database | null = null;
afterEach(() => sqlite?.close());

function registration(db: BetterSqlite3.Database, id: string, counter: string, createdAt: string): void {
  db.prepare(
    `INSERT INTO registrations (id, created_at, counter_code, operator_code, family_id, consent_at, consent_text,
                                consent_text_sha256, operation_id)
     VALUES (?, ?, ?, 'op', 'f1', ?, 'testo', 'hash', ?)`,
  ).run(id, createdAt, counter, createdAt, `op-${id}`);
}

describe('migration 0005: registration numbers', () => {
  it('numbers existing registrations per counter and Rome year, and the sequences continue from there', async () => {
    sqlite = new BetterSqlite3(':memory:');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations take an untyped Kysely
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    for (const m of [m0001, m0002, m0003, m0004]) await m.up(db);
    sqlite
      .prepare(`INSERT INTO families (id, surname, name, fiscal_code, address) VALUES ('f1', 'R', 'M', 'X', 'via')`)
      .run();
    registration(sqlite, 'r3', 'SE1', '2026-03-02T08:00:00.000Z');
    registration(sqlite, 'r1', 'SE1', '2026-01-10T08:00:00.000Z');
    registration(sqlite, 'r2', 'SE2', '2026-01-11T08:00:00.000Z');
    // 23:30 UTC on 31 December is already New Year's Day in Rome.
    registration(sqlite, 'r4', 'SE1', '2026-12-31T23:30:00.000Z');
    await m0005.up(db);
    expect(sqlite.prepare('SELECT id, counter_code, year, number FROM registrations ORDER BY id').all()).toEqual([
      { id: 'r1', counter_code: 'SE1', year: 2026, number: 1 },
      { id: 'r2', counter_code: 'SE2', year: 2026, number: 1 },
      { id: 'r3', counter_code: 'SE1', year: 2026, number: 2 },
      { id: 'r4', counter_code: 'SE1', year: 2027, number: 1 },
    ]);
    expect(sqlite.prepare('SELECT * FROM registration_sequences ORDER BY counter_code, year').all()).toEqual([
      { counter_code: 'SE1', year: 2026, last_number: 2 },
      { counter_code: 'SE1', year: 2027, last_number: 1 },
      { counter_code: 'SE2', year: 2026, last_number: 1 },
    ]);
    expect(() => sqlite!.prepare(`UPDATE registrations SET number = 1 WHERE id = 'r3'`).run()).toThrow(
      /UNIQUE constraint failed/,
    );
    await db.destroy();
    sqlite = null;
  });
});
