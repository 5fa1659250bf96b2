import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/db/open';
import { tmp } from './notice-fixture';

/** Migration 0003: the database itself refuses a block out of shape and a base used twice. */

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const insertBlock = (d: Db, id: string, first: number | null, last: number | null, next: number | null) =>
  d.sqlite
    .prepare(
      `INSERT INTO notice_blocks (request_id, requested_at, segregation_code, first_base, last_base, next_base)
       VALUES (?, '2026-11-30T08:00:00.000Z', '01', ?, ?, ?)`,
    )
    .run(id, first, last, next);

describe('migration 0003 (notices)', () => {
  it('a block is either only requested or whole, and its next base stays within it (or just past the end)', async () => {
    db = await openDatabase(tmp());
    insertBlock(db, 'requested', null, null, null);
    insertBlock(db, 'received', 1, 10, 1);
    insertBlock(db, 'used-up', 11, 20, 21);
    expect(() => insertBlock(db!, 'half', 1, null, 1)).toThrow(/CHECK constraint failed/);
    expect(() => insertBlock(db!, 'past', 30, 40, 42)).toThrow(/CHECK constraint failed/);
    expect(() => insertBlock(db!, 'before', 30, 40, 29)).toThrow(/CHECK constraint failed/);
    expect(() => insertBlock(db!, 'requested', null, null, null)).toThrow(/UNIQUE constraint failed/);
  });

  it('a base and a codice avviso belong to one payment; a notice has a known state and a positive amount', async () => {
    db = await openDatabase(tmp());
    const s = db.sqlite;
    s.exec(`INSERT INTO families (id, surname, name, fiscal_code, address) VALUES ('f', 'Rossi', 'Mario', 'RSSMRA72L09H501S', 'Via Roma 1');
            INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school)
              VALUES ('c', 'f', 'Rossi', 'Anna', 'X', 'X', '2018-01-01', 'Scuola');
            INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq)
              VALUES ('a', 'c', 'refezione', '1234567897', 0, 0);`);
    const notice = (id: string, state: string, amount: number) =>
      s
        .prepare(
          `INSERT INTO notices (id, account_id, counter_code, created_at, subject, amount_cents, state, state_at, origin)
           VALUES (?, 'a', 'SE1', '2026-11-30T09:00:00.000Z', 'Refezione', ?, ?, '2026-11-30T09:00:00.000Z', 'local')`,
        )
        .run(id, amount, state);
    notice('n1', 'emesso', 1000);
    expect(() => notice('n2', 'bozza', 1000)).toThrow(/CHECK constraint failed/);
    expect(() => notice('n3', 'emesso', 0)).toThrow(/CHECK constraint failed/);
    const payment = (nav: string, base: number | null) =>
      s
        .prepare(
          `INSERT INTO notice_payments (nav, notice_id, iuv, base, amount_cents) VALUES (?, 'n1', substr(?, 2), ?, 1000)`,
        )
        .run(nav, nav, base);
    payment('301000000001234519', 12345);
    expect(() => payment('301000000001234519', 12346)).toThrow(/UNIQUE constraint failed/);
    expect(() => payment('301000000001234600', 12345)).toThrow(/UNIQUE constraint failed: notice_payments.base/);
    // Notices issued elsewhere have no base of ours: several may have none.
    payment('301000000009999900', null);
    payment('301000000009999800', null);
  });
});
