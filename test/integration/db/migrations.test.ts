import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE, DatabaseFromTheFutureError, openDatabase, type Db } from '../../../src-main/db/open';
import { openCounterFile, openPlainFile } from '../../support/counter-file';

let dataDir: string;
let db: Db | null;

beforeEach(() => {
  dataDir = fs.mkdtempSync(os.tmpdir() + '/sportello-');
  db = null;
});

afterEach(async () => {
  await db?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(): Promise<Db> {
  db = await openDatabase(dataDir);
  return db;
}

/** The detail column of EXPLAIN QUERY PLAN, one line per step. */
function plan(sqlite: BetterSqlite3.Database, query: string, ...params: unknown[]): string {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

/** A family, a child and an account, so that ledger and receipts have parents. */
function seedAccount(sqlite: BetterSqlite3.Database): void {
  sqlite
    .prepare(
      `INSERT INTO families (id, surname, name, fiscal_code, address) VALUES ('f1', 'Rossi', 'Mario', 'RSSMRA72L09H501S', 'via Roma 1')`,
    )
    .run();
  sqlite
    .prepare(
      `INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school)
       VALUES ('c1', 'f1', 'Dell''Amico', 'Zoe', 'DLLZOE18C49B832U', 'DLLZOE18C49B832U', '2018-03-09', 'Primaria Doganella')`,
    )
    .run();
  sqlite
    .prepare(
      `INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq)
       VALUES ('a1', 'c1', 'refezione', '1234567897', 0, 0)`,
    )
    .run();
}

function insertLedger(
  sqlite: BetterSqlite3.Database,
  id: string,
  kind: string,
  cents: number,
  voidsId: string | null,
): void {
  sqlite
    .prepare(
      `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, voids_id, origin)
       VALUES (?, 'a1', ?, ?, '2026-11-28T10:00:00.000Z', '2026-11-28', ?, 'local')`,
    )
    .run(id, kind, cents, voidsId);
}

describe('openDatabase on a real SQLite file', () => {
  it('creates the file with WAL, synchronous FULL and foreign keys on', async () => {
    const { sqlite } = await open();
    expect(fs.existsSync(path.join(dataDir, DB_FILE))).toBe(true);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('makes every ordinary table STRICT', async () => {
    const { sqlite } = await open();
    const tables = sqlite
      .prepare(
        `SELECT name, strict FROM pragma_table_list
         WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'
           AND name NOT LIKE 'children_fts%'`,
      )
      .all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['accounts', 'ledger', 'receipts', 'outbox', 'audit']),
    );
    for (const t of tables) expect(t.strict, t.name).toBe(1);
  });

  it('refuses a string in an INTEGER column (STRICT)', async () => {
    const { sqlite } = await open();
    seedAccount(sqlite);
    expect(() => insertLedger(sqlite, 'l1', 'topup_cash', 'venti' as unknown as number, null)).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    // A non-strict table would have stored it silently.
    expect(sqlite.prepare('SELECT COUNT(*) AS n FROM ledger').get()).toEqual({ n: 0 });
  });

  it('refuses a child whose family does not exist (foreign keys enforced)', async () => {
    const { sqlite } = await open();
    expect(() =>
      sqlite
        .prepare(
          `INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school)
           VALUES ('c9', 'nobody', 'Bo', 'Noè', 'X', 'X', '2016-12-31', 'S')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('reopening is idempotent: data stays, the migration is recorded once', async () => {
    const first = await open();
    seedAccount(first.sqlite);
    await first.close();
    db = null;
    const second = await open();
    expect(second.sqlite.prepare('SELECT papay_code FROM accounts').all()).toEqual([{ papay_code: '1234567897' }]);
    expect(second.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all()).toEqual([
      { name: '0001_initial' },
      { name: '0002_sync' },
      { name: '0003_notices' },
      { name: '0004_registration' },
      { name: '0005_registration_numbers' },
      { name: '0006_search_keys' },
      { name: '0007_till' },
      { name: '0008_requests' },
      { name: '0009_statement_refs' },
      { name: '0012_attestations' },
      { name: '0013_installation_id' },
      { name: '0014_split_payments' },
      { name: '0015_family' },
    ]);
    expect(second.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('refuses a database from the future with an Italian message', async () => {
    const first = await open();
    first.sqlite
      .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
      .run('0099_from_the_future', new Date().toISOString());
    await first.close();
    db = null;
    const attempt = openDatabase(dataDir);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseFromTheFutureError);
    await expect(attempt).rejects.toThrow(
      /versione più recente di Sportello.*0099_from_the_future.*Aggiorna l'applicazione/,
    );
    // The refusal left the file as it was: the app of the future can still open it.
    const raw = openCounterFile(dataDir);
    try {
      expect(raw.prepare('SELECT COUNT(*) AS n FROM kysely_migration').get()).toEqual({ n: 14 });
    } finally {
      raw.close();
    }
  });

  it('runs pending migrations in one transaction: a failure leaves no half-built schema', async () => {
    // A stray table with the name of the last one 0001 creates makes the migration fail at its end.
    const raw = openPlainFile(dataDir);
    raw.exec('CREATE TABLE audit (x INTEGER)');
    raw.close();
    await expect(openDatabase(dataDir)).rejects.toThrow(/audit already exists/);
    const after = openCounterFile(dataDir);
    try {
      const names = (
        after.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
      ).map((r) => r.name);
      expect(names).not.toContain('installation');
      expect(names).not.toContain('ledger');
      after.exec('DROP TABLE audit');
    } finally {
      after.close();
    }
    // Once the cause is gone the next start migrates cleanly (a half-built schema would fail forever).
    const { sqlite } = await open();
    expect(sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all()).toEqual([
      { name: '0001_initial' },
      { name: '0002_sync' },
      { name: '0003_notices' },
      { name: '0004_registration' },
      { name: '0005_registration_numbers' },
      { name: '0006_search_keys' },
      { name: '0007_till' },
      { name: '0008_requests' },
      { name: '0009_statement_refs' },
      { name: '0012_attestations' },
      { name: '0013_installation_id' },
      { name: '0014_split_payments' },
      { name: '0015_family' },
    ]);
  });

  it('a void can be recorded only once per entry (ledger.voids_id UNIQUE)', async () => {
    const { sqlite } = await open();
    seedAccount(sqlite);
    insertLedger(sqlite, 'l1', 'topup_cash', 2000, null);
    insertLedger(sqlite, 'v1', 'void', -2000, 'l1');
    expect(() => insertLedger(sqlite, 'v2', 'void', -2000, 'l1')).toThrow(/UNIQUE constraint failed: ledger.voids_id/);
    // And a void must point at an existing entry.
    expect(() => insertLedger(sqlite, 'v3', 'void', -2000, 'missing')).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('a receipt number is unique per counter and year', async () => {
    const { sqlite } = await open();
    seedAccount(sqlite);
    insertLedger(sqlite, 'l1', 'topup_cash', 2000, null);
    insertLedger(sqlite, 'l2', 'topup_cash', 3000, null);
    const insertReceipt = sqlite.prepare(
      `INSERT INTO receipts (receipt_no, counter_code, year, number, kind, operation_id, created_at, business_date, text)
       VALUES (?, ?, ?, ?, 'ricarica', ?, '2026-11-28T10:00:00.000Z', '2026-11-28', 'testo')`,
    );
    insertReceipt.run('SPORT-1/2026/1', 'SPORT-1', 2026, 1, 'l1');
    expect(() => insertReceipt.run('SPORT-1/2026/1bis', 'SPORT-1', 2026, 1, 'l2')).toThrow(
      /UNIQUE constraint failed: receipts.counter_code, receipts.year, receipts.number/,
    );
    // The same number on another counter or in another year is fine.
    insertReceipt.run('FARM-1/2026/1', 'FARM-1', 2026, 1, 'l2');
    expect(sqlite.prepare('SELECT COUNT(*) AS n FROM receipts').get()).toEqual({ n: 2 });
  });
});

describe('hot queries use their indexes', () => {
  it('account by Pa-Pay code: the unique index on papay_code', async () => {
    const { sqlite } = await open();
    const detail = plan(sqlite, 'SELECT id, child_id, service FROM accounts WHERE papay_code = ?', '1234567897');
    expect(detail).toMatch(/SEARCH accounts USING INDEX sqlite_autoindex_accounts_\d+ \(papay_code=\?\)/);
    // Make sure that autoindex really is the papay_code one.
    const indexName = /INDEX (sqlite_autoindex_accounts_\d+)/.exec(detail)?.[1] ?? '';
    const columns = sqlite.prepare(`SELECT name FROM pragma_index_info(?)`).all(indexName);
    expect(columns).toEqual([{ name: 'papay_code' }]);
  });

  it('child by canonical codice fiscale: children_cf', async () => {
    const { sqlite } = await open();
    const detail = plan(sqlite, 'SELECT id FROM children WHERE fiscal_code_canonical = ?', 'RSSMRA72L09H501S');
    expect(detail).toMatch(/SEARCH children USING INDEX children_cf \(fiscal_code_canonical=\?\)/);
  });

  it('family by codice fiscale: families_cf', async () => {
    const { sqlite } = await open();
    const detail = plan(sqlite, 'SELECT id FROM families WHERE fiscal_code = ?', 'RSSMRA72L09H501S');
    expect(detail).toMatch(/SEARCH families USING INDEX families_cf \(fiscal_code=\?\)/);
  });

  it('pending sum of an account: ledger_pending or ledger_account, never a scan', async () => {
    const { sqlite } = await open();
    const detail = plan(
      sqlite,
      'SELECT SUM(amount_cents) FROM ledger WHERE account_id = ? AND included_in_server_balance = 0',
      'a1',
    );
    expect(detail).toMatch(/SEARCH ledger USING INDEX (ledger_pending|ledger_account) \(account_id=\?\)/);
    expect(detail).not.toMatch(/SCAN ledger/);
  });

  it('name search: the FTS5 virtual table, and it finds accents and apostrophes', async () => {
    const { sqlite } = await open();
    seedAccount(sqlite);
    const query = `SELECT c.id FROM children_fts JOIN children c ON c.rowid = children_fts.rowid WHERE children_fts MATCH ?`;
    const detail = plan(sqlite, query, 'amico*');
    expect(detail).toMatch(/SCAN children_fts VIRTUAL TABLE INDEX \d+:M/);
    expect(detail).toMatch(/SEARCH c USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(sqlite.prepare(query).all('amico*')).toEqual([{ id: 'c1' }]);
    expect(sqlite.prepare(query).all('dell* AND zoe')).toEqual([{ id: 'c1' }]);
  });
});
