import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec, startCentral, type RunningCentral } from '../../../central';
import { DEMO_OPERATORS } from '../../../seeds/operators';
import { backupNow } from '../../../src-main/db/backup';
import { openDatabase } from '../../../src-main/db/open';
import type { LocalCore } from '../../../src-main/core/types';
import { openStation } from '../../../src-main/setup/station';
import { callersOf, ManualClock } from '../../support/core-fixture';
import { damageCounterFile, openCounterFile } from '../../support/counter-file';
import { recordHeld } from '../../support/security-table';
import { HOUR, openSyncCore, type SyncTestCore } from './sync-fixture';

let central: RunningCentral | undefined;
let t: SyncTestCore | undefined;
let station: LocalCore | undefined;
afterEach(async () => {
  await t?.close();
  await station?.close();
  await central?.close();
  t = station = central = undefined;
});

const COUNTER = 'FAR-CAVATORE';
const SUPERVISOR = DEMO_OPERATORS.find((o) => o.role === 'supervisore' && o.counterCode === COUNTER)!;
const CLERK = DEMO_OPERATORS.find((o) => o.role === 'farmacia' && o.counterCode === COUNTER)!;

describe('a counter restored from a copy', () => {
  it('issues no receipt number before the sync re-read the central numbering, then goes on after it', async () => {
    central = await startCentral({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-')),
      demo: true,
      tillOptional: true,
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    t = await openSyncCore({ centralUrl: central.url, dataDir, counter: COUNTER, syncRequestTimeoutMs: 5_000 });
    await t.must('sync.enrol', { code: central.createEnrolmentCode(COUNTER) });
    await t.waitForStatus((s) => s.initialSync.done);
    await t.close();
    t = undefined;
    // The copy, taken before the day's work.
    const db = await openDatabase(dataDir);
    const copy = await backupNow(db, dataDir, new Date('2026-11-30T07:00:00Z'));
    await db.close();

    t = await openSyncCore({ centralUrl: central.url, dataDir, counter: COUNTER, syncRequestTimeoutMs: 5_000 });
    await t.must('session.login', { operator: CLERK.code, pin: CLERK.pin });
    const accountId = t.sql.prepare('SELECT id FROM accounts ORDER BY papay_code LIMIT 1').pluck().get() as string;
    const issued: string[] = [];
    for (const cents of [1000, 2000, 3000]) issued.push((await t.topup(accountId, cents)).receiptNo);
    expect(await t.must('sync.now', {})).toMatchObject({ pendingCount: 0 });
    await t.close();
    t = undefined;

    // The disk damages the file; the supervisor restores the copy on the recovery screen. The central is down.
    damageCounterFile(dataDir);
    central.faults.set(parseFaultSpec('error503=1'));
    station = await openStation({
      dataDir,
      counterCode: COUNTER,
      clock: new ManualClock(),
      syncIntervalMs: HOUR,
      syncDebounceMs: HOUR,
      syncRequestTimeoutMs: 5_000,
    });
    const { call, must } = callersOf(station);
    await must('recovery.restore', { copy: path.basename(copy!), supervisor: SUPERVISOR.code, pin: SUPERVISOR.pin });
    await must('session.login', { operator: CLERK.code, pin: CLERK.pin });
    const topup = () => call('topups.record', { requestId: randomUUID(), accountId, amountCents: 500, method: 'cash' });
    const held = await topup();
    expect(held).toMatchObject({ ok: false, error: { code: 'NUMBERING_UNVERIFIED' } });
    expect(held.ok ? '' : held.error.message).toMatch(
      /ripristinato da una copia di sicurezza.*Nessuna operazione è stata registrata/,
    );
    const sql = openCounterFile(dataDir, { readonly: true });
    expect(sql.prepare('SELECT COUNT(*) FROM receipts').pluck().get()).toBe(0);
    sql.close();

    // The central is back: the sync re-reads the numbering, the next receipt follows the central's last one.
    central.faults.set(parseFaultSpec(''));
    await must('sync.now', {});
    const next = await topup();
    expect(next).toMatchObject({ ok: true, value: { receiptNo: `${COUNTER}/2026/000004` } });
    expect(issued).not.toContain(next.ok ? next.value.receiptNo : '');
    recordHeld({
      attack: 'a counter restored from a copy numbering receipts the central already holds',
      tried: 1,
      held: 'no receipt number until the sync re-read the central numbering; then it goes on after the central last one',
    });
  });
});
