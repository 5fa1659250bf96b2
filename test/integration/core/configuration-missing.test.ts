import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CounterConfig } from '../../../shared/config';
import type { Reply } from '../../../shared/errors';
import { DEMO_ENTE } from '../../../seeds/ente';
import { DEMO_ENROLMENT } from '../../../seeds/enrolment';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { accountWithParent } from '../notices/notice-fixture';
import { failure } from '../sync/sync-fixture';
import { familyInput } from '../registration/registration-fixture';

/**
 * A counter whose configuration lacks the Ente creditore or the enrolments refuses the operations
 * that need them, naming what to configure, and writes nothing: it never falls back to the demo's
 * placeholder codes (a family could pay a notice to codes that are not the Comune's).
 */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const withoutEnte = ({ ente: _ente, ...rest }: CounterConfig): CounterConfig => rest;
const withoutEnrolment = ({ enrolment: _enrolment, ...rest }: CounterConfig): CounterConfig => rest;
const ENTE_MISSING = /^Dati dell'Ente creditore non configurati per lo sportello SE1: .*sezione "ente"/;
const ENROLMENT_MISSING = /^Configurazione delle iscrizioni assente per lo sportello SE1: .*sezione "enrolment"/;

function addNoticeBlock(core: TestCore): void {
  core.sql
    .prepare(
      `INSERT INTO notice_blocks (request_id, requested_at, segregation_code, first_base, last_base, next_base, received_at)
       VALUES ('0190b6e4-0000-7000-8000-0000000000bb', '2026-11-30T08:00:00.000Z', '01', 100, 199, 100,
               '2026-11-30T08:00:01.000Z')`,
    )
    .run();
}

function noticeFootprint(core: TestCore) {
  const p = pick(core.sql);
  return {
    notices: p.count('notices'),
    outbox: p.count('outbox'),
    audit: p.count('audit'),
    nextBase: core.sql.prepare('SELECT sum(next_base) FROM notice_blocks').pluck().get(),
  };
}

describe('a counter without the Ente creditore', () => {
  it('the demo counters carry the demo Ente and enrolments explicitly in their stored configuration', async () => {
    t = await openTestCore();
    const config = JSON.parse(
      t.sql.prepare("SELECT config FROM counters WHERE code = 'SE1'").pluck().get() as string,
    ) as CounterConfig;
    expect(config.ente).toEqual(DEMO_ENTE);
    expect(config.enrolment).toEqual(DEMO_ENROLMENT);
  });

  it('refuses to issue a notice, naming what to configure, and writes nothing', async () => {
    t = await openTestCore({ config: withoutEnte });
    addNoticeBlock(t);
    await t.login('sportello1', '2468');
    const acc = accountWithParent(t.sql);
    const before = noticeFootprint(t);
    const r = await t.call('notices.issue', { accountId: acc.id, amountCents: 2350, subject: 'Ricarica refezione' });
    expect(failure(r).code).toBe('NOT_CONFIGURED');
    expect(failure(r).message).toMatch(ENTE_MISSING);
    expect(noticeFootprint(t)).toEqual(before);
    expect(fs.existsSync(path.join(t.dataDir, 'documents', 'avvisi'))).toBe(false);
  });

  it('refuses to reprint or print on the receipt printer a notice issued before the Ente was removed', async () => {
    t = await openTestCore();
    addNoticeBlock(t);
    await t.login('sportello1', '2468');
    const acc = accountWithParent(t.sql);
    const issued = await t.must('notices.issue', { accountId: acc.id, amountCents: 2350, subject: 'Ricarica' });
    fs.rmSync(issued.pdfPath);
    const { dataDir } = t;
    await t.close();

    t = await openTestCore({ dataDir, config: withoutEnte });
    await t.login('sportello1', '2468');
    const reprint = await t.call('notices.reprint', { noticeId: issued.noticeId });
    expect(failure(reprint).code).toBe('NOT_CONFIGURED');
    expect(fs.existsSync(issued.pdfPath)).toBe(false);
    const thermal = await t.call('notices.printThermal', { noticeId: issued.noticeId });
    expect(failure(thermal).code).toBe('NOT_CONFIGURED');
    expect(failure(thermal).message).toMatch(ENTE_MISSING);
    expect(t.printer.jobs).toEqual([]);
    // Finding a notice needs no Ente: the operator can still tell the family where it stands.
    expect((await t.must('notices.find', { query: issued.nav })).items).toHaveLength(1);
  });
});

describe('a counter without the enrolment configuration', () => {
  it('refuses the registration form, the quote and the save, naming what to configure, and writes nothing', async () => {
    t = await openTestCore({ config: withoutEnrolment });
    await t.login('sportello1', '2468');
    const p = pick(t.sql);
    const before = { families: p.count('families'), outbox: p.count('outbox'), audit: p.count('audit') };
    const refusedFor = (reply: Reply<unknown>) => {
      expect(failure(reply).code).toBe('NOT_CONFIGURED');
      expect(failure(reply).message).toMatch(ENROLMENT_MISSING);
    };
    refusedFor(await t.call('registration.options', {}));
    const enrolment = familyInput().children[0]!.enrolments[0]!;
    refusedFor(
      await t.call('registration.quote', {
        service: enrolment.service,
        schoolYear: enrolment.schoolYear,
        iseeCents: 1_200_000,
        iseeDate: '2026-02-10',
        siblingOrder: 1,
      }),
    );
    refusedFor(await t.call('registration.save', familyInput()));
    expect({ families: p.count('families'), outbox: p.count('outbox'), audit: p.count('audit') }).toEqual(before);
  });
});
