import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec, startCentral, type RunningCentral } from '../../../central';
import type { AdminClosing } from '../../../central/till';
import { openSyncCore, type SyncTestCore } from './sync-fixture';

/** The cash office's sessions, movements and closes reach the central emulator over HTTP, once. */

let central: RunningCentral | undefined;
let t: SyncTestCore | undefined;

afterEach(async () => {
  await t?.close();
  await central?.close();
  t = undefined;
  central = undefined;
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));

async function closings(): Promise<AdminClosing[]> {
  const res = await fetch(`${central!.url}/admin/closings`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { closings: AdminClosing[] }).closings;
}

describe('till sync against the central emulator', () => {
  it('sends open, movements, close and reopen exactly once; the central checks each close against its ledger', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true });
    t = await openSyncCore({ centralUrl: central.url, dataDir: tmp(), counter: 'SE1', syncRequestTimeoutMs: 5_000 });
    await t.must('sync.enrol', { code: central.createEnrolmentCode('SE1') }, 'first-run');
    await t.waitForStatus((s) => s.initialSync.done);
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    const [a, b] = t.sql.prepare(`SELECT id FROM accounts ORDER BY papay_code LIMIT 2`).pluck().all() as string[];

    // Offline the whole day: everything waits in the outbox, and goes later, with faults, once.
    central.faults.set(parseFaultSpec('reset=1'));
    const session = await t.must('till.open', { floatCounts: { '2000': 5 } });
    await t.topup(a!, 2_000);
    const second = await t.topup(b!, 1_500);
    await t.must('topups.void', {
      requestId: randomUUID(),
      operationId: second.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'errore',
    });
    await t.must('till.movement', { kind: 'versamento', amountCents: 5_000, reference: 'QT-1' });
    const closed = await t.must('till.close', {
      sessionId: session.id,
      countedCounts: { '2000': 3, '1000': 1 },
      posTotalCents: 0,
    });
    expect((await t.must('sync.now', {})).pendingCount).toBe(6);
    central.faults.set(parseFaultSpec('dropAfterCommit=0.4,duplicate=0.3,seed=11'));
    for (let i = 0; i < 20 && (await t.must('sync.now', {})).pendingCount > 0; i++) {
      /* retries with the same ids */
    }
    central.faults.set(parseFaultSpec(''));
    expect(await t.must('sync.now', {})).toMatchObject({ pendingCount: 0, deadLetterCount: 0 });

    let list = await closings();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      counterCode: 'SE1',
      sessionId: session.id,
      zNo: closed.zNo,
      operations: 3,
      cashNetCents: 2_000,
      ledgerCashNetCents: 2_000,
      cardNetCents: 0,
      ledgerCardNetCents: 0,
      missingOperations: 0,
      mismatch: null,
    });
    const events = central.sqlite.prepare('SELECT event, COUNT(*) AS n FROM till_events GROUP BY event').all();
    expect(events).toEqual(
      expect.arrayContaining([
        { event: 'open', n: 1 },
        { event: 'movement', n: 1 },
        { event: 'close', n: 1 },
      ]),
    );

    // A reopening and a rettifica; a close whose totals were altered on the way is flagged.
    central.faults.set(parseFaultSpec('reset=1'));
    await t.must('till.reopen', {
      sessionId: session.id,
      reason: 'ricarica dimenticata',
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
    });
    await t.topup(a!, 1_000);
    const again = await t.must('till.close', {
      sessionId: session.id,
      countedCounts: { '2000': 3, '1000': 2 },
      posTotalCents: 0,
    });
    t.sql
      .prepare(
        `UPDATE outbox SET payload = json_set(payload, '$.close.cashNetCents', 9999)
          WHERE type = 'till' AND payload ->> '$.close.zNo' = ?`,
      )
      .run(again.zNo);
    central.faults.set(parseFaultSpec(''));
    expect(await t.must('sync.now', {})).toMatchObject({ pendingCount: 0, deadLetterCount: 0 });
    list = await closings();
    expect(list).toHaveLength(2);
    expect(list[1]).toMatchObject({ zNo: again.zNo, rectifies: closed.zNo, operations: 4, ledgerCashNetCents: 3_000 });
    expect(list[1]!.mismatch).toBe('Totali non corrispondenti: contanti: chiusura € 99,99, registro centrale € 30,00.');
    expect(central.sqlite.prepare(`SELECT COUNT(*) FROM till_events WHERE event = 'reopen'`).pluck().get()).toBe(1);
  });
});
