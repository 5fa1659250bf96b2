import { afterEach, describe, expect, it } from 'vitest';
import { FEED_PAGE_LIMIT } from '../../../src-main/sync/pull';
import { DEFAULT_COUNTER_CONFIG } from '../../../shared/config';
import type { FeedItem } from '../../../shared/central';
import { demoDataDir } from '../../support/core-fixture';
import { FakeCentral } from './fake-central';
import { demoAccounts, maxServerSeq, openSyncCore, type DemoAccount, type SyncTestCore } from './sync-fixture';
import { openCounterFile } from '../../support/counter-file';

let central: FakeCentral;
let t: SyncTestCore;

afterEach(async () => {
  await t?.close();
  await central?.stop();
});

async function enrolledFrontOffice(): Promise<DemoAccount[]> {
  const dataDir = demoDataDir();
  const raw = openCounterFile(dataDir);
  const start = maxServerSeq(raw);
  raw.close();
  central = await new FakeCentral(start).start();
  t = await openSyncCore({ centralUrl: central.url, dataDir });
  await t.must('sync.enrol', { code: 'CODICE-UNO' });
  await t.must('session.login', { operator: 'sportello1', pin: '2468' });
  // The enrolment starts a sync in the background: let it finish before the test's own steps.
  await t.must('sync.now', {});
  return demoAccounts(t.sql, 3);
}

const accountOf = async (id: string) => (await t.must('accounts.get', { accountId: id })).account;
const sendStateOf = async (accountId: string, operationId: string) =>
  (await t.must('accounts.get', { accountId })).operations.find((o) => o.operationId === operationId)?.sendState;
const cursor = () => (t.sql.prepare('SELECT cursor FROM sync_state').get() as { cursor: string }).cursor;

