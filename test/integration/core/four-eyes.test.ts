import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { recordHeld } from '../../support/security-table';

/** Issue 13 item 3: a void is approved by someone other than who recorded the top-up. */
let t: TestCore;
afterEach(async () => {
  await t?.close();
});

describe('four eyes on a void', () => {
  it('a supervisor cannot approve the void of a top-up they recorded; a second supervisor can', async () => {
    t = await openTestCore();
    await t.login('supervisore', 'carrara-1357');
    const acc = pick(t.sql).account();
    const r = await t.must('topups.record', { accountId: acc.id, amountCents: 2000, method: 'cash' });
    const alone = await t.call('topups.void', {
      operationId: r.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'prova da sola',
    });
    expect(alone.ok).toBe(false);
    if (!alone.ok) {
      expect(alone.error.code).toBe('VOID_NOT_ALLOWED');
      expect(alone.error.message).toMatch(/supervisore diverso da chi ha registrato/);
    }
    expect(pick(t.sql).count('ledger', `voids_id = '${r.operationId}'`)).toBe(0);
    const v = await t.must('topups.void', {
      operationId: r.operationId,
      supervisor: 'supervisore2',
      supervisorPin: 'carrara-2468',
      reason: 'importo sbagliato',
    });
    expect(v.receiptText).toMatch(/STORNO/i);
    expect(pick(t.sql).count('ledger', `voids_id = '${r.operationId}' AND approved_by = 'supervisore2'`)).toBe(1);
    recordHeld({
      attack: 'a supervisor approving the void of their own top-up',
      tried: 1,
      held: 'refused (VOID_NOT_ALLOWED): the approver must be another person',
    });
  });
});
