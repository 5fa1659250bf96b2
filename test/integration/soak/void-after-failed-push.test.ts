import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec, startCentral, type RunningCentral } from '../../../central';
import { outboxRows, openSyncCore, type SyncTestCore } from '../sync/sync-fixture';

/**
 * Found by the soak: a top-up whose send failed waits for its backoff; a void of it recorded
 * meanwhile is due at once. Sent alone, before the top-up, the central cannot know what it voids
 * and refuses it, so a correct void ends in "Da risolvere". The outbox must go in order.
 */

let central: RunningCentral | undefined;
let t: SyncTestCore | undefined;

afterEach(async () => {
  await t?.close();
  await central?.close();
  t = undefined;
  central = undefined;
});

describe('a void recorded while its top-up waits for a retry', () => {
  it('reaches the central after the top-up, and both are accepted', async () => {
    central = await startCentral({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-')),
      demo: true,
      tillOptional: true,
    });
    t = await openSyncCore({ centralUrl: central.url });
    await t.must('sync.enrol', { code: central.createEnrolmentCode('SE1') });
    await t.waitForStatus((s) => s.initialSync.done);
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    const account = t.sql.prepare('SELECT id FROM accounts ORDER BY papay_code LIMIT 1').pluck().get() as string;

    central.faults.set(parseFaultSpec('error500=1'));
    const topup = await t.topup(account, 2500);
    expect(await t.must('sync.now', {})).toMatchObject({ online: false, pendingCount: 1 });

    central.faults.set(parseFaultSpec(''));
    const voided = await t.must('topups.void', {
      requestId: randomUUID(),
      operationId: topup.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'Importo sbagliato',
    });
    // The clock has not moved: the top-up's backoff has not expired yet.
    const status = await t.must('sync.now', {});
    expect(status.deadLetterCount, JSON.stringify(outboxRows(t.sql))).toBe(0);

    t.clock.advance(60_000);
    expect(await t.must('sync.now', {})).toMatchObject({ pendingCount: 0, deadLetterCount: 0 });
    const states = outboxRows(t.sql).map((r) => [r.operation_id, r.state]);
    expect(states).toEqual([
      [topup.operationId, 'confirmed'],
      [voided.operationId, 'confirmed'],
    ]);
  });
});
