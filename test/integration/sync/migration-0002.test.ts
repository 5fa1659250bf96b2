import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import * as m0001 from '../../../src-main/db/migrations/0001_initial';
import { openDatabase, type Db } from '../../../src-main/db/open';
import { openPlainFile } from '../../support/counter-file';

let dataDir: string;
let db: Db | null = null;

afterEach(async () => {
  await db?.close();
  db = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A database as the previous release left it: only 0001, with a family, two children, accounts and a ledger entry. */
async function releaseOneDatabase(): Promise<void> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  const sqlite = openPlainFile(dataDir);
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({
    db: kysely,
    provider: { getMigrations: () => Promise.resolve({ '0001_initial': m0001 }) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migrazione 0001 non riuscita');
  sqlite.exec(`
    INSERT INTO families (id, surname, name, fiscal_code, address) VALUES ('f1', 'Rossi', 'Mario', 'RSSMRA72L09H501S', 'via Roma 1');
    INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school)
      VALUES ('c1', 'f1', 'Dell''Amico', 'Zoe', 'DLLZOE18C49B832U', 'DLLZOE18C49B832U', '2018-03-09', 'Primaria Doganella'),
             ('c2', 'f1', 'Rossi', 'Nicolò', 'RSSNCL16A01B832X', 'RSSNCL16A01B832X', '2016-01-01', 'Primaria Doganella');
    INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq)
      VALUES ('a1', 'c1', 'refezione', '1234567897', 500, 3);
    INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, origin)
      VALUES ('l1', 'a1', 'topup_cash', 2000, '2026-11-28T10:00:00.000Z', '2026-11-28', 'local');
  `);
  await kysely.destroy();
}

const names = (sqlite: BetterSqlite3.Database, match: string) =>
  sqlite
    .prepare(
      `SELECT c.id FROM children_fts f JOIN children c ON c.rowid = f.rowid WHERE children_fts MATCH ? ORDER BY c.id`,
    )
    .pluck()
    .all(match);

describe('migration 0002 (sync)', () => {
  it('keeps the data, makes pharmacy fields nullable, keeps name search and its triggers working', async () => {
    await releaseOneDatabase();
    const rowidsBefore = (() => {
      const raw = openPlainFile(dataDir);
      const r = raw.prepare('SELECT id, rowid AS r FROM children ORDER BY id').all();
      raw.close();
      return r;
    })();
    db = await openDatabase(dataDir);
    const s = db.sqlite;
    expect(s.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.prepare('SELECT id, rowid AS r FROM children ORDER BY id').all()).toEqual(rowidsBefore);
    expect(s.prepare('SELECT family_id, fiscal_code FROM children WHERE id = ?').get('c1')).toEqual({
      family_id: 'f1',
      fiscal_code: 'DLLZOE18C49B832U',
    });
    // Existing rows are found by name, as before.
    expect(names(s, '"amico"*')).toEqual(['c1']);
    expect(names(s, '"nicolo"*')).toEqual(['c2']);

    // A pharmacy child: no family, no codice fiscale, no birth date.
    s.prepare(
      `INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school)
       VALUES ('c3', NULL, 'B.', 'Luca', NULL, NULL, NULL, 'Infanzia Avenza')`,
    ).run();
    expect(names(s, '"luca"*')).toEqual(['c3']);
    // Update and delete triggers keep the index in step.
    s.prepare(`UPDATE children SET name = 'Lucio' WHERE id = 'c3'`).run();
    expect(names(s, '"luca"*')).toEqual([]);
    expect(names(s, '"lucio"*')).toEqual(['c3']);
    s.prepare(`DELETE FROM children WHERE id = 'c3'`).run();
    expect(names(s, '"lucio"*')).toEqual([]);
    expect(
      s.prepare(`INSERT INTO children_fts(children_fts) VALUES ('integrity-check')`).run().changes,
    ).toBeGreaterThanOrEqual(0);

    // Still required, still referenced.
    expect(() =>
      s.prepare(`INSERT INTO children (id, surname, name, school) VALUES ('c4', NULL, 'X', 'S')`).run(),
    ).toThrow(/NOT NULL constraint failed: children.surname/);
    expect(() =>
      s
        .prepare(`INSERT INTO children (id, family_id, surname, name, school) VALUES ('c5', 'nobody', 'X', 'Y', 'S')`)
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => s.prepare(`DELETE FROM children WHERE id = 'c1'`).run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(s.prepare(`SELECT strict FROM pragma_table_list WHERE name = 'children'`).pluck().get()).toBe(1);

    // New columns and the sync state row.
    expect(s.prepare(`SELECT server_seq FROM ledger WHERE id = 'l1'`).pluck().get()).toBeNull();
    expect(s.prepare('SELECT cursor, token, initial_sync_done FROM sync_state').get()).toEqual({
      cursor: '',
      token: null,
      initial_sync_done: 0,
    });
    expect(s.pragma('foreign_key_check')).toEqual([]);
    expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('the lookup of the pending part uses the ledger index, the echo check uses the primary key', async () => {
    await releaseOneDatabase();
    db = await openDatabase(dataDir);
    const plan = (q: string) =>
      (db!.sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan(`SELECT * FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT 200`)).toMatch(/outbox_state/);
    expect(plan(`SELECT origin FROM ledger WHERE id = 'x'`)).toMatch(/sqlite_autoindex_ledger_1|PRIMARY KEY/);
    expect(plan(`SELECT id FROM ledger WHERE server_seq = 5`)).toMatch(/ledger_server_seq/);
  });
});
