import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupNow, copiesToDrop, DamagedCopyError } from '../../../src-main/db/backup';
import { openDatabase, type Db } from '../../../src-main/db/open';
import { demoDataDir, openTestCore } from '../../support/core-fixture';
import { TEST_START as TEST_START_ISO } from '../../support/manual-clock';
import { breakAnIndex, counterKey } from '../../support/counter-file';
import { openKeyed } from '../../../src-main/db/key';
import { recordHeld } from '../../support/security-table';

const TEST_START = new Date(TEST_START_ISO);

let db: Db | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

const HOUR = 3_600_000;
const backups = (dataDir: string) => fs.readdirSync(path.join(dataDir, 'backup')).sort();

describe('checked backups', () => {
  it('takes one consistent copy per Rome hour, checked in full', async () => {
    const dataDir = demoDataDir();
    db = await openDatabase(dataDir);
    const first = await backupNow(db, dataDir, TEST_START); // 10:00 in Rome
    expect(first).toMatch(/sportello-2026-11-30-10\.sqlite$/);
    expect(await backupNow(db, dataDir, new Date(TEST_START.getTime() + 59 * 60_000))).toBeNull();
    expect(await backupNow(db, dataDir, new Date(TEST_START.getTime() + HOUR))).toMatch(/-11\.sqlite$/);
    expect(backups(dataDir)).toEqual(['sportello-2026-11-30-10.sqlite', 'sportello-2026-11-30-11.sqlite']);
    // A till close in the same hour takes the copy again, so it holds the close.
    db.sqlite.prepare("UPDATE families SET phone = '0585 000000' WHERE rowid = 1").run();
    expect(await backupNow(db, dataDir, new Date(TEST_START.getTime() + HOUR + 60_000), { replace: true })).toMatch(
      /-11\.sqlite$/,
    );
    const replaced = openKeyed(path.join(dataDir, 'backup', 'sportello-2026-11-30-11.sqlite'), counterKey(dataDir));
    expect(replaced.prepare('SELECT phone FROM families WHERE rowid = 1').pluck().get()).toBe('0585 000000');
    replaced.close();
    // Encrypted as the database is: no family's name in clear, and unreadable without this PC's key.
    const bytes = fs.readFileSync(first!);
    const surname = db.sqlite.prepare('SELECT fiscal_code FROM families LIMIT 1').pluck().get() as string;
    expect(bytes.includes(surname)).toBe(false);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const keyless = new BetterSqlite3(first!, { readonly: true });
    expect(() => keyless.prepare('SELECT COUNT(*) FROM accounts').get()).toThrow(/not a database/);
    keyless.close();
    const copy = openKeyed(first!, counterKey(dataDir), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = (d: BetterSqlite3.Database) =>
      (d.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
    expect(count(copy)).toBe(count(db.sqlite));
    copy.close();
  });

  it('rotates after each copy: the newest 24 copies and the newest of each of the last 7 days stay', async () => {
    const dataDir = demoDataDir();
    db = await openDatabase(dataDir);
    // Copies left by earlier days: six a day, 20 to 29 November.
    fs.mkdirSync(path.join(dataDir, 'backup'));
    const earlier = Array.from({ length: 10 }, (_, d) => `2026-11-${d + 20}`).flatMap((day) =>
      ['08', '10', '12', '14', '16', '18'].map((h) => `sportello-${day}-${h}.sqlite`),
    );
    for (const f of earlier) fs.writeFileSync(path.join(dataDir, 'backup', f), '');
    await backupNow(db, dataDir, TEST_START);
    // The new copy and the 23 before it (back to 26 November 10:00), and the last copy of each of the
    // two days before (25 and 24 November), so seven days are covered.
    expect(backups(dataDir)).toEqual([
      'sportello-2026-11-24-18.sqlite',
      'sportello-2026-11-25-18.sqlite',
      ...earlier.slice(earlier.indexOf('sportello-2026-11-26-10.sqlite')),
      'sportello-2026-11-30-10.sqlite',
    ]);
  });

  it('lets go of the oldest copies only, daily copies of an older version included', () => {
    // 30 daily copies (the older version's names, no hour): the newest 24 stay.
    const daily = Array.from({ length: 30 }, (_, d) => `sportello-2026-10-${String(d + 1).padStart(2, '0')}.sqlite`);
    expect(copiesToDrop([...daily, 'notes.txt']).sort()).toEqual(daily.slice(0, 6));
    // 48 hourly copies of two days: the newest 24, and the newest of the day before.
    const hourly = ['2026-11-19', '2026-11-20'].flatMap((day) =>
      Array.from({ length: 24 }, (_, h) => `sportello-${day}-${String(h).padStart(2, '0')}.sqlite`),
    );
    expect(copiesToDrop(hourly).sort()).toEqual(hourly.slice(0, 23));
  });

  it('never keeps a copy of a damaged database, and keeps the good copies before it', async () => {
    const dataDir = demoDataDir();
    db = await openDatabase(dataDir);
    await backupNow(db, dataDir, TEST_START);
    await db.close();
    breakAnIndex(dataDir);
    // The start-up check lets this damage through...
    db = await openDatabase(dataDir);
    // ...the backup's full check does not.
    const later = new Date(TEST_START.getTime() + HOUR);
    const refused = await backupNow(db, dataDir, later).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DamagedCopyError);
    expect((refused as Error).message).toMatch(
      /^Il database dello sportello risulta danneggiato \(row \d+ missing from index families_cf/,
    );
    expect(backups(dataDir)).toEqual(['sportello-2026-11-30-10.sqlite']);
    recordHeld({
      attack: 'an index that no longer matches its table (passes the start-up quick_check)',
      tried: 1,
      held: 'the hourly full integrity_check refuses to copy it; the good copies stay',
    });
  });

  it('tells the operator in the status bar when the hourly check finds the database damaged', async () => {
    const dataDir = demoDataDir();
    breakAnIndex(dataDir);
    const t = await openTestCore({ dataDir });
    try {
      await t.login('sportello1', '2468');
      await expect
        .poll(async () => (await t.must('sync.status', {})).databaseWarning, { timeout: 20_000 })
        .toMatch(/risulta danneggiato \(row \d+ missing from index families_cf.*Avvisare l'assistenza/);
      expect(fs.existsSync(path.join(dataDir, 'backup')) ? backups(dataDir) : []).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
