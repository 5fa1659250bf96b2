import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../seeds/pins';
import { DEFAULT_COUNTER_CONFIG } from '../../../shared/config';
import { FakeCentral } from './fake-central';
import { openSyncCore, type SyncTestCore } from './sync-fixture';

let central: FakeCentral;
let t: SyncTestCore;

afterEach(async () => {
  await t?.close();
  await central?.stop();
});

describe('a new pharmacy PC, filled by the central service only', () => {
  it('opens with no roster, enrols, pulls minimised data (no family, codice fiscale, birth date) and tops up', async () => {
    central = await new FakeCentral(100).start();
    central.counterCode = 'FAR-CAVATORE';
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    t = await openSyncCore({ centralUrl: central.url, dataDir, counter: 'FAR-CAVATORE' });
    // Before any data: the status bar and the enrolment work, nobody can log in yet.
    expect(await t.must('counter.info', {})).toMatchObject({ code: 'FAR-CAVATORE', kind: 'farmacia' });
    expect(await t.call('session.login', { operator: 'cavatore', pin: '1234' })).toMatchObject({ ok: false });

    central.publish(
      {
        type: 'counter',
        code: 'FAR-CAVATORE',
        name: 'Farmacia Comunale Cavatore',
        kind: 'farmacia',
        address: 'Via Cavatore 1, Carrara',
        config: { ...DEFAULT_COUNTER_CONFIG, largeType: true },
      },
      {
        type: 'operator',
        code: 'cavatore',
        name: 'Elisa Bogazzi',
        role: 'farmacia',
        counterCode: 'FAR-CAVATORE',
        pinHash: hashPin('1234', { role: 'farmacia' }),
        active: true,
      },
      {
        type: 'account',
        id: 'acc-1',
        childId: 'child-1',
        service: 'refezione',
        papayCode: '1234567897',
        balanceCents: 1250,
        balanceSeq: 100,
        balanceAt: '2026-11-29T18:00:00.000Z',
      },
      {
        type: 'child',
        id: 'child-1',
        familyId: null,
        surname: 'R.',
        name: 'Giulia',
        fiscalCode: null,
        birthDate: null,
        school: 'Primaria Doganella',
      },
    );
    await t.must('sync.enrol', { code: 'CODICE-UNO' });
    // The enrolment starts the first sync; the status bar (public) follows it.
    const status = await t.waitForStatus((s) => s.initialSync.done);
    expect(status).toMatchObject({ enrolled: true, online: true, initialSync: { done: true, progress: 1 } });
    expect(t.sql.prepare('SELECT * FROM children').all()).toEqual([
      {
        id: 'child-1',
        family_id: null,
        surname: 'R.',
        name: 'Giulia',
        fiscal_code: null,
        fiscal_code_canonical: null,
        birth_date: null,
        school: 'Primaria Doganella',
        // Folded from what the pharmacy holds (the initial), nothing more.
        surname_key: 'r',
        name_key: 'giulia',
      },
    ]);
    expect(t.sql.prepare('SELECT COUNT(*) AS n FROM families').get()).toEqual({ n: 0 });
    const info = await t.must('counter.info', {});
    expect(info).toEqual({
      code: 'FAR-CAVATORE',
      name: 'Farmacia Comunale Cavatore',
      kind: 'farmacia',
      address: 'Via Cavatore 1, Carrara',
      version: info.version,
    });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);

    await t.must('session.login', { operator: 'cavatore', pin: '1234' });
    const found = await t.must('accounts.find', { query: '1234567897' });
    expect(found.items).toEqual([
      {
        accountId: 'acc-1',
        papayCode: '1234567897',
        service: 'refezione',
        balanceCents: 1250,
        balanceAsOf: '2026-11-29T18:00:00.000Z',
        pendingCents: 0,
        child: { childId: 'child-1', firstName: 'Giulia', surname: 'R.', school: 'Primaria Doganella' },
      },
    ]);
    const r = await t.topup('acc-1', 2000);
    expect(r.receiptNo).toBe('FAR-CAVATORE/2026/000001');
    expect(r.balanceAfterCents).toBe(3250);
    const after = await t.must('sync.now', {});
    expect(after.pendingCount).toBe(0);
    expect(central.pushes.flat()).toEqual([
      expect.objectContaining({
        id: r.operationId,
        papayCode: '1234567897',
        counterCode: 'FAR-CAVATORE',
        amountCents: 2000,
      }),
    ]);
  });
});
