import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../seeds/pins';
import { SUPERVISOR_KDF, supervisorSecretProblem } from '../../../shared/secrets';
import { openTestCore, type TestCore } from '../../support/core-fixture';
import { recordHeld } from '../../support/security-table';

/**
 * Issue 13 item 2: no secret leaves its counter, and the secrets that approve money are strong.
 * The demo template holds every demo operator (the seed writes the whole roster); a pharmacy started
 * on it must keep no front-office verifier and let no front-office supervisor in.
 */

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

const params = (hash: string) => {
  const [, n, r, p] = hash.split('$');
  return { N: Number(n), r: Number(r), p: Number(p) };
};

describe("a pharmacy and the front office's secrets", () => {
  it('keeps no front-office verifier and refuses a front-office supervisor at login and approval', async () => {
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    const held = t.sql.prepare("SELECT code FROM operators WHERE pin_hash LIKE 'scrypt$%' ORDER BY code").pluck().all();
    expect(held).toEqual(['cavatore', 'sup-cavatore']);

    const login = await t.call('session.login', { operator: 'supervisore', pin: 'carrara-1357' });
    expect(login).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });

    await t.login('cavatore', '1234');
    const topup = await t.must('topups.record', {
      accountId: (t.sql.prepare("SELECT id FROM accounts WHERE service = 'refezione' LIMIT 1").get() as { id: string })
        .id,
      amountCents: 1000,
      method: 'cash',
    });
    const voided = await t.call('topups.void', {
      operationId: topup.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'prova',
    });
    expect(voided).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    // The pharmacy's own supervisor still approves with the new secret.
    const own = await t.call('topups.void', {
      operationId: topup.operationId,
      supervisor: 'sup-cavatore',
      supervisorPin: 'farmacia-9753',
      reason: 'prova',
    });
    expect(own).toMatchObject({ ok: true });
    recordHeld({
      attack: 'a pharmacy PC searched offline for the front-office supervisors’ PIN hashes',
      tried: 1,
      held: 'none on it: the feed sends each counter only its own people’s verifiers; a front-office supervisor cannot log in or approve there',
    });
  });
});

describe("supervisors' secrets", () => {
  it('are at least 8 characters with letters and digits, refused with an Italian message when set', () => {
    for (const weak of ['1357', '13571357', 'carraracarrara', 'abc123', 'carrara-']) {
      expect(supervisorSecretProblem(weak), weak).toMatch(/almeno 8 caratteri.*lettere e cifre/);
      expect(() => hashPin(weak, { role: 'supervisore' }), weak).toThrow(/almeno 8 caratteri/);
    }
    expect(supervisorSecretProblem('carrara-1357')).toBeNull();
    expect(supervisorSecretProblem('Farmacia9753')).toBeNull();
    // Ordinary operators keep their 4-digit PINs, hashed as before.
    expect(params(hashPin('2468', { role: 'sportello' }))).toEqual({ N: 16_384, r: 8, p: 1 });
    expect(params(hashPin('carrara-1357', { role: 'supervisore' }))).toEqual(SUPERVISOR_KDF);
    expect(SUPERVISOR_KDF.N).toBeGreaterThanOrEqual(65_536);
    recordHeld({
      attack: 'weak secrets for the people who approve money',
      tried: 5,
      held: 'refused in Italian: 8+ characters with letters and digits, hashed under scrypt 2^16',
    });
  });

  it('are what the demo supervisors hold, and a 4-digit secret never approves money even if a hash for it arrives', async () => {
    t = await openTestCore();
    const hashes = t.sql.prepare("SELECT code, pin_hash FROM operators WHERE role = 'supervisore'").all() as {
      code: string;
      pin_hash: string;
    }[];
    expect(hashes.length).toBeGreaterThan(0);
    for (const h of hashes) expect(params(h.pin_hash), h.code).toEqual(SUPERVISOR_KDF);
    await t.login('supervisore', 'carrara-1357', 'sup');

    // An older central that still hashed a supervisor's 4-digit PIN: the counter refuses it for an approval.
    const salt = crypto.randomBytes(16);
    const weak = crypto.scryptSync('1357', salt, 32, { N: 16_384, r: 8, p: 1 });
    t.sql
      .prepare("UPDATE operators SET pin_hash = ? WHERE code = 'supervisore2'")
      .run(['scrypt', 16_384, 8, 1, salt.toString('base64'), weak.toString('base64')].join('$'));
    await t.login('sportello1', '2468');
    const topup = await t.must('topups.record', {
      accountId: (t.sql.prepare("SELECT id FROM accounts WHERE service = 'refezione' LIMIT 1").get() as { id: string })
        .id,
      amountCents: 1000,
      method: 'cash',
    });
    const voided = await t.call('topups.void', {
      operationId: topup.operationId,
      supervisor: 'supervisore2',
      supervisorPin: '1357',
      reason: 'prova',
    });
    expect(voided).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const approved = await t.call('topups.void', {
      operationId: topup.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'prova',
    });
    expect(approved).toMatchObject({ ok: true });
  });
});
