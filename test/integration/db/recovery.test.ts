import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_OPERATORS } from '../../../seeds/operators';
import { backupNow } from '../../../src-main/db/backup';
import { DB_FILE, openDatabase } from '../../../src-main/db/open';
import type { LocalCore } from '../../../src-main/core/types';
import { openStation } from '../../../src-main/setup/station';
import { callersOf, ManualClock, openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { damageCounterFile, openCounterFile } from '../../support/counter-file';
import { recordHeld } from '../../support/security-table';

let t: TestCore | undefined;
let station: LocalCore | undefined;
afterEach(async () => {
  await t?.close();
  await station?.close();
  t = undefined;
  station = undefined;
});

const SUPERVISOR = DEMO_OPERATORS.find((o) => o.code === 'supervisore')!;

describe('a damaged database opens the recovery screen', () => {
  it('offers the good copies with what each loses, restores one on a supervisor PIN and opens the counter', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const acc = pick(t.sql).account();
    const first = await t.must('topups.record', { accountId: acc.id, amountCents: 2_000, method: 'cash' });
    const dataDir = t.dataDir;
    await t.close();
    t = undefined;
    // A copy holding the first top-up, in an hour of its own; the second top-up comes after it.
    const db = await openDatabase(dataDir);
    const copy = await backupNow(db, dataDir, new Date('2026-11-30T15:00:00Z'));
    await db.close();
    t = await openTestCore({ dataDir });
    await t.login('sportello1', '2468');
    const second = await t.must('topups.record', { accountId: acc.id, amountCents: 3_000, method: 'cash' });
    await t.close();
    t = undefined;
    damageCounterFile(dataDir);

    await expect(openDatabase(dataDir)).rejects.toThrow(/danneggiato/);
    station = await openStation({ dataDir, counterCode: 'SE1', clock: new ManualClock(), syncIntervalMs: 3_600_000 });
    const { call, must } = callersOf(station);
    const refused = await call('topups.record', { accountId: acc.id, amountCents: 100, method: 'cash' } as never);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    const state = await must('recovery.state', {});
    expect(state.damaged?.problem).toMatch(/danneggiato/);
    const offered = state.damaged!.copies.find((c) => c.name === path.basename(copy!));
    expect(offered).toMatchObject({ lastReceiptNo: first.receiptNo });
    expect(state.damaged!.copies.every((c) => c.lastReceiptNo !== second.receiptNo)).toBe(true);

    const before = fs.readFileSync(path.join(dataDir, DB_FILE));
    for (const [supervisor, pin] of [
      ['supervisore', 'sbagliato'],
      ['sportello1', '2468'],
    ] as const) {
      const no = await call('recovery.restore', { copy: offered!.name, supervisor, pin });
      expect(no).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(fs.readFileSync(path.join(dataDir, DB_FILE)).equals(before)).toBe(true);
    }
    const unknown = await call('recovery.restore', {
      copy: '../sportello.sqlite',
      supervisor: 'supervisore',
      pin: SUPERVISOR.pin,
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const done = await must('recovery.restore', {
      copy: offered!.name,
      supervisor: 'supervisore',
      pin: SUPERVISOR.pin,
    });
    expect(done.restoredFrom).toBe(offered!.name);
    // The damaged file is kept for the help desk, never deleted.
    expect(fs.readFileSync(path.join(dataDir, done.setAside)).equals(before)).toBe(true);
    // The same object is now the counter: the restored copy, with the first top-up and not the second.
    expect(await must('recovery.state', {})).toEqual({ damaged: null });
    const sql = openCounterFile(dataDir, { readonly: true });
    const receipts = sql.prepare('SELECT receipt_no FROM receipts').pluck().all();
    expect(receipts).toContain(first.receiptNo);
    expect(receipts).not.toContain(second.receiptNo);
    const audit = sql.prepare("SELECT operator_code, detail FROM audit WHERE action = 'database.restored'").all();
    sql.close();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operator_code: 'supervisore' });
    recordHeld({
      attack:
        'a damaged database page at start; restore with a wrong PIN, an operator’s PIN, a path outside the backups',
      tried: 4,
      held: 'recovery screen; the three refused, nothing moved; a supervisor restores the copy, the damaged file is kept',
    });
  });
});
