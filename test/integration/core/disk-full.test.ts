import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as OpenModule from '../../../src-main/db/open';
import { createLogger } from '../../../src-main/log/logger';
import { demoDataDir, openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { recordHeld } from '../../support/security-table';

/**
 * Issue 13 item 4: a full disk. The core's own connection is made full for real (SQLite's
 * max_page_count at its current size, the free space then filled), and its log file's writes fail
 * with ENOSPC (a stand-in for fs.writeSync). The counter answers in Italian, records nothing, stays
 * up, and works again once space returns.
 */

const opened = vi.hoisted(() => [] as BetterSqlite3.Database[]);
vi.mock('../../../src-main/db/open', async (original) => {
  const real = await original<typeof OpenModule>();
  return {
    ...real,
    openDatabase: async (dataDir: string) => {
      const db = await real.openDatabase(dataDir);
      opened.push(db.sqlite);
      return db;
    },
  };
});

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

/** Caps the database at its size and fills every free byte with small rows, as a full disk would. */
function fillUp(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true }) as number}`);
  const row = sqlite.prepare(
    "INSERT INTO audit (at, counter_code, operator_code, action, detail) VALUES ('x', 'SE1', NULL, 'riempimento', '{}')",
  );
  for (const batch of [1000, 100, 10, 1]) {
    for (;;) {
      try {
        sqlite.transaction(() => {
          for (let i = 0; i < batch; i++) row.run();
        })();
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_FULL') break;
        throw e;
      }
    }
  }
}

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('a full disk', () => {
  it('refuses a top-up with the Italian message, writes nothing, keeps running, and resumes when space returns', async () => {
    const dataDir = demoDataDir();
    let diskFull = false;
    const log = createLogger(dataDir, (fd, data) => {
      if (diskFull) throw enospc();
      return fs.writeSync(fd, data);
    });
    opened.length = 0;
    t = await openTestCore({ dataDir, log });
    const sqlite = opened[0]!;
    await t.login('sportello1', '2468');
    const acc = pick(t.sql).account();
    const written = () =>
      Object.fromEntries(
        ['ledger', 'receipts', 'outbox', 'money_requests'].map((table) => [table, pick(t.sql).count(table, '1 = 1')]),
      );
    const before = written();

    diskFull = true;
    fillUp(sqlite);
    const request = { requestId: randomUUID(), accountId: acc.id, amountCents: 2_500, method: 'cash' as const };
    const refused = await t.call('topups.record', request);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'DISK_FULL', message: 'Disco pieno: liberare spazio; nessuna operazione è stata registrata.' },
    });
    expect(written()).toEqual(before);
    expect(t.printer.jobs).toHaveLength(0);
    // Still up: the log dropped its lines instead of throwing, and reads go on.
    log.info('una riga che il disco pieno non lascia scrivere');
    expect((await t.must('accounts.get', { accountId: acc.id })).account.accountId).toBe(acc.id);

    // Space returns: the same request (the operator presses Invio again) is recorded once.
    sqlite.pragma('max_page_count = 1073741823');
    diskFull = false;
    const done = await t.must('topups.record', request);
    expect(done.receiptNo).toMatch(/^SE1\/\d{4}\/\d{6}$/);
    expect(written()).toEqual({
      ledger: before.ledger! + 1,
      receipts: before.receipts! + 1,
      outbox: before.outbox! + 1,
      money_requests: before.money_requests! + 1,
    });
    const logText = fs.readFileSync(path.join(dataDir, 'logs', 'sportello.log'), 'utf8');
    expect(logText).toMatch(/\d+ righe di log perse/);
    expect(logText).not.toContain('una riga che il disco pieno non lascia scrivere');
    recordHeld({
      attack: 'a full disk (SQLITE_FULL, the log failing with ENOSPC)',
      tried: 1,
      held: 'DISK_FULL in Italian, nothing half written, the process up, the same request goes through once space returns',
    });
  });
});
