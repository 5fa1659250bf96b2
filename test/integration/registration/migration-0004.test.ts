import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, openDatabase, type Db } from '../../../src-main/db/open';
import { demoDataDir } from '../../support/core-fixture';

let db: Db | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

function plan(sqlite: BetterSqlite3.Database, query: string, ...params: unknown[]): string {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('migration 0004 (registrations)', () => {
  it('keeps every existing account real (papay_provisional 0) and adds the registration tables', async () => {
    const dir = demoDataDir();
    db = await openDatabase(dir);
    const s = db.sqlite;
    expect(s.prepare('SELECT COUNT(*) FROM accounts WHERE papay_provisional != 0').pluck().get()).toBe(0);
    expect(s.prepare('SELECT COUNT(*) FROM accounts').pluck().get()).toBeGreaterThan(0);
    for (const table of ['registrations', 'enrolments', 'child_links', 'papay_provisional_sequences']) {
      expect(s.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()).toBe(0);
    }
  });

  it('allows one enrolment per child, service and school year', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    db = await openDatabase(dir);
    const s = db.sqlite;
    s.exec(`
      INSERT INTO families (id, surname, name, fiscal_code, address) VALUES ('f1', 'Rossi', 'Anna', 'X', 'via Roma 1');
      INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school)
        VALUES ('c1', 'f1', 'Rossi', 'Luca', 'Y', 'Y', '2018-01-01', 'Primaria');
      INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq, papay_provisional)
        VALUES ('a1', 'c1', 'refezione', 'P-SE1-000001', 0, 0, 1);
      INSERT INTO registrations (id, created_at, counter_code, operator_code, family_id, consent_at, consent_text,
                                 consent_text_sha256, operation_id)
        VALUES ('r1', 't', 'SE1', 'op', 'f1', 't', 'testo', 'h', 'o1');`);
    const enrol = s.prepare(
      `INSERT INTO enrolments (id, registration_id, child_id, service, school_year, account_id, band_code, band_label,
         tariff_cents, sibling_reduction_percent, final_tariff_cents, tariff_unit, late, details, state_at)
       VALUES (?, 'r1', 'c1', 'refezione', ?, 'a1', 'E', 'Fascia E', 520, 0, 520, 'a pasto', 1, '{}', 't')`,
    );
    enrol.run('e1', '2026/2027');
    expect(() => enrol.run('e2', '2026/2027')).toThrow(/UNIQUE constraint failed/);
    enrol.run('e3', '2027/2028');
    expect(s.prepare(`SELECT state FROM enrolments WHERE id = 'e1'`).pluck().get()).toBe('in_attesa');
    expect(() => s.prepare(`UPDATE enrolments SET state = 'boh' WHERE id = 'e1'`).run()).toThrow(/CHECK constraint/);
    // The save's duplicate check uses the unique index.
    expect(
      plan(s, 'SELECT 1 FROM enrolments WHERE child_id = ? AND service = ? AND school_year = ?', 'c1', 'x', 'y'),
    ).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_enrolments_\d \(child_id=\? AND service=\? AND school_year=\?\)/,
    );
    expect(plan(s, 'SELECT id FROM registrations WHERE operation_id = ?', 'o1')).toMatch(
      /INDEX sqlite_autoindex_registrations/,
    );
    expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(true);
  });
});
