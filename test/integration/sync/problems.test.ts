import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../support/core-fixture';

/** "Da risolvere" names every kind of refused operation so the supervisor recognises it. */
describe('refused operations: what names them', () => {
  let t: TestCore | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('a receipt number, a codice avviso in groups of four, a family; nothing, never the operation id, when nothing is known', async () => {
    t = await openTestCore();
    const account = t.sql
      .prepare(
        `SELECT a.id, c.name || ' ' || c.surname AS child FROM accounts a JOIN children c ON c.id = a.child_id
          WHERE a.service = 'refezione' ORDER BY a.papay_code LIMIT 1`,
      )
      .get() as { id: string; child: string };
    const park = t.sql.prepare(
      `INSERT INTO outbox (operation_id, type, payload, created_at, state, rejected_reason)
       VALUES (?, ?, ?, '2026-11-30T09:00:00.000Z', 'rejected', 'Rifiutata per prova')`,
    );
    park.run(
      'op-topup',
      'topup',
      JSON.stringify({ receiptNo: 'SE1-2026-000042', accountId: account.id, amountCents: 2000 }),
    );
    park.run(
      'op-notice',
      'notice',
      JSON.stringify({ accountId: 'a1', amountCents: 4550, payments: [{ nav: '301000000001234519' }] }),
    );
    park.run('op-cancel', 'notice_cancel', JSON.stringify({ noticeId: 'sconosciuto', accountId: 'a1' }));
    park.run('op-reg', 'registration', JSON.stringify({ family: { surname: 'Zanzi', name: 'Mario' } }));

    await t.must('session.login', { operator: 'supervisore', pin: 'carrara-1357' }, 'sup');
    const { items } = await t.must('sync.problems', {}, 'sup');
    expect(items.map((p) => [p.operationId, p.type, p.reference, p.accountId, p.amountCents, p.child])).toEqual([
      // The child by name and service, so the supervisor never reads an id.
      ['op-topup', 'topup', 'SE1-2026-000042', account.id, 2000, `${account.child} (Refezione scolastica)`],
      // An account this counter does not hold: no name to show, and no id either.
      ['op-notice', 'notice', 'Avviso 3010 0000 0001 2345 19', 'a1', 4550, null],
      ['op-cancel', 'notice_cancel', '', 'a1', 0, null],
      // A registration moves no one account: null, as the contract says (it was '', outside it).
      ['op-reg', 'registration', 'Famiglia Zanzi Mario', null, 0, null],
    ]);
  });
});
