import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { recordHeld } from '../../support/security-table';

/** Issue 13 items 3 and 11: failed logins and locks are audited; a lock helps instead of harming. */

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

interface AuditRow {
  operator_code: string | null;
  action: string;
  detail: Record<string, unknown>;
}

function audit(t: TestCore, actionPrefix: string): AuditRow[] {
  return (
    t.sql
      .prepare('SELECT operator_code, action, detail FROM audit WHERE action LIKE ? ORDER BY id')
      .all(`${actionPrefix}%`) as { operator_code: string | null; action: string; detail: string }[]
  ).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

const lockOf = (t: TestCore, code: string) =>
  t.sql.prepare('SELECT failed_attempts, locked_until FROM operators WHERE code = ?').get(code) as {
    failed_attempts: number;
    locked_until: string | null;
  };

describe('wrong approval PINs in a void dialog', () => {
  it('block the operator who typed them, never the supervisor; a supervisor lifts the block', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const acc = pick(t.sql).account();
    const top = await t.must('topups.record', { accountId: acc.id, amountCents: 2_000, method: 'cash' });
    const voidWith = (pin: string) =>
      t.call('topups.void', {
        operationId: top.operationId,
        supervisor: 'supervisore',
        supervisorPin: pin,
        reason: 'importo sbagliato',
      });

    for (let i = 0; i < 4; i++) expect(await voidWith('0000')).toMatchObject({ error: { code: 'BAD_CREDENTIALS' } });
    const fifth = await voidWith('0000');
    expect(fifth).toMatchObject({ ok: false, error: { code: 'OPERATOR_LOCKED' } });
    // The next try, with the right PIN too, is refused for this operator ...
    const right = await voidWith('carrara-1357');
    expect(right).toMatchObject({ ok: false, error: { code: 'OPERATOR_LOCKED' } });
    if (!right.ok) expect(right.error.message).toMatch(/Troppi PIN di approvazione errati/);
    expect(pick(t.sql).count('ledger', `voids_id = '${top.operationId}'`)).toBe(0);

    // ... while the supervisor's account is untouched: they log in and approve at once.
    expect(lockOf(t, 'supervisore')).toEqual({ failed_attempts: 0, locked_until: null });
    await t.login('supervisore', 'carrara-1357', 'sup');
    expect(audit(t, 'credentials.refused')).toHaveLength(5);
    expect(audit(t, 'credentials.refused')[0]).toMatchObject({
      operator_code: 'sportello1',
      detail: { use: 'approval', operator: 'supervisore', refusal: 'wrongPin' },
    });
    expect(audit(t, 'approvals.blocked')).toMatchObject([
      { operator_code: 'sportello1', detail: { operator: 'sportello1', attempts: 5 } },
    ]);

    const lifted = await t.must('session.unlock', { operator: 'sportello1' }, 'sup');
    expect(lifted.operator.code).toBe('sportello1');
    expect(audit(t, 'operator.unlocked')).toMatchObject([
      { operator_code: 'supervisore', detail: { operator: 'sportello1', lockedUntil: null, approvalsBlocked: true } },
    ]);
    expect((await voidWith('carrara-1357')).ok).toBe(true);
    recordHeld({
      attack: 'an operator typing wrong supervisor PINs in approval dialogs',
      tried: 5,
      held: 'the operator who asked is blocked from asking; the supervisor is never locked out',
    });
  });

  it('a block on asking runs out after the lock minutes; a right PIN resets the count', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const acc = pick(t.sql).account();
    const record = () => t.must('topups.record', { accountId: acc.id, amountCents: 2_000, method: 'cash' });
    const voidOf = async (id: string, pin: string) =>
      t.call('topups.void', { operationId: id, supervisor: 'supervisore', supervisorPin: pin, reason: 'prova' });
    const first = await record();
    for (let i = 0; i < 4; i++) await voidOf(first.operationId, '0000');
    expect((await voidOf(first.operationId, 'carrara-1357')).ok).toBe(true);
    const second = await record();
    for (let i = 0; i < 4; i++) await voidOf(second.operationId, '0000');
    expect(await voidOf(second.operationId, '0000')).toMatchObject({ error: { code: 'OPERATOR_LOCKED' } });
    t.clock.advance(16 * 60_000);
    await t.login('sportello1', '2468');
    expect((await voidOf(second.operationId, 'carrara-1357')).ok).toBe(true);
  });
});

describe('login failures and locks', () => {
  it('are audited; a supervisor unlocks a locked one (here another supervisor), an operator cannot, nobody unlocks themselves', async () => {
    t = await openTestCore();
    for (let i = 0; i < 5; i++) await t.call('session.login', { operator: 'supervisore2', pin: '0000' }, 'a');
    expect(await t.call('session.login', { operator: 'supervisore2', pin: 'carrara-2468' }, 'a')).toMatchObject({
      error: { code: 'OPERATOR_LOCKED' },
    });
    await t.call('session.login', { operator: 'nessuno', pin: '0000' }, 'a');
    const refused = audit(t, 'credentials.refused');
    expect(refused.map((r) => r.detail.refusal)).toEqual([
      'wrongPin',
      'wrongPin',
      'wrongPin',
      'wrongPin',
      'wrongPin',
      'locked',
      'unknown',
    ]);
    expect(refused.every((r) => r.operator_code === null && r.detail.use === 'login')).toBe(true);
    expect(refused.at(-1)?.detail.operator).toBe('nessuno');
    const until = lockOf(t, 'supervisore2').locked_until;
    expect(until).not.toBeNull();
    expect(audit(t, 'operator.locked')).toMatchObject([{ detail: { operator: 'supervisore2', until, attempts: 5 } }]);

    await t.login('sportello1', '2468', 'clerk');
    expect(await t.call('session.unlock', { operator: 'supervisore2' }, 'clerk')).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    await t.login('supervisore', 'carrara-1357', 'sup');
    expect(await t.call('session.unlock', { operator: 'supervisore' }, 'sup')).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await t.call('session.unlock', { operator: 'nessuno' }, 'sup')).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect(audit(t, 'operator.unlocked')).toEqual([]);

    await t.must('session.unlock', { operator: ' SUPERVISORE2 ' }, 'sup');
    expect(lockOf(t, 'supervisore2')).toEqual({ failed_attempts: 0, locked_until: null });
    expect(audit(t, 'operator.unlocked')).toMatchObject([
      {
        operator_code: 'supervisore',
        detail: { operator: 'supervisore2', lockedUntil: until, approvalsBlocked: false },
      },
    ]);
    await t.login('supervisore2', 'carrara-2468', 'a');
    const again = await t.call('session.unlock', { operator: 'supervisore2' }, 'sup');
    expect(again).toMatchObject({ error: { code: 'INPUT_INVALID' } });
    if (!again.ok) expect(again.error.message).toMatch(/non è bloccato/);
    recordHeld({
      attack: 'guessing PINs at the login',
      tried: 5,
      held: 'locked at that PC for 15 minutes after 5 wrong PINs, every refusal audited; a supervisor unlocks',
    });
  });

  it('an operator of another counter is not unlocked here', async () => {
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    await t.login('sup-cavatore', 'farmacia-9753', 'sup');
    expect(await t.call('session.unlock', { operator: 'sportello1' }, 'sup')).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });
});
