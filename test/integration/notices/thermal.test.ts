import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ENTE } from '../../../seeds/ente';
import { pagopaQrPayload } from '../../../shared/pagopa/qr';
import { openTestCore, type TestCore } from '../../support/core-fixture';
import { failure } from '../sync/sync-fixture';
import { accountWithParent } from './notice-fixture';

/** The notice on the receipt printer: its essential data and the pagoPA QR, never a codice fiscale. */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function frontOfficeWithBlock(): Promise<TestCore> {
  const core = await openTestCore();
  core.sql
    .prepare(
      `INSERT INTO notice_blocks (request_id, requested_at, segregation_code, first_base, last_base, next_base, received_at)
       VALUES ('0190b6e4-0000-7000-8000-0000000000aa', '2026-11-30T08:00:00.000Z', '01', 100, 199, 100,
               '2026-11-30T08:00:01.000Z')`,
    )
    .run();
  await core.login('sportello1', '2468');
  return core;
}

describe('notices.printThermal', () => {
  it('prints the codice avviso, the amount and the QR the PSP apps read; records the outcome', async () => {
    t = await frontOfficeWithBlock();
    const acc = accountWithParent(t.sql);
    const n = await t.must('notices.issue', { accountId: acc.id, amountCents: 2350, subject: 'Ricarica refezione' });
    const printed = await t.must('notices.printThermal', { noticeId: n.noticeId });
    expect(printed).toMatchObject({ noticeId: n.noticeId, printed: true });
    const job = t.printer.jobs.at(-1)!;
    expect(job.qr).toBe(pagopaQrPayload(n.nav, DEMO_ENTE.fiscalCode, 2350));
    expect(job.text).toBe(printed.text);
    expect(printed.text.replace(/\s/g, '')).toContain(n.nav);
    expect(printed.text).toContain(`${acc.childName} ${acc.childSurname[0]}.`);
    expect(printed.text).not.toContain(acc.childCf);
    expect(printed.text).not.toContain(acc.parentCf);

    t.printer.failWith = 'Stampante non raggiungibile (prova)';
    const failed = await t.must('notices.printThermal', { noticeId: n.noticeId });
    expect(failed).toMatchObject({ printed: false, printError: 'Stampante non raggiungibile (prova)' });
    const outcomes = t.sql
      .prepare(`SELECT detail FROM audit WHERE action = 'notice.printThermal' ORDER BY id`)
      .pluck()
      .all()
      .map((d) => JSON.parse(d as string) as { printed: boolean });
    expect(outcomes.map((o) => o.printed)).toEqual([true, false]);
  });

  it('a notice in instalments prints its first unpaid rata; a cancelled one is not printed', async () => {
    t = await frontOfficeWithBlock();
    const acc = accountWithParent(t.sql);
    const n = await t.must('notices.issue', {
      accountId: acc.id,
      amountCents: 3000,
      subject: 'Asilo nido',
      installments: [
        { amountCents: 1000, dueDate: '2026-12-15' },
        { amountCents: 2000, dueDate: '2027-01-15' },
      ],
    });
    t.sql.prepare('UPDATE notice_payments SET paid_at = ? WHERE nav = ?').run('2026-11-30T10:00:00.000Z', n.nav);
    await t.must('notices.printThermal', { noticeId: n.noticeId });
    expect(t.printer.jobs.at(-1)!.qr).toBe(pagopaQrPayload(n.notice.payments[1]!.nav, DEMO_ENTE.fiscalCode, 2000));
    t.sql.prepare(`UPDATE notices SET state = 'annullato' WHERE id = ?`).run(n.noticeId);
    expect(failure(await t.call('notices.printThermal', { noticeId: n.noticeId })).code).toBe('INPUT_INVALID');
  });
});
