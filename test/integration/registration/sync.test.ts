import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../../central';
import { pushHandler } from '../../../central/push';
import { recordPortalEnrolment } from '../../../central/registrations';
import { changeRecorder } from '../../../central/schema';
import { Operation } from '../../../shared/central';
import { checkPapayCode, makePapayCode } from '../../../shared/papay';
import { openSyncCore, type SyncTestCore } from '../sync/sync-fixture';
import { familyInput, pdfText } from './registration-fixture';

/** A registration made at the front office reaches the real central emulator over HTTP. */

let central: RunningCentral | undefined;
const cores: SyncTestCore[] = [];

afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  await central?.close();
  central = undefined;
});

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));

/** A counter on a fresh PC, enrolled and synced from the emulator, with an operator logged in. */
async function counter(code: string, operator: string, pin: string): Promise<SyncTestCore> {
  const t = await openSyncCore({
    centralUrl: central!.url,
    dataDir: tmp(),
    counter: code,
    syncRequestTimeoutMs: 5_000,
  });
  cores.push(t);
  await t.must('sync.enrol', { code: central!.createEnrolmentCode(code) }, 'first-run');
  await t.waitForStatus((s) => s.initialSync.done);
  await t.must('session.login', { operator, pin });
  return t;
}

describe('registrations and the central service', () => {
  it('is accepted once, the real Pa-Pay codes replace the provisional ones, a pharmacy finds the child by code', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true, tillOptional: true });
    const se1 = await counter('SE1', 'sportello1', '2468');
    const { registration } = await se1.must('registration.save', familyInput());
    const accountIds = registration.children.flatMap((c) => c.enrolments.map((e) => e.accountId));
    expect(registration.provisional).toBe(true);
    // The family tops up the new meals account at once, under its provisional code.
    const topup = await se1.topup(accountIds[0]!, 2000);

    const status = await se1.must('sync.now', {});
    expect(status).toMatchObject({ pendingCount: 0, deadLetterCount: 0 });

    // Confirmed, and the feed brought the central's codes for the same accounts.
    const now = await se1.must('registration.get', { registrationId: registration.registrationId });
    expect(now.provisional).toBe(false);
    const enrolments = now.children.flatMap((c) => c.enrolments);
    expect(enrolments.map((e) => e.accountId)).toEqual(accountIds);
    for (const e of enrolments) {
      expect(e).toMatchObject({ state: 'confermata', papayProvisional: false, refusal: null });
      expect(checkPapayCode(e.papayCode)).toEqual({ valid: true, code: e.papayCode });
    }
    expect(new Set(enrolments.map((e) => e.papayCode)).size).toBe(3);
    // Confirmed at the time of the core's clock (a fixed test clock), not the PC's.
    expect(
      se1.sql
        .prepare('SELECT DISTINCT state_at FROM enrolments WHERE registration_id = ?')
        .pluck()
        .all(registration.registrationId),
    ).toEqual([se1.clock.now().toISOString()]);
    expect(se1.sql.prepare('SELECT COUNT(*) FROM accounts WHERE papay_provisional = 1').pluck().get()).toBe(0);
    const centralCodes = accountIds.map(
      (id) => central!.sqlite.prepare('SELECT papay_code FROM accounts WHERE id = ?').pluck().get(id) as string,
    );
    expect(centralCodes).toEqual(enrolments.map((e) => e.papayCode));
    expect(central.sqlite.prepare('SELECT COUNT(*) FROM enrolments').pluck().get()).toBe(3);
    // The top-up made under the provisional code reached that account (after the registration that opened it).
    expect(
      central.sqlite.prepare('SELECT account_id, amount_cents FROM ledger WHERE id = ?').get(topup.operationId),
    ).toEqual({ account_id: accountIds[0], amount_cents: 2000 });
    expect(central.sqlite.prepare('SELECT balance_cents FROM accounts WHERE id = ?').pluck().get(accountIds[0])).toBe(
      2000,
    );

    // The summary printed again shows the real codes and no provisional mark.
    const reprint = await se1.must('registration.printSummary', { registrationId: registration.registrationId });
    expect(reprint.provisional).toBe(false);
    const text = pdfText(reprint.pdfPath);
    expect(text).toContain(enrolments[0]!.papayCode);
    expect(text).not.toContain('provvisorio');

    // A resend (reply lost) is accepted again with the same seq and changes nothing.
    const outbox = se1.sql
      .prepare(`SELECT type, payload, server_seq FROM outbox WHERE type = 'registration'`)
      .get() as { type: string; payload: string; server_seq: number };
    expect(outbox.server_seq).toBeGreaterThan(0);
    const op = Operation.parse({ ...(JSON.parse(outbox.payload) as object), type: outbox.type });
    const resend = pushHandler(central.sqlite).push('SE1', { operations: [op] }, new Date().toISOString());
    expect(resend).toEqual([{ id: op.id, status: 'accepted', seq: outbox.server_seq }]);
    expect(central.sqlite.prepare('SELECT COUNT(*) FROM registrations').pluck().get()).toBe(1);
    expect(central.sqlite.prepare('SELECT COUNT(*) FROM enrolments').pluck().get()).toBe(3);

    // A pharmacy PC gets the child minimised and the account, and finds it by Pa-Pay code.
    const pharmacy = await counter('FAR-CAVATORE', 'cavatore', '1234');
    const marcoMeals = enrolments[0]!;
    const found = await pharmacy.must('accounts.find', { query: marcoMeals.papayCode });
    expect(found.items).toEqual([
      expect.objectContaining({
        accountId: marcoMeals.accountId,
        papayCode: marcoMeals.papayCode,
        service: 'refezione',
        child: expect.objectContaining({ firstName: 'Marco', surname: 'B.' }) as unknown,
      }),
    ]);
    expect(
      pharmacy.sql
        .prepare('SELECT family_id, fiscal_code, birth_date FROM children WHERE id = ?')
        .get(marcoMeals.childId),
    ).toEqual({ family_id: null, fiscal_code: null, birth_date: null });
    expect(pharmacy.sql.prepare('SELECT COUNT(*) FROM families').pluck().get()).toBe(0);
    expect(pharmacy.sql.prepare(`SELECT COUNT(*) FROM accounts WHERE papay_code LIKE 'P-%'`).pluck().get()).toBe(0);
  });

  it('a refusal (the central already has the enrolment, made on the portal) lands in Da risolvere, enrolment rifiutata', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true, tillOptional: true });
    const se1 = await counter('SE1', 'sportello1', '2468');
    const child = se1.sql
      .prepare(
        `SELECT c.id, c.name, c.surname, c.fiscal_code, c.birth_date, c.school, f.fiscal_code AS parentCf, f.name AS parentName,
                f.surname AS parentSurname, f.address
           FROM children c JOIN families f ON f.id = c.family_id ORDER BY c.id LIMIT 1`,
      )
      .get() as Record<string, string>;
    recordPortalEnrolment(central.sqlite, {
      id: 'portal-enrolment-1',
      childId: child.id!,
      service: 'trasporto',
      schoolYear: '2026/2027',
      createdAt: '2026-09-01T08:00:00.000Z',
    });
    const parent = await se1.must('registry.lookup', { fiscalCode: child.parentCf! });
    const kid = await se1.must('registry.lookup', { fiscalCode: child.fiscal_code! });
    const { registration } = await se1.must('registration.save', {
      parent: {
        fiscalCode: child.parentCf!,
        surname: child.parentSurname!,
        name: child.parentName!,
        birthDate: parent.decoded.birthDate!,
        sex: parent.decoded.sex!,
        address: child.address!,
      },
      consent: true,
      children: [
        {
          fiscalCode: child.fiscal_code!,
          surname: child.surname!,
          name: child.name!,
          birthDate: child.birth_date!,
          sex: kid.decoded.sex!,
          school: child.school!,
          enrolments: [
            {
              service: 'trasporto',
              schoolYear: '2026/2027',
              transport: { routeCode: 'L3', stopCode: 'L3-01', direction: 'ritorno' },
            },
          ],
        },
      ],
    });
    const status = await se1.must('sync.now', {});
    expect(status).toMatchObject({ pendingCount: 0, deadLetterCount: 1 });
    const reason =
      `Il servizio centrale ha già l'iscrizione di ${child.name} ${child.surname} a trasporto scolastico ` +
      `per l'anno scolastico 2026/2027 (fatta sul portale WEB GENITORI).`;

    await se1.must('session.login', { operator: 'supervisore', pin: 'carrara-1357' }, 'sup');
    const problems = await se1.must('sync.problems', {}, 'sup');
    const operationId = se1.sql
      .prepare('SELECT operation_id FROM registrations WHERE id = ?')
      .pluck()
      .get(registration.registrationId) as string;
    expect(problems.items).toEqual([
      expect.objectContaining({
        operationId,
        type: 'registration',
        reason,
        reference: `Famiglia ${child.parentSurname!} ${child.parentName!}`,
      }),
    ]);

    const after = await se1.must('registration.get', { registrationId: registration.registrationId });
    expect(after.children[0]!.enrolments[0]).toMatchObject({ state: 'rifiutata', refusal: reason });
    // Nothing of it reached the central: no account, no enrolment from the counter.
    const accountId = after.children[0]!.enrolments[0]!.accountId;
    expect(central.sqlite.prepare('SELECT COUNT(*) FROM accounts WHERE id = ?').pluck().get(accountId)).toBe(0);
    expect(central.sqlite.prepare('SELECT COUNT(*) FROM registrations').pluck().get()).toBe(0);
  });

  it('a refused registration whose account the central opened meanwhile (portal): the central account replaces the provisional one, the sync goes on', async () => {
    central = await startCentral({ dataDir: tmp(), demo: true, tillOptional: true });
    const se1 = await counter('SE1', 'sportello1', '2468');
    const child = se1.sql
      .prepare(
        `SELECT c.id, c.name, c.surname, c.fiscal_code, c.birth_date, c.school, f.fiscal_code AS parentCf, f.name AS parentName,
                f.surname AS parentSurname, f.address
           FROM children c JOIN families f ON f.id = c.family_id
          WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.child_id = c.id AND a.service = 'trasporto')
          ORDER BY c.id LIMIT 1`,
      )
      .get() as Record<string, string>;
    const parent = await se1.must('registry.lookup', { fiscalCode: child.parentCf! });
    const kid = await se1.must('registry.lookup', { fiscalCode: child.fiscal_code! });
    const { registration } = await se1.must('registration.save', {
      parent: {
        fiscalCode: child.parentCf!,
        surname: child.parentSurname!,
        name: child.parentName!,
        birthDate: parent.decoded.birthDate!,
        sex: parent.decoded.sex!,
        address: child.address!,
      },
      consent: true,
      children: [
        {
          fiscalCode: child.fiscal_code!,
          surname: child.surname!,
          name: child.name!,
          birthDate: child.birth_date!,
          sex: kid.decoded.sex!,
          school: child.school!,
          enrolments: [
            {
              service: 'trasporto',
              schoolYear: '2026/2027',
              transport: { routeCode: 'L1', stopCode: 'L1-01', direction: 'andata' },
            },
          ],
        },
      ],
    });
    const provisionalId = registration.children[0]!.enrolments[0]!.accountId;
    const topup = await se1.topup(provisionalId, 1000);
    // Meanwhile the family enrols on the portal: the central opens its own account for the bus.
    central.sqlite
      .prepare(
        `INSERT INTO accounts (id, child_id, service, papay_code, opening_balance_cents, balance_cents, balance_seq, balance_at)
         VALUES ('portal-account-1', ?, 'trasporto', ?, 0, 0, 0, '2026-11-30T08:00:00.000Z')`,
      )
      .run(child.id, makePapayCode(4242));
    changeRecorder(central.sqlite)('account', 'portal-account-1');
    recordPortalEnrolment(central.sqlite, {
      id: 'portal-enrolment-2',
      childId: child.id!,
      service: 'trasporto',
      schoolYear: '2026/2027',
      createdAt: '2026-11-30T08:00:00.000Z',
    });

    const status = await se1.must('sync.now', {});
    expect(status).toMatchObject({ pendingCount: 0, deadLetterCount: 2, lastError: null });
    expect(
      se1.sql
        .prepare(`SELECT id, papay_code, papay_provisional FROM accounts WHERE child_id = ? AND service = 'trasporto'`)
        .all(child.id),
    ).toEqual([{ id: 'portal-account-1', papay_code: makePapayCode(4242), papay_provisional: 0 }]);
    const after = await se1.must('registration.get', { registrationId: registration.registrationId });
    expect(after.children[0]!.enrolments[0]).toMatchObject({
      accountId: 'portal-account-1',
      state: 'rifiutata',
      refusal: `Dati in conflitto: ${child.name} ${child.surname} ha già un conto di trasporto scolastico al servizio centrale.`,
    });
    // The top-up stays, on the child's bus account, and waits in "Da risolvere" (the central refused it).
    expect(se1.sql.prepare('SELECT account_id FROM ledger WHERE id = ?').pluck().get(topup.operationId)).toBe(
      'portal-account-1',
    );
    expect(se1.sql.prepare(`SELECT state FROM outbox WHERE operation_id = ?`).pluck().get(topup.operationId)).toBe(
      'rejected',
    );
    // The next sync runs clean.
    expect(await se1.must('sync.now', {})).toMatchObject({ lastError: null, deadLetterCount: 2 });
  });
});
