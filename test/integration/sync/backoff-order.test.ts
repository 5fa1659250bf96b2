import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeCentral } from './fake-central';
import { demoAccounts, maxServerSeq, openSyncCore, outboxRows, type SyncTestCore } from './sync-fixture';
import { demoDataDir } from '../../support/core-fixture';
import { openDatabase } from '../../../src-main/db/open';
import { CentralClient } from '../../../src-main/sync/http';
import { pushOutbox } from '../../../src-main/sync/push';
import { openCounterFile } from '../../support/counter-file';

let central: FakeCentral;
let t: SyncTestCore | undefined;
afterEach(async () => {
  await t?.close();
  await central?.stop();
});

/** Two top-ups that met a transport failure (now in backoff), then a void of the first one. */
async function queueBehindBackoff() {
  const dataDir = demoDataDir();
  const raw = openCounterFile(dataDir);
  central = await new FakeCentral(maxServerSeq(raw)).start();
  raw.close();
  t = await openSyncCore({ centralUrl: central.url, dataDir });
  await t.must('sync.enrol', { code: 'CODICE-UNO' });
  await t.must('session.login', { operator: 'sportello1', pin: '2468' });
  await t.must('sync.now', {});
  const [a, b] = demoAccounts(t.sql, 2);
  const first = await t.topup(a!.id, 1200);
  await t.topup(b!.id, 1300);
  central.pushFaults.push('http500');
  await t.must('sync.now', {});
  const voided = await t.must('topups.void', {
    requestId: randomUUID(),
    operationId: first.operationId,
    supervisor: 'supervisore',
    supervisorPin: 'carrara-1357',
    reason: 'importo errato',
  });
  const now = t.clock.now();
  const token = central.token;
  await t.close();
  t = undefined;
  return { dataDir, now, token, voidId: voided.operationId, firstId: first.operationId };
}

describe('the queue and its backoff', () => {
  it('the automatic sync waits behind the first operation: nothing, not even a newer void, overtakes it', async () => {
    const q = await queueBehindBackoff();
    const db = await openDatabase(q.dataDir);
    const client = new CentralClient({ baseUrl: central.url, token: q.token, nowMs: () => q.now.getTime() });
    const pushesBefore = central.pushes.length;
    const out = await pushOutbox(db, client, () => q.now);
    expect(out.sent).toBe(0);
    expect(central.pushes.length).toBe(pushesBefore);
    const states = outboxRows(db.sqlite).map((r) => r.state);
    expect(states).toEqual(['pending', 'pending', 'pending']);
    await db.close();
  });

  it("the operator's sync now ignores the backoff and sends the whole queue in order", async () => {
    const q = await queueBehindBackoff();
    const db = await openDatabase(q.dataDir);
    const client = new CentralClient({ baseUrl: central.url, token: q.token, nowMs: () => q.now.getTime() });
    const out = await pushOutbox(db, client, () => q.now, Math.random, { ignoreBackoff: true });
    expect(out).toMatchObject({ sent: 3, confirmed: 3, rejected: 0 });
    const sent = central.pushes.at(-1)!.map((o) => o.id);
    expect(sent.indexOf(q.firstId)).toBeLessThan(sent.indexOf(q.voidId));
    await db.close();
  });

  it('sync.now on the core ignores the backoff too', async () => {
    const q = await queueBehindBackoff();
    t = await openSyncCore({ centralUrl: central.url, dataDir: q.dataDir });
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    const status = await t.must('sync.now', {});
    expect(status.pendingCount).toBe(0);
    expect(central.ledger.has(q.voidId)).toBe(true);
  });
});
