import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../support/core-fixture';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

describe('sessions and operators', () => {
  it('logs in with code and PIN and reports the counter and its settings', async () => {
    t = await openTestCore();
    const info = await t.must('session.login', { operator: 'sportello1', pin: '2468' });
    expect(info.operator).toMatchObject({ code: 'sportello1', role: 'sportello' });
    expect(info.counter.code).toBe('SE1');
    expect(info.settings.methodsToday).toEqual(['cash', 'card']);
    expect((await t.must('session.current', {}))?.operator.code).toBe('sportello1');
  });

  it('refuses a wrong PIN with an Italian message and locks after five in a row', async () => {
    t = await openTestCore();
    for (let i = 0; i < 4; i++) {
      const r = await t.call('session.login', { operator: 'sportello1', pin: '0000' });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'BAD_CREDENTIALS', message: 'Codice operatore o PIN errati.' },
      });
    }
    const fifth = await t.call('session.login', { operator: 'sportello1', pin: '0000' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'OPERATOR_LOCKED' } });
    // Locked: even the right PIN is refused until the lock expires.
    const right = await t.call('session.login', { operator: 'sportello1', pin: '2468' });
    expect(right).toMatchObject({ ok: false, error: { code: 'OPERATOR_LOCKED' } });
    t.clock.advance(16 * 60_000);
    expect((await t.call('session.login', { operator: 'sportello1', pin: '2468' })).ok).toBe(true);
  });

  it('a right PIN resets the count of wrong ones', async () => {
    t = await openTestCore();
    for (let i = 0; i < 4; i++) await t.call('session.login', { operator: 'sportello1', pin: '0000' });
    await t.login('sportello1', '2468');
    for (let i = 0; i < 4; i++) await t.call('session.login', { operator: 'sportello1', pin: '0000' });
    expect((await t.call('session.login', { operator: 'sportello1', pin: '2468' })).ok).toBe(true);
  });

  it('an operator logs in only at their own counter; a Servizi Educativi supervisor at the front office only', async () => {
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    // A pharmacy does not even hold the others' verifiers (issue 13 item 2): they are unknown here.
    for (const [operator, pin] of [
      ['sportello1', '2468'],
      ['supervisore', 'carrara-1357'],
    ] as const) {
      expect(await t.call('session.login', { operator, pin })).toMatchObject({
        ok: false,
        error: { code: 'BAD_CREDENTIALS' },
      });
    }
    expect((await t.call('session.login', { operator: 'cavatore', pin: '1234' })).ok).toBe(true);
    await t.close();
    t = await openTestCore({ counter: 'ECO' });
    expect((await t.call('session.login', { operator: 'supervisore', pin: 'carrara-1357' }, 's2')).ok).toBe(true);
    expect(await t.call('session.login', { operator: 'sportello1', pin: '2468' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_CREDENTIALS' },
    });
  });

  it('every non-public channel needs a session, and idle sessions lock', async () => {
    t = await openTestCore();
    expect(await t.call('accounts.find', { query: 'rossi' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' },
    });
    await t.login('sportello1', '2468');
    expect((await t.call('accounts.find', { query: 'rossi' })).ok).toBe(true);
    t.clock.advance(4 * 60_000);
    expect((await t.call('accounts.find', { query: 'rossi' })).ok).toBe(true); // activity renews the session
    t.clock.advance(5 * 60_000 + 1);
    expect(await t.call('accounts.find', { query: 'rossi' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED' },
    });
    expect(await t.must('session.current', {})).toBeNull();
  });

  it('logout ends the session; sessions are separate per id', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468', 'a');
    await t.login('supervisore', 'carrara-1357', 'b');
    await t.must('session.logout', {}, 'a');
    expect(await t.must('session.current', {}, 'a')).toBeNull();
    expect((await t.must('session.current', {}, 'b'))?.operator.code).toBe('supervisore');
  });

  it('validates every input against the contract and answers unknown channels as data', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const requestId = '0190a000-0000-7000-8000-000000000003';
    const bad = await t.core.invoke('s1', 'topups.record', {
      requestId,
      accountId: 'x',
      amountCents: '20',
      method: 'cash',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/^Dati non validi: amountCents: /);
    const extra = await t.core.invoke('s1', 'accounts.find', { query: 'rossi', sql: 'drop table' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(await t.core.invoke('s1', 'accounts.delete', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(await t.core.invoke('s1', 'accounts.find', null)).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
  });

  it('a later start naming another counter is refused', async () => {
    t = await openTestCore({ counter: 'SE1' });
    const dir = t.dataDir;
    await t.close();
    const { openCore } = await import('../../../src-main/core/core');
    await expect(openCore({ dataDir: dir, counterCode: 'SE2' })).rejects.toThrow(
      /Questa installazione è lo sportello SE1: non può essere avviata come SE2/,
    );
    t = await openTestCore({ dataDir: dir, counter: 'SE1' });
    expect((await t.must('counter.info', {})).code).toBe('SE1');
  });
});
