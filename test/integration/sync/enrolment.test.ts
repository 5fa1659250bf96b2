import { afterEach, describe, expect, it } from 'vitest';
import { demoDataDir, openTestCore, type TestCore } from '../../support/core-fixture';
import { FakeCentral } from './fake-central';
import { demoAccounts, failure, maxServerSeq, openSyncCore, type SyncTestCore } from './sync-fixture';
import { openCounterFile } from '../../support/counter-file';

let central: FakeCentral | undefined;
let t: SyncTestCore | undefined;
let plain: TestCore | undefined;

afterEach(async () => {
  await t?.close();
  await plain?.close();
  await central?.stop();
  t = undefined;
  plain = undefined;
  central = undefined;
});

async function frontOffice(): Promise<{ central: FakeCentral; t: SyncTestCore }> {
  const dataDir = demoDataDir();
  const raw = openCounterFile(dataDir);
  const start = maxServerSeq(raw);
  raw.close();
  central = await new FakeCentral(start).start();
  t = await openSyncCore({ centralUrl: central.url, dataDir });
  return { central, t };
}

describe('enrolment', () => {
  it('is public, stores the token and continues receipt numbering from the higher of ours and the central', async () => {
    const { central, t } = await frontOffice();
    const before = await t.must('sync.status', {}, 'nobody');
    expect(before).toMatchObject({ enrolled: false, centralUrl: central.url, pendingCount: 0, lastSyncAt: null });
    central.receiptNumbering = [
      { year: 2026, lastNumber: 41 },
      { year: 2025, lastNumber: 7 },
    ];
    expect(await t.must('sync.enrol', { code: 'CODICE-UNO' }, 'nobody')).toEqual({ counterCode: 'SE1' });
    expect((await t.must('sync.status', {}, 'nobody')).enrolled).toBe(true);
    expect(
      t.sql.prepare(`SELECT year, last_number FROM receipt_sequences WHERE counter_code = 'SE1' ORDER BY year`).all(),
    ).toEqual([
      { year: 2025, last_number: 7 },
      { year: 2026, last_number: 41 },
    ]);
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    const [a] = demoAccounts(t.sql, 1);
    expect((await t.topup(a!.id, 1000)).receiptNo).toBe('SE1/2026/000042');
  });

  it('keeps the local numbering when it is ahead of the central', async () => {
    const { central, t } = await frontOffice();
    t.sql.prepare(`INSERT INTO receipt_sequences (counter_code, year, last_number) VALUES ('SE1', 2026, 90)`).run();
    central.receiptNumbering = [{ year: 2026, lastNumber: 41 }];
    await t.must('sync.enrol', { code: 'CODICE-UNO' });
    expect(t.sql.prepare(`SELECT last_number FROM receipt_sequences WHERE year = 2026`).pluck().get()).toBe(90);
  });

  it('refuses a wrong code and a code of another counter, in Italian', async () => {
    const { central, t } = await frontOffice();
    const bad = failure(await t.call('sync.enrol', { code: 'SBAGLIATO' }));
    expect(bad.code).toBe('INPUT_INVALID');
    expect(bad.message).toMatch(/Codice di attivazione rifiutato/);
    central.counterCode = 'SE2';
    const other = failure(await t.call('sync.enrol', { code: 'CODICE-UNO' }));
    expect(other.code).toBe('WRONG_COUNTER');
    expect(other.message).toMatch(/è dello sportello SE2.*questa installazione è lo sportello SE1/);
    expect((await t.must('sync.status', {})).enrolled).toBe(false);
  });

  it('says so when the central does not answer', async () => {
    const { central, t } = await frontOffice();
    await central.stop();
    const r = failure(await t.call('sync.enrol', { code: 'CODICE-UNO' }));
    expect(r.code).toBe('CENTRAL_UNAVAILABLE');
    expect(r.message).toMatch(/non raggiungibile/);
  });

  it('without a central URL: status says so, enrolment is refused in Italian, the counter works as before', async () => {
    plain = await openTestCore();
    const status = await plain.must('sync.status', {});
    expect(status).toMatchObject({
      enrolled: false,
      online: false,
      centralUrl: null,
      initialSync: { done: false, progress: 0 },
    });
    const r = failure(await plain.call('sync.enrol', { code: 'CODICE-UNO' }));
    expect(r.code).toBe('INPUT_INVALID');
    expect(r.message).toMatch(/non è configurato.*--central/);
    // sync.now needs a session.
    expect(await plain.call('sync.now', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('a revoked token stops the loop with a clear status; operations stay; a new enrolment resumes', async () => {
    const { central, t } = await frontOffice();
    await t.must('sync.enrol', { code: 'CODICE-UNO' });
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    await t.must('sync.now', {});
    const [a] = demoAccounts(t.sql, 1);
    const op = await t.topup(a!.id, 1100);
    central.revoked = true;
    const status = await t.must('sync.now', {});
    expect(status).toMatchObject({ enrolled: false, pendingCount: 1 });
    expect(status.lastError).toMatch(/non è più abilitato.*nuovo codice di attivazione/);
    expect(t.statuses.at(-1)).toEqual(status);
    // Stopped: no further calls reach the central.
    const pushes = central.pushes.length;
    const reads = central.feedRequests.length;
    central.revoked = false;
    await t.must('sync.now', {});
    expect([central.pushes.length, central.feedRequests.length]).toEqual([pushes, reads]);
    expect((await t.must('sync.status', {})).enrolled).toBe(false);

    central.enrolCodes.add('CODICE-DUE');
    // A PC that already holds a token enrols again only with a supervisor (issue 13 item 9).
    expect(await t.call('sync.enrol', { code: 'CODICE-DUE' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await t.must('session.login', { operator: 'supervisore', pin: 'carrara-1357' }, 'sup');
    await t.must('sync.enrol', { code: 'CODICE-DUE' }, 'sup');
    const after = await t.must('sync.now', {});
    expect(after).toMatchObject({ enrolled: true, pendingCount: 0, lastError: null });
    expect(central.ledger.has(op.operationId)).toBe(true);
  });

  it('the status event follows every change (a top-up adds one pending at once)', async () => {
    const { t } = await frontOffice();
    await t.must('sync.enrol', { code: 'CODICE-UNO' });
    await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    await t.must('sync.now', {});
    t.statuses.length = 0;
    const [a] = demoAccounts(t.sql, 1);
    await t.topup(a!.id, 1000);
    expect(t.statuses.map((s) => s.pendingCount)).toEqual([1]);
    await t.must('sync.now', {});
    expect(t.statuses.at(-1)).toMatchObject({ pendingCount: 0, online: true });
  });
});

describe('closing', () => {
  it('does not wait for a central that does not answer', async () => {
    const { central, t: core } = await frontOffice();
    await core.must('sync.enrol', { code: 'CODICE-UNO' });
    await core.must('session.login', { operator: 'sportello1', pin: '2468' });
    await core.must('sync.now', {});
    central.pushFaults.push('hang');
    const [a] = demoAccounts(core.sql, 1);
    await core.topup(a!.id, 1000);
    const held = central.nextHang();
    const running = core.must('sync.now', {}); // hangs on the push (the request timeout is 1 s here)
    await held;
    const started = Date.now();
    t = undefined;
    await core.close();
    expect(Date.now() - started).toBeLessThan(900);
    await running.catch(() => undefined);
    // The operation is still there, pending, for the next start.
    const raw = openCounterFile(core.dataDir);
    expect(raw.prepare(`SELECT state FROM outbox`).pluck().all()).toEqual(['pending']);
    raw.close();
  });
});
