import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatNavGroups, isValidNav } from '../../../shared/pagopa/nav';
import { parseFaultSpec } from '../../../central';
import { openDatabase } from '../../../src-main/db/open';
import { ensureNoticeBlock } from '../../../src-main/sync/blocks';
import { CentralClient, CentralTransportError } from '../../../src-main/sync/http';
import { failure } from '../sync/sync-fixture';
import { accountWithParent, balanceOf, DUE, remaining, startWorld, type World } from './notice-fixture';

/** Notices end to end: a counter on real SQLite against the central emulator over HTTP. */

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const NOT_REGISTERED = /non ancora registrato.*PSP/;

describe('pagoPA notices against the central emulator', () => {
  it('the first sync brings a block; issued offline: emesso with its warning; sync: registrato; paid centrally: pagato and the balance rises once', async () => {
    world = await startWorld();
    const t = await world.counter('SE1', 'sportello1', '2468');
    expect(remaining(t.sql)).toBe(1000);
    const acc = accountWithParent(t.sql);
    const before = balanceOf(t.sql, acc.id);

    world.offline(true);
    const issued = await t.must('notices.issue', {
      accountId: acc.id,
      amountCents: 4550,
      subject: 'Ricarica refezione scolastica',
      dueDate: DUE,
    });
    expect(isValidNav(issued.nav)).toBe(true);
    expect(issued.nav).toMatch(/^301\d{15}$/);
    expect(issued.iuv).toBe(issued.nav.slice(1));
    expect(issued.notice).toMatchObject({
      state: 'emesso',
      amountCents: 4550,
      dueDate: DUE,
      debtor: { fiscalCode: acc.parentCf, name: acc.parentName },
      childLabel: `${acc.childName} ${acc.childSurname}`,
      cancelRequested: false,
    });
    expect(issued.notice.warning).toMatch(NOT_REGISTERED);
    expect(issued.pdfPath).toBe(`${t.dataDir}/documents/avvisi/${issued.nav}.pdf`);
    expect(fs.readFileSync(issued.pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', issued.pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(formatNavGroups(issued.nav));
    expect(text).toContain('45,50');
    expect(remaining(t.sql)).toBe(999);
    expect(await t.must('sync.now', {})).toMatchObject({ online: false, pendingCount: 1 });
    expect((await t.must('notices.find', { query: issued.nav })).items[0]).toMatchObject({ state: 'emesso' });

    world.offline(false);
    expect(await t.must('sync.now', {})).toMatchObject({ online: true, pendingCount: 0 });
    const registered = (await t.must('notices.find', { query: issued.nav })).items[0]!;
    expect(registered).toMatchObject({ state: 'registrato', warning: null });

    const paid = await world.admin<{ state: string; balanceCents: number }>('POST', '/admin/notices/pay', {
      nav: issued.nav,
    });
    expect(paid.status).toBe(200);
    expect(paid.body.state).toBe('pagato');
    // The PSP pays once: a second payment of the same notice is refused.
    expect((await world.admin('POST', '/admin/notices/pay', { nav: issued.nav })).status).toBe(409);

    await t.must('sync.now', {});
    const found = (await t.must('notices.find', { query: acc.papayCode })).items;
    expect(found.map((n) => [n.noticeId, n.state])).toEqual([[issued.noticeId, 'pagato']]);
    expect(found[0]!.paidAt).not.toBeNull();
    expect(balanceOf(t.sql, acc.id)).toBe(before + 4550);
    expect(paid.body.balanceCents).toBe(balanceOf(t.sql, acc.id));
    await t.must('sync.now', {});
    expect(balanceOf(t.sql, acc.id)).toBe(before + 4550);
    const pagopa = t.sql
      .prepare(`SELECT COUNT(*) FROM ledger WHERE account_id = ? AND kind = 'topup_pagopa'`)
      .pluck()
      .get(acc.id);
    expect(pagopa).toBe(1);
    // The A4 notice of a registered notice no longer carries the warning: reprint says it is registered.
    const again = await t.must('notices.reprint', { noticeId: issued.noticeId });
    expect(again.pdfPath).toBe(issued.pdfPath);
    expect(t.sql.prepare(`SELECT COUNT(*) FROM audit WHERE action = 'notice.reprint'`).pluck().get()).toBe(1);
  });

  it('cancels an unpaid notice; a PSP then refuses it. A payment that came first wins and the operator is told', async () => {
    world = await startWorld();
    const t = await world.counter('SE1', 'sportello1', '2468');
    const acc = accountWithParent(t.sql);
    const a = await t.must('notices.issue', { accountId: acc.id, amountCents: 3000, subject: 'Trasporto scolastico' });
    const b = await t.must('notices.issue', { accountId: acc.id, amountCents: 2000, subject: 'Refezione scolastica' });
    await t.must('sync.now', {});

    const cancelled = await t.must('notices.cancel', { noticeId: a.noticeId, reason: 'Importo errato' });
    expect(cancelled.notice).toMatchObject({ state: 'annullato', cancelRequested: false });
    expect(cancelled.message).toMatch(/annullato/);
    const refused = await world.admin<{ error: { message: string } }>('POST', '/admin/notices/pay', { nav: a.nav });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/annullato/);
    // Nor can it be cancelled twice or printed again.
    expect(failure(await t.call('notices.cancel', { noticeId: a.noticeId, reason: 'ancora' })).code).toBe(
      'INPUT_INVALID',
    );
    expect(failure(await t.call('notices.reprint', { noticeId: a.noticeId })).code).toBe('INPUT_INVALID');

    // The family pays b while the counter has not synced yet; then the operator asks to cancel it.
    const before = balanceOf(t.sql, acc.id);
    expect((await world.admin('POST', '/admin/notices/pay', { nav: b.nav })).status).toBe(200);
    const race = await t.must('notices.cancel', { noticeId: b.noticeId, reason: 'Pagato altrove' });
    expect(race.notice).toMatchObject({ state: 'pagato', cancelRequested: false });
    expect(race.message).toBe("Il pagamento è arrivato prima dell'annullamento: l'avviso risulta pagato.");
    expect(balanceOf(t.sql, acc.id)).toBe(before + 2000);
  });

  it('offline, a cancellation is queued: the notice stays payable until the central confirms', async () => {
    world = await startWorld();
    const t = await world.counter('SE1', 'sportello1', '2468');
    const acc = accountWithParent(t.sql);
    const n = await t.must('notices.issue', { accountId: acc.id, amountCents: 1500, subject: 'Asilo nido, retta' });
    await t.must('sync.now', {});
    world.offline(true);
    const queued = await t.must('notices.cancel', { noticeId: n.noticeId, reason: 'Richiesta della famiglia' });
    expect(queued.notice).toMatchObject({ state: 'registrato', cancelRequested: true });
    expect(queued.message).toMatch(/in coda.*resta pagabile/);
    expect(queued.notice.warning).toMatch(/Annullamento richiesto/);
    world.offline(false);
    await t.must('sync.now', {});
    expect((await t.must('notices.find', { query: n.nav })).items[0]).toMatchObject({
      state: 'annullato',
      cancelRequested: false,
    });
  });

  it('a notice that expires centrally becomes scaduto at the counter, with its warning', async () => {
    world = await startWorld();
    const t = await world.counter('SE1', 'sportello1', '2468');
    const acc = accountWithParent(t.sql);
    const n = await t.must('notices.issue', {
      accountId: acc.id,
      amountCents: 1200,
      subject: 'Trasporto',
      dueDate: DUE,
    });
    await t.must('sync.now', {});
    expect((await world.admin('POST', '/admin/notices/expire', { nav: n.nav })).status).toBe(200);
    await t.must('sync.now', {});
    const view = (await t.must('notices.find', { query: acc.childCf })).items.find((v) => v.noticeId === n.noticeId);
    expect(view).toMatchObject({ state: 'scaduto', warning: 'Avviso scaduto: i PSP non lo accettano più.' });
    expect(failure(await t.call('notices.cancel', { noticeId: n.noticeId, reason: 'scaduto' })).code).toBe(
      'INPUT_INVALID',
    );
  });

  it('instalments: one NAV per rata from consecutive bases, each paid on its own; the notice is paid with the last', async () => {
    world = await startWorld();
    const t = await world.counter('SE1', 'sportello1', '2468');
    const acc = accountWithParent(t.sql, 1);
    const input = {
      accountId: acc.id,
      amountCents: 30000,
      subject: 'Asilo nido, retta annuale',
      installments: [
        { amountCents: 10000, dueDate: '2026-12-15' },
        { amountCents: 10000, dueDate: '2027-01-15' },
        { amountCents: 10000, dueDate: '2027-02-15' },
      ],
    };
    const wrongSum = failure(await t.call('notices.issue', { ...input, installments: input.installments.slice(0, 2) }));
    expect(wrongSum).toMatchObject({ code: 'INPUT_INVALID' });
    expect(wrongSum.message).toMatch(/somma delle rate/);
    const backwards = [input.installments[1]!, input.installments[0]!, input.installments[2]!];
    expect(failure(await t.call('notices.issue', { ...input, installments: backwards })).message).toMatch(
      /deve essere dopo/,
    );
    expect(
      failure(await t.call('notices.issue', { ...input, installments: undefined, dueDate: '2026-11-01' })).message,
    ).toMatch(/già passata/);
    expect(failure(await t.call('notices.issue', { ...input, installments: undefined, amountCents: 0 })).code).toBe(
      'AMOUNT_OUT_OF_RANGE',
    );
    expect(remaining(t.sql)).toBe(1000);

    const issued = await t.must('notices.issue', input);
    const navs = issued.notice.payments.map((p) => p.nav);
    expect(issued.notice.payments.map((p) => [p.installment, p.amountCents, p.dueDate])).toEqual([
      [1, 10000, '2026-12-15'],
      [2, 10000, '2027-01-15'],
      [3, 10000, '2027-02-15'],
    ]);
    const bases = navs.map((nav) => Number(nav.slice(3, 16)));
    expect(bases).toEqual([bases[0], bases[0]! + 1, bases[0]! + 2]);
    expect(navs.every(isValidNav)).toBe(true);
    expect(issued.nav).toBe(navs[0]);
    await t.must('sync.now', {});
    const before = balanceOf(t.sql, acc.id);
    for (const [i, nav] of navs.entries()) {
      expect((await world.admin('POST', '/admin/notices/pay', { nav })).status).toBe(200);
      await t.must('sync.now', {});
      const view = (await t.must('notices.find', { query: nav })).items[0]!;
      expect(view.state).toBe(i < 2 ? 'registrato' : 'pagato');
      expect(balanceOf(t.sql, acc.id)).toBe(before + 10000 * (i + 1));
    }
  });

  it('a notice in instalments with a rata already paid is not cancelled, and the operator is told', async () => {
    world = await startWorld();
    const t = await world.counter('SE1', 'sportello1', '2468');
    const acc = accountWithParent(t.sql);
    const n = await t.must('notices.issue', {
      accountId: acc.id,
      amountCents: 2000,
      subject: 'Trasporto, due rate',
      installments: [
        { amountCents: 1000, dueDate: '2026-12-15' },
        { amountCents: 1000, dueDate: '2027-01-15' },
      ],
    });
    await t.must('sync.now', {});
    expect((await world.admin('POST', '/admin/notices/pay', { nav: n.nav })).status).toBe(200);
    const answer = await t.must('notices.cancel', { noticeId: n.noticeId, reason: 'Ritiro dal servizio' });
    expect(answer.notice).toMatchObject({ state: 'registrato', cancelRequested: false });
    expect(answer.message).toMatch(/non ha annullato.*rata/);
    // The second rata stays payable.
    expect((await world.admin('POST', '/admin/notices/pay', { nav: n.notice.payments[1]!.nav })).status).toBe(200);
  });

  it('with no base left the counter says so in Italian and changes nothing; the next sync brings a new block', async () => {
    world = await startWorld();
    const t = await world.counter('SE1', 'sportello1', '2468');
    const acc = accountWithParent(t.sql);
    world.offline(true);
    // Leave two bases in the block.
    t.sql.prepare('UPDATE notice_blocks SET next_base = last_base - 1').run();
    const counts = () =>
      t.sql
        .prepare(
          `SELECT (SELECT COUNT(*) FROM notices) AS notices, (SELECT COUNT(*) FROM notice_payments) AS payments,
                  (SELECT COUNT(*) FROM outbox) AS outbox, (SELECT COUNT(*) FROM audit) AS audit,
                  (SELECT group_concat(next_base) FROM notice_blocks) AS next`,
        )
        .get();
    const rate = [
      { amountCents: 1000, dueDate: '2026-12-15' },
      { amountCents: 1000, dueDate: '2027-01-15' },
      { amountCents: 1000, dueDate: '2027-02-15' },
    ];
    const start = counts();
    // Three instalments need three bases: none is taken.
    const tooMany = failure(
      await t.call('notices.issue', { accountId: acc.id, amountCents: 3000, subject: 'Rate', installments: rate }),
    );
    expect(tooMany).toEqual({
      code: 'NOTICE_CODES_EXHAUSTED',
      message:
        'Nessun codice avviso disponibile: serve un collegamento con il servizio centrale per riceverne di nuovi.',
    });
    expect(counts()).toEqual(start);
    await t.must('notices.issue', { accountId: acc.id, amountCents: 1000, subject: 'Prima' });
    await t.must('notices.issue', { accountId: acc.id, amountCents: 1000, subject: 'Seconda' });
    const afterTwo = counts();
    expect(
      failure(await t.call('notices.issue', { accountId: acc.id, amountCents: 1000, subject: 'Terza' })).code,
    ).toBe('NOTICE_CODES_EXHAUSTED');
    expect(counts()).toEqual(afterTwo);
    expect(remaining(t.sql)).toBe(0);

    world.offline(false);
    await t.must('sync.now', {});
    expect(remaining(t.sql)).toBe(1000);
    const third = await t.must('notices.issue', { accountId: acc.id, amountCents: 1000, subject: 'Terza' });
    // The new block follows the old one: no base ever given twice.
    const navs = t.sql.prepare('SELECT nav FROM notice_payments').pluck().all() as string[];
    expect(new Set(navs).size).toBe(navs.length);
    expect(Number(third.nav.slice(3, 16))).toBe(1001);
  });

  it('a block whose reply was lost is the same block when asked again: no range is assigned twice', async () => {
    world = await startWorld();
    const t = await world.counter('SE1', 'sportello1', '2468');
    t.sql.prepare('UPDATE notice_blocks SET next_base = last_base - 49').run();
    expect(remaining(t.sql)).toBe(50);
    // The block request alone, its reply lost after the central committed it.
    const db = await openDatabase(t.dataDir);
    const token = t.sql.prepare('SELECT token FROM sync_state').pluck().get() as string;
    world.central.faults.set(parseFaultSpec('dropAfterCommit=1'));
    await expect(
      ensureNoticeBlock(db, new CentralClient({ baseUrl: world.central.url, token }), () => t.clock.now()),
    ).rejects.toBeInstanceOf(CentralTransportError);
    await db.close();
    world.offline(false);
    const centralBlocks = () =>
      world!.central.sqlite
        .prepare(
          `SELECT request_id, first_base, last_base FROM notice_blocks WHERE counter_code = 'SE1' ORDER BY first_base`,
        )
        .all() as { request_id: string; first_base: number; last_base: number }[];
    expect(centralBlocks()).toHaveLength(2);
    const pending = t.sql.prepare('SELECT request_id FROM notice_blocks WHERE first_base IS NULL').pluck().all();
    expect(pending).toEqual([centralBlocks()[1]!.request_id]);
    await t.must('sync.now', {});
    expect(centralBlocks()).toHaveLength(2);
    expect(remaining(t.sql)).toBe(1050);
    const local = t.sql
      .prepare('SELECT request_id, first_base, last_base FROM notice_blocks ORDER BY first_base')
      .all();
    expect(local).toEqual(centralBlocks());
  });

  it('a notice sent again after a lost reply is stored once centrally, with its original seq', async () => {
    world = await startWorld();
    const t = await world.counter('SE1', 'sportello1', '2468');
    const acc = accountWithParent(t.sql);
    const n = await t.must('notices.issue', { accountId: acc.id, amountCents: 2500, subject: 'Ricarica refezione' });
    world.central.faults.set(parseFaultSpec('dropAfterCommit=1'));
    expect(await t.must('sync.now', {})).toMatchObject({ pendingCount: 1 });
    world.central.faults.set(parseFaultSpec('duplicate=1'));
    expect(await t.must('sync.now', {})).toMatchObject({ pendingCount: 0 });
    world.offline(false);
    const central = world.central.sqlite;
    expect(central.prepare('SELECT COUNT(*) FROM notices WHERE id = ?').pluck().get(n.noticeId)).toBe(1);
    const seq = central.prepare('SELECT seq FROM notices WHERE id = ?').pluck().get(n.noticeId);
    expect(t.sql.prepare('SELECT server_seq FROM outbox WHERE operation_id = ?').pluck().get(n.noticeId)).toBe(seq);
    expect((await t.must('notices.find', { query: n.nav })).items[0]!.state).toBe('registrato');
  });
});

describe('notices at a pharmacy', () => {
  it('found by codice avviso or Pa-Pay only, without the debtor; printed on the receipt printer; never issued', async () => {
    world = await startWorld();
    const se1 = await world.counter('SE1', 'sportello1', '2468');
    const acc = accountWithParent(se1.sql);
    const n = await se1.must('notices.issue', { accountId: acc.id, amountCents: 4000, subject: 'Refezione' });
    await se1.must('sync.now', {});

    const far = await world.counter('FAR-CAVATORE', 'cavatore', '1234');
    expect(far.sql.prepare('SELECT COUNT(*) FROM notice_blocks').pluck().get()).toBe(0);
    expect(
      far.sql
        .prepare('SELECT COUNT(*) FROM notices WHERE debtor_name IS NOT NULL OR debtor_fiscal_code IS NOT NULL')
        .pluck()
        .get(),
    ).toBe(0);
    const byCf = failure(await far.call('notices.find', { query: acc.parentCf }));
    expect(byCf.code).toBe('FORBIDDEN');
    expect(byCf.message).toMatch(/codice avviso o codice Pa-Pay/);
    expect(failure(await far.call('notices.find', { query: acc.childCf })).code).toBe('FORBIDDEN');

    const spaced = n.nav.replace(/(\d{4})(?=\d)/g, '$1 ');
    const byNav = (await far.must('notices.find', { query: spaced })).items;
    expect(byNav).toHaveLength(1);
    expect(byNav[0]).toMatchObject({
      noticeId: n.noticeId,
      state: 'registrato',
      childLabel: `${acc.childName} ${acc.childSurname[0]}.`,
    });
    expect(byNav[0]!.debtor).toBeUndefined();
    const byPapay = (await far.must('notices.find', { query: acc.papayCode })).items;
    expect(byPapay.map((v) => v.noticeId)).toEqual([n.noticeId]);
    expect(JSON.stringify(byPapay)).not.toContain(acc.parentCf);
    // The pharmacy's way: the receipt printer, with the QR, the child's first name and initial, no codice fiscale.
    const printed = await far.must('notices.printThermal', { noticeId: n.noticeId });
    expect(printed.printed).toBe(true);
    expect(printed.text).toContain(`${acc.childName} ${acc.childSurname[0]}.`);
    expect(printed.text).not.toContain(acc.parentCf);
    expect(printed.text).not.toContain(acc.childCf);

    expect(
      failure(await far.call('notices.issue', { accountId: acc.id, amountCents: 1000, subject: 'Mai' })).code,
    ).toBe('FORBIDDEN');
    expect(failure(await far.call('notices.reprint', { noticeId: n.noticeId })).code).toBe('FORBIDDEN');
    expect(failure(await far.call('notices.cancel', { noticeId: n.noticeId, reason: 'nessuno' })).code).toBe(
      'FORBIDDEN',
    );
  });
});
