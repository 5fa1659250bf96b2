import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as PinModule from '../../../src-main/operators/pin';
import { openTestCore, type TestCore } from '../../support/core-fixture';
import { recordHeld } from '../../support/security-table';

/**
 * Issue 13 item 3: an unknown operator code takes as long to refuse as a wrong PIN. Tests carry no
 * timings, so this proves the cause instead: every refusal runs exactly one scrypt, and for an unknown
 * code it runs on a stand-in with the very parameters (N, r, p, lengths) of the roster's costliest hash:
 * a supervisor's (issue 13 item 2), so an unknown approver costs exactly a wrong supervisor's secret.
 */

const calls = vi.hoisted(() => [] as { pin: string; stored: string; matched: boolean }[]);
vi.mock('../../../src-main/operators/pin', async (original) => {
  const real = await original<typeof PinModule>();
  return {
    verifyPin: (pin: string, stored: string) => {
      const matched = real.verifyPin(pin, stored);
      calls.push({ pin, stored, matched });
      return matched;
    },
  };
});

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

const shape = (hash: string) => {
  const [scheme, n, r, p, salt, digest] = hash.split('$');
  return {
    scheme,
    n,
    r,
    p,
    saltBytes: Buffer.from(salt!, 'base64').length,
    bytes: Buffer.from(digest!, 'base64').length,
  };
};

describe('an unknown operator code', () => {
  it('is refused like a wrong PIN, after the same scrypt work', async () => {
    t = await openTestCore();
    const real = (
      t.sql.prepare("SELECT pin_hash FROM operators WHERE code = 'sportello1'").get() as { pin_hash: string }
    ).pin_hash;
    const supervisor = (
      t.sql.prepare("SELECT pin_hash FROM operators WHERE code = 'supervisore'").get() as { pin_hash: string }
    ).pin_hash;
    expect(Number(shape(supervisor).n)).toBeGreaterThan(Number(shape(real).n));

    calls.length = 0;
    const wrongPin = await t.call('session.login', { operator: 'sportello1', pin: '0000' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ stored: real, matched: false });

    calls.length = 0;
    const unknown = await t.call('session.login', { operator: 'nessuno', pin: '0000' });
    expect(unknown).toEqual(wrongPin);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.matched).toBe(false);
    expect(shape(calls[0]!.stored)).toEqual(shape(supervisor));
    expect(Number(shape(real).n)).toBeGreaterThanOrEqual(16_384);

    // An operator no longer active: their own hash is checked, and the answer is the same.
    t.sql.prepare("UPDATE operators SET active = 0 WHERE code = 'sportello1'").run();
    calls.length = 0;
    expect(await t.call('session.login', { operator: 'sportello1', pin: '2468' })).toEqual(wrongPin);
    expect(calls).toHaveLength(1);

    // In an approval too (a void dialog): an unknown supervisor code costs one scrypt.
    t.sql.prepare("UPDATE operators SET active = 1 WHERE code = 'sportello1'").run();
    await t.login('sportello1', '2468');
    calls.length = 0;
    const approval = await t.call('topups.void', {
      operationId: 'nessuna',
      supervisor: 'nessuno',
      supervisorPin: '0000',
      reason: 'prova',
    });
    expect(approval).toMatchObject({ ok: false });
    expect(calls).toHaveLength(1);
    expect(shape(calls[0]!.stored)).toEqual(shape(supervisor));
    recordHeld({
      attack: 'probing which operator codes exist',
      tried: 2,
      held: 'an unknown code gets the answer of a wrong PIN after the same scrypt work',
    });
  });
});