describe('pull and the balance rule', () => {
  it('an ack alone keeps the operation in the pending part; a pull that includes it moves it to the server balance', async () => {
    const [acc] = await enrolledFrontOffice();
    const a = acc!;
    const opening = a.serverBalanceCents;
    const op = await t.topup(a.id, 2000);
    expect(await sendStateOf(a.id, op.operationId)).toBe('to_send');
    await t.must('sync.now', {});
    // Confirmed, but no balance has said so yet.
    expect(await accountOf(a.id)).toMatchObject({ balanceCents: opening + 2000, pendingCents: 2000 });
    expect(await sendStateOf(a.id, op.operationId)).toBe('not_counted');

    // A meal charged centrally, then the account's balance that counts both.
    central.seq += 1;
    const mealSeq = central.seq;
    central.publish(
      {
        type: 'entry',
        id: 'meal-1',
        seq: mealSeq,
        accountId: a.id,
        kind: 'meal',
        amountCents: -550,
        createdAt: '2026-11-30T11:30:00.000Z',
        counterCode: null,
        voidsId: null,
      },
      central.entryItem(op.operationId),
      { ...central.accountItem(a, opening), balanceCents: opening + 2000 - 550 },
    );
    await t.must('sync.now', {});
    expect(await accountOf(a.id)).toMatchObject({ balanceCents: opening + 2000 - 550, pendingCents: 0 });
    expect(await sendStateOf(a.id, op.operationId)).toBeNull();
    expect(await sendStateOf(a.id, 'meal-1')).toBeNull();
    // Our own operation came back as an entry: still one row, still ours.
    expect(
      t.sql.prepare('SELECT origin, included_in_server_balance AS inc FROM ledger WHERE id = ?').get(op.operationId),
    ).toEqual({
      origin: 'local',
      inc: 1,
    });
    expect(t.sql.prepare(`SELECT origin, server_seq FROM ledger WHERE id = 'meal-1'`).get()).toEqual({
      origin: 'central',
      server_seq: mealSeq,
    });
  });

  it('a balance that predates the operation leaves it pending', async () => {
    const [a] = await enrolledFrontOffice();
    const before = central.accountItem(a!, a!.serverBalanceCents); // balanceSeq before the push
    const op = await t.topup(a!.id, 1000);
    await t.must('sync.now', {});
    central.publish(before);
    await t.must('sync.now', {});
    expect(await accountOf(a!.id)).toMatchObject({ balanceCents: a!.serverBalanceCents + 1000, pendingCents: 1000 });
    expect(central.ledger.has(op.operationId)).toBe(true);
  });

  it('the ack was lost but the pull includes the operation: the echo settles it, nothing counts twice', async () => {
    const [a] = await enrolledFrontOffice();
    const op = await t.topup(a!.id, 3000);
    const seq = central.seq + 1; // the seq the central will give it
    const createdAt = t.sql.prepare('SELECT created_at FROM ledger WHERE id = ?').pluck().get(op.operationId) as string;
    central.publish(
      {
        type: 'entry',
        id: op.operationId,
        seq,
        accountId: a!.id,
        kind: 'topup_cash',
        amountCents: 3000,
        createdAt,
        counterCode: 'SE1',
        voidsId: null,
      },
      {
        ...central.accountItem(a!, a!.serverBalanceCents),
        balanceSeq: seq,
        balanceCents: a!.serverBalanceCents + 3000,
      },
    );
    central.pushFaults.push('acceptThenReset', 'http500');
    // Stored centrally, reply lost; the pull of the same attempt brings the balance that counts it.
    let status = await t.must('sync.now', {});
    expect(central.ledger.get(op.operationId)?.seq).toBe(seq);
    expect(status).toMatchObject({ pendingCount: 1, online: false });
    expect(await accountOf(a!.id)).toMatchObject({ balanceCents: a!.serverBalanceCents + 3000, pendingCents: 0 });
    t.clock.advance(60_000);
    status = await t.must('sync.now', {});
    expect(status.pendingCount).toBe(1);
    t.clock.advance(60_000);
    status = await t.must('sync.now', {});
    // The resend is the same operation: the central answers with its original seq.
    expect(status).toMatchObject({ pendingCount: 0, online: true, lastError: null });
    expect(t.sql.prepare('SELECT state, server_seq FROM outbox WHERE operation_id = ?').get(op.operationId)).toEqual({
      state: 'confirmed',
      server_seq: seq,
    });
    expect(central.pushes.map((p) => p.map((o) => o.id))).toEqual([[op.operationId], [op.operationId]]);
    expect(central.ledger.size).toBe(1);
    expect(await accountOf(a!.id)).toMatchObject({ balanceCents: a!.serverBalanceCents + 3000, pendingCents: 0 });
    expect(t.sql.prepare('SELECT COUNT(*) AS n FROM ledger WHERE id = ?').get(op.operationId)).toEqual({ n: 1 });
  });

  it('a page is applied with its cursor in one transaction: a failure mid-page changes nothing', async () => {
    const accounts = await enrolledFrontOffice();
    const [a, b] = accounts;
    central.publish({
      type: 'operator',
      code: 'sportello1',
      name: 'Nome Aggiornato',
      role: 'sportello',
      counterCode: 'SE1',
      pinHash: t.sql.prepare(`SELECT pin_hash FROM operators WHERE code = 'sportello1'`).pluck().get() as string,
      active: true,
    });
    await t.must('sync.now', {});
    const goodCursor = cursor();
    expect(goodCursor).toBe('1');
    // Next page: a valid balance update, then an account whose Pa-Pay code belongs to another account.
    central.publish(
      { ...central.accountItem(a!, 12_345), balanceSeq: central.seq + 5 },
      { ...central.accountItem(b!, 0), id: 'another-account', papayCode: a!.papayCode },
    );
    const status = await t.must('sync.now', {});
    expect(status.lastError).toMatch(/Errore interno della sincronizzazione/);
    expect(cursor()).toBe(goodCursor);
    expect(await accountOf(a!.id)).toMatchObject({ balanceCents: a!.serverBalanceCents });
    expect(t.sql.prepare(`SELECT COUNT(*) AS n FROM accounts WHERE id = 'another-account'`).get()).toEqual({ n: 0 });
    // The previous page stays applied, lockout state included.
    expect(t.sql.prepare(`SELECT name, failed_attempts FROM operators WHERE code = 'sportello1'`).get()).toEqual({
      name: 'Nome Aggiornato',
      failed_attempts: 0,
    });
  });

  it('the counter configuration from the feed takes effect at once (the printer stays local)', async () => {
    const [a] = await enrolledFrontOffice();
    expect((await t.must('session.current', {}))!.settings.maxTopupCents).toBe(50_000);
    const counter: FeedItem = {
      type: 'counter',
      code: 'SE1',
      name: 'Sportello 1 (nuovo nome)',
      kind: 'sportello',
      address: 'Via Solferino 12A, 54033 Carrara (MS)',
      config: { ...DEFAULT_COUNTER_CONFIG, maxTopupCents: 3_000, printer: { host: '10.0.0.9', port: 9100 } },
    };
    t.sql
      .prepare(
        `UPDATE counters SET config = json_set(config, '$.printer', json('{"host":"192.168.1.50","port":9100}')) WHERE code = 'SE1'`,
      )
      .run();
    central.publish(counter);
    await t.must('sync.now', {});
    const session = (await t.must('session.current', {}))!;
    expect(session.settings.maxTopupCents).toBe(3_000);
    expect(session.counter.name).toBe('Sportello 1 (nuovo nome)');
    const refused = await t.call('topups.record', { accountId: a!.id, amountCents: 4_000, method: 'card' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AMOUNT_OUT_OF_RANGE' } });
    const stored = JSON.parse(
      t.sql.prepare(`SELECT config FROM counters WHERE code = 'SE1'`).pluck().get() as string,
    ) as {
      printer: unknown;
    };
    expect(stored.printer).toEqual({ host: '192.168.1.50', port: 9100 });
  });

  it('first sync over several pages reports its progress and is done at the end', async () => {
    await enrolledFrontOffice();
    t.sql.prepare('UPDATE sync_state SET initial_sync_done = 0, initial_sync_progress = 0, cursor = ?').run('');
    const pinHash = t.sql.prepare(`SELECT pin_hash FROM operators WHERE code = 'sportello1'`).pluck().get() as string;
    // Two full pages and a part of a third, whatever the page size.
    const operators = 2 * FEED_PAGE_LIMIT + 200;
    for (let i = 0; i < operators; i++) {
      central.publish({
        type: 'operator',
        code: `op${i}`,
        name: `Operatore ${i}`,
        role: 'sportello',
        counterCode: 'SE1',
        pinHash,
        active: true,
      });
    }
    t.statuses.length = 0;
    const status = await t.must('sync.now', {});
    expect(status.initialSync).toEqual({ done: true, progress: 1 });
    const progress = t.statuses.map((s) => s.initialSync.progress);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(progress.some((p) => p > 0 && p < 1)).toBe(true);
    expect(central.feedRequests.slice(-3)).toEqual(['', String(FEED_PAGE_LIMIT), String(2 * FEED_PAGE_LIMIT)]);
    expect(t.sql.prepare(`SELECT COUNT(*) AS n FROM operators WHERE code LIKE 'op%'`).get()).toEqual({ n: operators });
  });

  it('a child renamed by the feed is found by the folded key of its new surname', async () => {
    const [acc] = await enrolledFrontOffice();
    const child = t.sql
      .prepare('SELECT id, family_id, fiscal_code, birth_date, school FROM children WHERE id = ?')
      .get(acc!.childId) as { id: string; family_id: string; fiscal_code: string; birth_date: string; school: string };
    central.publish({
      type: 'child',
      id: child.id,
      familyId: child.family_id,
      surname: "Dell'Orto Podestà",
      name: 'Zaccaria',
      fiscalCode: child.fiscal_code,
      birthDate: child.birth_date,
      school: child.school,
    });
    await t.must('sync.now', {});
    expect(t.sql.prepare('SELECT surname_key, name_key FROM children WHERE id = ?').get(child.id)).toEqual({
      surname_key: 'dellortopodesta',
      name_key: 'zaccaria',
    });
    const found = await t.must('accounts.find', { query: 'dellortopodesta zaccaria' });
    expect(found.items.map((i) => i.child.childId)).toContain(child.id);
  });

  it('a cursor the central does not know: the feed is read again from the start', async () => {
    await enrolledFrontOffice();
    t.sql.prepare(`UPDATE sync_state SET cursor = '999'`).run();
    const status = await t.must('sync.now', {});
    expect(status.lastError).toBeNull();
    expect(central.feedRequests.slice(-2)).toEqual(['999', '']);
  });

  it('warns in Italian when the PC clock is more than 2 minutes off', async () => {
    await enrolledFrontOffice();
    central.serverClockOffsetMs = 0;
    // The central reads the counter's test clock, so only its offset counts (never today's date).
    central.nowMs = () => t.clock.now().getTime();
    let status = await t.must('sync.now', {});
    expect(Math.abs(status.serverTimeOffsetMs!)).toBeLessThan(5_000);
    expect(status.clockWarning).toBeNull();
    central.serverClockOffsetMs = 7 * 60_000;
    status = await t.must('sync.now', {});
    expect(status.serverTimeOffsetMs!).toBeGreaterThan(6 * 60_000);
    expect(status.clockWarning).toMatch(/orologio di questo PC è 7 minuti indietro/);
  });
});
