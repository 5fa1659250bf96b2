import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultSpec, startCentral, type RunningCentral } from '../../../central';
import { DB_FILE } from '../../../src-main/db/open';
import { openSyncCore, type SyncTestCore } from './sync-fixture';
import { recordHeld } from '../../support/security-table';

/** The counter against the real central emulator (its own database, real HTTP, fault injection). */

let central: RunningCentral | undefined;
let t: SyncTestCore | undefined;

afterEach(async () => {
  await t?.close();
  await central?.close();
  t = undefined;
  central = undefined;
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));

/** Puts the database files of `from` in place of those of `to` (a restore: the folder stays). */
function restoreDatabase(from: string, to: string): void {
  for (const f of fs.readdirSync(to)) if (f.startsWith(DB_FILE)) fs.rmSync(path.join(to, f));
  for (const f of fs.readdirSync(from))
    if (f.startsWith(DB_FILE)) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

async function admin<T>(url: string, method: 'GET' | 'POST', body?: unknown): Promise<T> {
  const res = await fetch(`${central!.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('sync against the central emulator', () => {
  it('a new pharmacy PC: first sync with minimised data, offline top-ups reach the central exactly once, meals come back', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true, tillOptional: true });
    t = await openSyncCore({
      centralUrl: central.url,
      dataDir: tmp(),
      counter: 'FAR-CAVATORE',
      syncRequestTimeoutMs: 5_000,
    });
    await t.must('sync.enrol', { code: central.createEnrolmentCode('FAR-CAVATORE') }, 'first-run');
    const first = await t.waitForStatus((s) => s.initialSync.done);
    expect(first).toMatchObject({ enrolled: true, initialSync: { done: true, progress: 1 } });
    const progress = t.statuses.map((s) => s.initialSync.progress);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));
    expect(progress.at(-1)).toBe(1);

    // Nothing personal beyond what a pharmacy may see.
    expect(t.sql.prepare('SELECT COUNT(*) FROM families').pluck().get()).toBe(0);
    const children = t.sql.prepare('SELECT COUNT(*) FROM children').pluck().get() as number;
    expect(children).toBeGreaterThan(0);
    expect(
      t.sql
        .prepare(
          'SELECT COUNT(*) FROM children WHERE family_id IS NOT NULL OR fiscal_code IS NOT NULL OR birth_date IS NOT NULL',
        )
        .pluck()
        .get(),
    ).toBe(0);
    expect(await t.must('counter.info', {})).toMatchObject({ code: 'FAR-CAVATORE', kind: 'farmacia' });
    expect(
      t.sql
        .prepare(`SELECT COUNT(*) FROM operators WHERE counter_code IS NOT NULL AND counter_code != 'FAR-CAVATORE'`)
        .pluck()
        .get(),
    ).toBe(0);

    await t.must('session.login', { operator: 'cavatore', pin: '1234' });
    const acc = t.sql
      .prepare(`SELECT id, papay_code FROM accounts WHERE service = 'refezione' ORDER BY papay_code LIMIT 2`)
      .all() as { id: string; papay_code: string }[];
    const [a, b] = acc;

    // The network goes: every call is reset. Two top-ups stay here, pending, counted in the balance.
    central.faults.set(parseFaultSpec('reset=1'));
    const before = (await t.must('accounts.find', { query: a!.papay_code })).items[0]!;
    const op1 = await t.topup(a!.id, 2000);
    const op2 = await t.topup(b!.id, 1500);
    let status = await t.must('sync.now', {});
    expect(status).toMatchObject({ online: false, pendingCount: 2 });
    expect((await t.must('accounts.find', { query: a!.papay_code })).items[0]).toMatchObject({
      balanceCents: before.balanceCents + 2000,
      pendingCents: 2000,
    });

    // A flaky network: replies lost after commit, requests delivered twice. Retries until done.
    central.faults.set(parseFaultSpec('dropAfterCommit=0.4,duplicate=0.3,seed=7'));
    for (let i = 0; i < 30 && status.pendingCount > 0; i++) {
      t.clock.advance(60_000);
      status = await t.must('sync.now', {});
    }
    central.faults.set(parseFaultSpec(''));
    t.clock.advance(60_000);
    status = await t.must('sync.now', {});
    expect(status).toMatchObject({ online: true, pendingCount: 0, deadLetterCount: 0, lastError: null });

    const { operations } = await admin<{ operations: { id: string; amountCents: number; receiptNo: string | null }[] }>(
      '/admin/operations',
      'GET',
    );
    const ours = operations.filter((o) => o.id === op1.operationId || o.id === op2.operationId);
    expect(ours.map((o) => [o.id, o.amountCents, o.receiptNo]).sort()).toEqual(
      [
        [op1.operationId, 2000, op1.receiptNo],
        [op2.operationId, 1500, op2.receiptNo],
      ].sort(),
    );

    // The pulled balance now includes them: nothing pending, same number as the central's.
    const central1 = await admin<{ balanceCents: number }>(`/admin/accounts/${a!.id}`, 'GET');
    const local1 = (await t.must('accounts.find', { query: a!.papay_code })).items[0]!;
    expect(local1).toMatchObject({ balanceCents: central1.balanceCents, pendingCents: 0 });
    expect(local1.balanceCents).toBe(before.balanceCents + 2000);

    // Meals counted centrally reach the counter.
    const meals = await admin<{ charged: number; priceCents: number }>('/admin/simulate/meals', 'POST', {
      date: '2026-11-30',
    });
    expect(meals.charged).toBeGreaterThan(0);
    await t.must('sync.now', {});
    const central2 = await admin<{ balanceCents: number }>(`/admin/accounts/${a!.id}`, 'GET');
    expect(central2.balanceCents).toBe(central1.balanceCents - meals.priceCents);
    expect((await t.must('accounts.find', { query: a!.papay_code })).items[0]).toMatchObject({
      balanceCents: central2.balanceCents,
      pendingCents: 0,
    });
  });

  it('enrolling another PC for the same counter revokes this one', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true, tillOptional: true });
    t = await openSyncCore({
      centralUrl: central.url,
      dataDir: tmp(),
      counter: 'FAR-LAPERLA',
      syncRequestTimeoutMs: 5_000,
    });
    await t.must('sync.enrol', { code: central.createEnrolmentCode('FAR-LAPERLA') });
    await t.waitForStatus((s) => s.initialSync.done);
    // The replacement PC enrols directly.
    const res = await fetch(`${central.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: central.createEnrolmentCode('FAR-LAPERLA'), deviceName: 'nuovo-pc' }),
    });
    expect(res.status).toBe(200);
    await t.must('session.login', { operator: 'laperla', pin: '1234' });
    const status = await t.must('sync.now', {});
    expect(status.enrolled).toBe(false);
    expect(status.lastError).toMatch(/non è più abilitato/);
  });

  it('a PC restored from an older copy continues its receipt numbering after the central, audits it and says so', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true, tillOptional: true });
    const original = tmp();
    t = await openSyncCore({
      centralUrl: central.url,
      dataDir: original,
      counter: 'FAR-CAVATORE',
      syncRequestTimeoutMs: 5_000,
    });
    await t.must('sync.enrol', { code: central.createEnrolmentCode('FAR-CAVATORE') });
    await t.waitForStatus((s) => s.initialSync.done);
    await t.close();
    // The copy is taken here, before the day's work.
    const copy = tmp();
    fs.cpSync(original, copy, { recursive: true });

    t = await openSyncCore({
      centralUrl: central.url,
      dataDir: original,
      counter: 'FAR-CAVATORE',
      syncRequestTimeoutMs: 5_000,
    });
    await t.must('session.login', { operator: 'cavatore', pin: '1234' });
    const accountId = t.sql.prepare(`SELECT id FROM accounts ORDER BY papay_code LIMIT 1`).pluck().get() as string;
    const issued: string[] = [];
    for (const cents of [1000, 2000, 3000]) issued.push((await t.topup(accountId, cents)).receiptNo);
    expect(await t.must('sync.now', {})).toMatchObject({ pendingCount: 0, numberingWarning: null });
    await t.close();

    // The database is damaged; the copy goes back in place (the data folder, and so the installation, stays).
    restoreDatabase(copy, original);
    t = await openSyncCore({
      centralUrl: central.url,
      dataDir: original,
      counter: 'FAR-CAVATORE',
      syncRequestTimeoutMs: 5_000,
    });
    await t.must('session.login', { operator: 'cavatore', pin: '1234' });
    const status = await t.must('sync.now', {});
    expect(status.numberingWarning).toMatch(
      /^La numerazione delle ricevute dello sportello FAR-CAVATORE su questo PC era indietro rispetto al servizio centrale \(2026: ultima ricevuta al servizio centrale n\. 3, su questo PC n\. 0\)/,
    );
    const next = await t.topup(accountId, 500);
    expect(issued).not.toContain(next.receiptNo);
    expect(next.receiptNo).toBe('FAR-CAVATORE/2026/000004');
    const audit = t.sql.prepare(`SELECT detail FROM audit WHERE action = 'receipts.numberingBehind'`).pluck().all();
    expect(audit.map((d) => JSON.parse(d as string) as unknown)).toEqual([
      { year: 2026, localLastNumber: 0, centralLastNumber: 3 },
    ]);
  });
  it('three copies of one data folder: only the installation the token was given to syncs; the copies are stopped and told why', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true, tillOptional: true });
    const original = tmp();
    t = await openSyncCore({ centralUrl: central.url, dataDir: original, counter: 'SE1', syncRequestTimeoutMs: 5_000 });
    await t.must('sync.enrol', { code: central.createEnrolmentCode('SE1') });
    await t.waitForStatus((s) => s.initialSync.done);
    await t.close();
    const copies = [tmp(), tmp()];
    for (const copy of copies) fs.cpSync(original, copy, { recursive: true });

    for (const copy of copies) {
      t = await openSyncCore({ centralUrl: central.url, dataDir: copy, counter: 'SE1', syncRequestTimeoutMs: 5_000 });
      await t.must('session.login', { operator: 'sportello1', pin: '2468' });
      const accountId = t.sql.prepare('SELECT id FROM accounts ORDER BY papay_code LIMIT 1').pluck().get() as string;
      // The copy knows it is one (its folder has another installation id): it takes no receipt number ...
      const refused = await t.call('topups.record', { accountId, amountCents: 1000, method: 'cash' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_COUNTER' } });
      if (!refused.ok) expect(refused.error.message).toMatch(/copia di quelli dello sportello SE1.*qui non si incassa/);
      expect(t.sql.prepare('SELECT count(*) FROM receipts').pluck().get()).toBe(0);
      // ... and the central refuses its sync, which stops and says what to do.
      const status = await t.must('sync.now', {});
      expect(status).toMatchObject({ enrolled: false, pendingCount: 0 });
      expect(status.lastError).toMatch(
        /Il token dello sportello SE1 è in uso su un'altra installazione.*un supervisore lo attivi di nuovo/,
      );
      await t.close();
    }

    t = await openSyncCore({ centralUrl: central.url, dataDir: original, counter: 'SE1', syncRequestTimeoutMs: 5_000 });
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    const accountId = t.sql.prepare('SELECT id FROM accounts ORDER BY papay_code LIMIT 1').pluck().get() as string;
    const mine = await t.topup(accountId, 2000);
    expect(await t.must('sync.now', {})).toMatchObject({ enrolled: true, pendingCount: 0, lastError: null });
    const { operations } = await admin<{
      operations: { id: string; receiptNo: string | null; counterCode: string | null }[];
    }>('/admin/operations', 'GET');
    expect(operations.filter((o) => o.counterCode === 'SE1').map((o) => [o.id, o.receiptNo])).toEqual([
      [mine.operationId, 'SE1/2026/000001'],
    ]);
    await t.close();

    // A copy made the counter on purpose (the old PC is replaced): a supervisor enrols it again; it
    // then numbers after the central's last receipt, and the old PC is the one stopped.
    t = await openSyncCore({
      centralUrl: central.url,
      dataDir: copies[0]!,
      counter: 'SE1',
      syncRequestTimeoutMs: 5_000,
    });
    await t.must('session.login', { operator: 'supervisore', pin: 'carrara-1357' }, 'sup');
    await t.must('sync.enrol', { code: central.createEnrolmentCode('SE1') }, 'sup');
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    expect((await t.topup(accountId, 500)).receiptNo).toBe('SE1/2026/000002');
    expect(await t.must('sync.now', {})).toMatchObject({ enrolled: true, pendingCount: 0, lastError: null });
    recordHeld({
      attack: 'three copies of one data folder, each started and synced',
      tried: 3,
      held: 'only the installation the token was given to syncs; the copies are stopped and told why',
    });
  });

  it('a restored copy that takes money before it syncs: the central refuses the repeated number, the counter realigns', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true, tillOptional: true });
    const dir = tmp();
    t = await openSyncCore({ centralUrl: central.url, dataDir: dir, counter: 'SE1', syncRequestTimeoutMs: 5_000 });
    await t.must('sync.enrol', { code: central.createEnrolmentCode('SE1') });
    await t.waitForStatus((s) => s.initialSync.done);
    await t.close();
    const backup = tmp();
    fs.cpSync(dir, backup, { recursive: true });
    t = await openSyncCore({ centralUrl: central.url, dataDir: dir, counter: 'SE1', syncRequestTimeoutMs: 5_000 });
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    const accountId = t.sql.prepare('SELECT id FROM accounts ORDER BY papay_code LIMIT 1').pluck().get() as string;
    const first = await t.topup(accountId, 1000);
    expect(await t.must('sync.now', {})).toMatchObject({ pendingCount: 0 });
    await t.close();

    restoreDatabase(backup, dir);
    central.faults.set(parseFaultSpec('reset=1')); // offline: the number comes from the old copy
    t = await openSyncCore({ centralUrl: central.url, dataDir: dir, counter: 'SE1', syncRequestTimeoutMs: 5_000 });
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    const repeated = await t.topup(accountId, 700);
    expect(repeated.receiptNo).toBe(first.receiptNo);
    central.faults.set(parseFaultSpec(''));
    const status = await t.must('sync.now', {});
    expect(status).toMatchObject({ pendingCount: 0, deadLetterCount: 1 });
    await t.must('session.login', { operator: 'supervisore', pin: 'carrara-1357' }, 'sup');
    const { items } = await t.must('sync.problems', {}, 'sup');
    expect(items.map((i) => i.reason)).toEqual([
      expect.stringMatching(/La ricevuta SE1\/2026\/000001 è già registrata/),
    ]);
    expect((await t.topup(accountId, 500)).receiptNo).toBe('SE1/2026/000002');
  });

  it('enrolling again needs a supervisor, and a code of another counter is refused before it is used', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true, tillOptional: true });
    // The real SE1, enrolled and syncing.
    const se1 = await openSyncCore({
      centralUrl: central.url,
      dataDir: tmp(),
      counter: 'SE1',
      syncRequestTimeoutMs: 5_000,
    });
    try {
      await se1.must('sync.enrol', { code: central.createEnrolmentCode('SE1') });
      await se1.waitForStatus((s) => s.initialSync.done);
      t = await openSyncCore({
        centralUrl: central.url,
        dataDir: tmp(),
        counter: 'FAR-CAVATORE',
        syncRequestTimeoutMs: 5_000,
      });
      await t.must('sync.enrol', { code: central.createEnrolmentCode('FAR-CAVATORE') });
      await t.waitForStatus((s) => s.initialSync.done);
      // SE1's code typed at the pharmacy: refused, and SE1 keeps syncing with its code still unused.
      const se1Code = central.createEnrolmentCode('SE1');
      await t.must('session.login', { operator: 'sup-cavatore', pin: 'farmacia-9753' }, 'sup');
      const wrong = await t.call('sync.enrol', { code: se1Code }, 'sup');
      expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_COUNTER' } });
      if (!wrong.ok) expect(wrong.error.message).toMatch(/è dello sportello SE1.*il codice non è stato usato/);
      await se1.must('session.login', { operator: 'sportello1', pin: '2468' });
      expect(await se1.must('sync.now', {})).toMatchObject({ enrolled: true, lastError: null });
      // Already enrolled: without a supervisor's session the pharmacy may not enrol again.
      const code = central.createEnrolmentCode('FAR-CAVATORE');
      for (const session of ['nobody', 'clerk']) {
        if (session === 'clerk') await t.must('session.login', { operator: 'cavatore', pin: '1234' }, 'clerk');
        expect(await t.call('sync.enrol', { code }, session)).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN' },
        });
      }
      expect(await t.must('sync.enrol', { code }, 'sup')).toEqual({ counterCode: 'FAR-CAVATORE' });
      // The SE1 code was never consumed: the real SE1 could still use it.
      expect(await se1.call('sync.enrol', { code: se1Code })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    } finally {
      await se1.close();
    }
    recordHeld({
      attack: 'another counter’s enrolment code typed at a counter, or a re-enrolment without a supervisor',
      tried: 2,
      held: 'refused before the code is used, nobody is revoked',
    });
  });
});
