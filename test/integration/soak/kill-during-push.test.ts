import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../../central';
import { PUSH_BATCH } from '../../../src-main/sync/push';
import { demoDataDir } from '../../support/core-fixture';
import { tempDir } from '../central/central-client';
import { CentralAdmin } from '../../soak/central-admin';
import { CounterProcess } from '../../soak/counter-process';
import {
  checkCentralBalances,
  checkCounterBalances,
  checkExactlyOnce,
  checkReceipts,
  readCounter,
  type TrackedAccount,
} from '../../soak/invariants';
import { openCounterFile } from '../../support/counter-file';

/**
 * A counter PC loses power in the middle of sending its queue: the process (real `sportello serve`,
 * its own process) is SIGKILLed while the central holds part of the queue. After the restart and a
 * sync, every operation is at the central exactly once, the queue is empty and the balances agree.
 */

const PENDING = 2 * PUSH_BATCH + 50;
const OPERATOR = { code: 'sportello1', pin: '2468' };

let central: RunningCentral | undefined;
let counter: CounterProcess | undefined;

afterEach(async () => {
  await counter?.stop();
  await central?.close();
  counter = undefined;
  central = undefined;
});

/** A seeded SE1 PC (same ids as the emulator's demo) that recorded PENDING top-ups before its activation. */
async function counterWithQueue(): Promise<{
  counter: CounterProcess;
  admin: CentralAdmin;
  accounts: TrackedAccount[];
}> {
  central = await startCentral({ dataDir: tempDir(), demo: true, tillOptional: true });
  const admin = new CentralAdmin(central.url);
  const dataDir = demoDataDir();
  const sql = openCounterFile(dataDir, { readonly: true });
  const picked = sql.prepare('SELECT id, papay_code FROM accounts ORDER BY papay_code LIMIT 5').all() as {
    id: string;
    papay_code: string;
  }[];
  sql.close();
  const accounts: TrackedAccount[] = [];
  for (const a of picked) {
    accounts.push({ id: a.id, papayCode: a.papay_code, balanceBeforeCents: (await admin.account(a.id)).balanceCents });
  }
  counter = new CounterProcess({ counterCode: 'SE1', dataDir, centralUrl: central.url, operator: OPERATOR });
  const client = await counter.startAndLogin();
  for (let i = 0; i < PENDING; i++) {
    await client.must('topups.record', {
      requestId: randomUUID(),
      accountId: accounts[i % accounts.length]!.id,
      amountCents: 500 + (i % 40) * 25,
      method: 'cash',
      confirmDuplicate: true,
    });
  }
  expect((await client.must('sync.status', {})).pendingCount).toBe(PENDING);
  return { counter, admin, accounts };
}

/** Looks at the central until the predicate holds on its count of counter operations. */
async function whenCentralHolds(admin: CentralAdmin, predicate: (operations: number) => boolean): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const n = (await admin.state()).counts.operations;
    if (predicate(n)) return n;
    if (Date.now() > deadline) throw new Error(`il centro non ha raggiunto lo stato atteso (operazioni: ${n})`);
    // The emulator announces nothing: look again shortly.
    await delay(20);
  }
}

/** After the restart: sync until the queue is empty, then once more so the pulled balances count everything. */
async function restartAndSync(c: CounterProcess): Promise<void> {
  const client = await c.startAndLogin();
  for (let i = 0; i < 20; i++) {
    const status = await client.must('sync.now', {});
    expect(status.deadLetterCount).toBe(0);
    if (status.pendingCount === 0) break;
  }
  expect(await client.must('sync.now', {})).toMatchObject({ pendingCount: 0, deadLetterCount: 0, online: true });
}

async function expectAllOnce(c: CounterProcess, admin: CentralAdmin, accounts: TrackedAccount[]): Promise<void> {
  const local = readCounter(c.code, c.opts.dataDir);
  expect(local.operations).toHaveLength(PENDING);
  expect(local.outbox).toEqual({ pending: 0, rejected: 0, confirmed: PENDING });
  const ops = await admin.operations();
  const ids = ops.map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const op of local.operations) expect(ids.filter((id) => id === op.id)).toHaveLength(1);
  expect(checkExactlyOnce([local], ops, new Set())).toEqual([]);
  expect(checkReceipts(local, ops)).toEqual([]);
  const { problems, balances } = await checkCentralBalances(admin, accounts, [local]);
  expect(problems).toEqual([]);
  expect(await checkCounterBalances(c.code, c.rpc, accounts, balances)).toEqual([]);
}

describe('a counter killed in the middle of a push', () => {
  it('with the next batch in flight: after the restart the rest goes, nothing twice', async () => {
    const { counter: c, admin, accounts } = await counterWithQueue();
    // Slow answers: each batch waits 1.5 s before the central commits it, so the kill lands mid-queue.
    await admin.setFaults({ latency: 1_500 });
    await c.rpc.must('sync.enrol', { code: await admin.enrolmentCode('SE1') });
    const atKill = await whenCentralHolds(admin, (n) => n > 0);
    await c.kill();
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(PENDING);
    await admin.setFaults({});
    await restartAndSync(c);
    await expectAllOnce(c, admin, accounts);
  }, 90_000);

  it('when the central committed but the counter never heard: the resend is the same operations', async () => {
    const { counter: c, admin, accounts } = await counterWithQueue();
    await admin.setFaults({ latency: 1_500 });
    await c.rpc.must('sync.enrol', { code: await admin.enrolmentCode('SE1') });
    // The first batch is on its way (its answer is delayed): from now on every reply is lost after the commit.
    await admin.setFaults({ latency: 1_500, dropAfterCommit: 1 });
    const atKill = await whenCentralHolds(admin, (n) => n > 0);
    await c.kill();
    expect(atKill).toBe(PUSH_BATCH);
    const before = readCounter(c.code, c.opts.dataDir);
    expect(before.outbox.confirmed).toBe(0);
    await admin.setFaults({});
    await restartAndSync(c);
    await expectAllOnce(c, admin, accounts);
  }, 90_000);
});
