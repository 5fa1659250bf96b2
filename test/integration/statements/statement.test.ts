import { afterEach, describe, expect, it } from 'vitest';
import { formatEuro } from '../../../shared/money';
import { pdfText } from '../../support/pdf-text';
import { demoTemplate, openTestCore, pick, type TestCore } from '../../support/core-fixture';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

const NAV = '301000000000000123';

/** A movement another counter or the central recorded, as the feed stores it; the pulled balance counts it. */
function central(
  accountId: string,
  id: string,
  day: string,
  kind: string,
  cents: number,
  extra: { counter?: string; receiptRef?: string; nav?: string; voidsId?: string } = {},
) {
  t.sql
    .prepare(
      `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, voids_id,
                           origin, included_in_server_balance, receipt_ref, nav)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'central', 1, ?, ?)`,
    )
    .run(
      id,
      accountId,
      kind,
      cents,
      `${day}T11:00:00.000Z`,
      day,
      extra.counter ?? null,
      extra.voidsId ?? null,
      extra.receiptRef ?? null,
      extra.nav ?? null,
    );
  t.sql
    .prepare('UPDATE accounts SET server_balance_cents = server_balance_cents + ? WHERE id = ?')
    .run(cents, accountId);
}

const LAST_SYNC = '2026-12-20T17:30:00.000Z';
const AS_OF = 'dati al 20/12/2026 18:30 (ultima sincronizzazione con il servizio centrale)';

/** December after the demo's history: a cash top-up here, a meal, pagoPA with and without notice, a pharmacy top-up and its void, a meal after the period. */
async function december(counter = 'SE1') {
  t = await openTestCore({ counter });
  const a = pick(t.sql).account("a.service = 'refezione'");
  t.clock.set('2026-12-02T08:00:00.000Z');
  await t.login('sportello1', '2468');
  const topup = await t.must('topups.record', { accountId: a.id, amountCents: 5_000, method: 'cash' });
  central(a.id, 'm1', '2026-12-03', 'meal', -480);
  central(a.id, 'p1', '2026-12-04', 'topup_pagopa', 3_000, { nav: NAV });
  central(a.id, 'p2', '2026-12-05', 'topup_pagopa', 1_000);
  central(a.id, 'f1', '2026-12-06', 'topup_card', 2_000, {
    counter: 'FAR-CAVATORE',
    receiptRef: 'FAR-CAVATORE/2026/000002',
  });
  central(a.id, 'f2', '2026-12-06', 'void', -2_000, {
    counter: 'FAR-CAVATORE',
    receiptRef: 'FAR-CAVATORE/2026/000003',
    voidsId: 'f1',
  });
  central(a.id, 'm2', '2026-12-20', 'meal', -480);
  // The feed brought them with the last sync, the evening before.
  t.sql.prepare('UPDATE sync_state SET last_sync_at = ? WHERE id = 1').run(LAST_SYNC);
  t.clock.set('2026-12-21T09:00:00.000Z');
  await t.login('sportello1', '2468');
  const balance = (await t.must('accounts.get', { accountId: a.id })).account.balanceCents;
  return { a, topup, balance };
}

describe('estratto conto', () => {
  it('runs from the opening to a closing that is the balance, says how each was paid, and saves an A4 PDF that reads back', async () => {
    const { a, topup, balance } = await december();
    const { statement, pdfPath } = await t.must('statements.account', {
      accountId: a.id,
      from: '2026-12-01',
      to: '2026-12-15',
      pdf: true,
    });
    expect(statement.closingCents).toBe(balance + 480);
    expect(statement.openingCents).toBe(statement.closingCents - (5_000 - 480 + 3_000 + 1_000 + 2_000 - 2_000));
    expect(statement.lines.map((l) => [l.day, l.channel, l.description, l.amountCents])).toEqual([
      ['2026-12-02', 'sportello', `Ricarica allo sportello SE1 in contanti, ricevuta ${topup.receiptNo}`, 5_000],
      ['2026-12-03', 'mensa', 'Pasto del 03/12/2026', -480],
      ['2026-12-04', 'pagopa', `Pagamento pagoPA, codice avviso ${NAV}`, 3_000],
      ['2026-12-05', 'portale', 'Pagamento dal portale genitori (pagoPA)', 1_000],
      [
        '2026-12-06',
        'farmacia',
        'Ricarica in farmacia FAR-CAVATORE con bancomat/carta, ricevuta FAR-CAVATORE/2026/000002',
        2_000,
      ],
      [
        '2026-12-06',
        'storno',
        'Storno della ricevuta FAR-CAVATORE/2026/000002, ricevuta FAR-CAVATORE/2026/000003',
        -2_000,
      ],
    ]);
    expect(statement.lines.at(-1)!.balanceCents).toBe(statement.closingCents);

    const whole = await t.must('statements.account', { accountId: a.id });
    expect(whole.statement.from).toBe('2026-09-01');
    expect(whole.statement.to).toBe('2026-12-21');
    expect(whole.statement.closingCents).toBe(balance);
    expect(whole.pdfPath).toBeNull();

    const text = pdfText(pdfPath!);
    expect(text).toContain('COMUNE DI CARRARA');
    expect(text).toContain('Estratto conto - Refezione scolastica');
    expect(text).toContain(`Dal 01/12/2026 al 15/12/2026 - codice Pa-Pay ${a.papay_code} - ${AS_OF}`);
    expect(statement.dataAsOf).toBe(LAST_SYNC);
    expect(text).toContain(`Saldo iniziale ${formatEuro(statement.openingCents)}`);
    expect(text).toContain(
      `Pasto del 03/12/2026 ${formatEuro(-480)} ${formatEuro(statement.openingCents + 5_000 - 480)}`,
    );
    expect(text).toContain(`codice avviso ${NAV}`);
    expect(text).toContain(`Saldo finale ${formatEuro(statement.closingCents)}`);
    expect(text).toContain(`Pasti addebitati (1) ${formatEuro(-480)}`);
    const audit = t.sql.prepare("SELECT operator_code, detail FROM audit WHERE action = 'statement.pdf'").all() as {
      operator_code: string;
      detail: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.operator_code).toBe('sportello1');
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ accountId: a.id, from: '2026-12-01', to: '2026-12-15' });
  });

  it('refuses a period backwards or in the future in Italian and writes nothing', async () => {
    const { a } = await december();
    const backwards = await t.call('statements.account', { accountId: a.id, from: '2026-12-10', to: '2026-12-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(JSON.stringify(backwards)).toContain('Periodo al contrario');
    const future = await t.call('statements.account', { accountId: a.id, to: '2026-12-22', pdf: true });
    expect(JSON.stringify(future)).toContain('Il periodo non può finire nel futuro: oggi è il 21/12/2026');
    expect(t.sql.prepare("SELECT COUNT(*) AS n FROM audit WHERE action LIKE 'statement.%'").get()).toEqual({ n: 0 });
  });

  it('prints the last movements on the receipt printer through the one print path, audited', async () => {
    const { a, balance } = await december();
    const out = await t.must('statements.printShort', { accountId: a.id, last: 3 });
    expect(out.printed).toBe(true);
    expect(out.text).toContain('ESTRATTO CONTO - ULTIMI MOVIMENTI');
    expect(out.text).toContain('ULTIMI 3 MOVIMENTI');
    expect(out.text).toContain('Dati al: 20/12/2026 18:30');
    expect(out.text).toContain('20/12/2026 Pasto del 20/12/2026');
    expect(out.text).not.toContain('03/12/2026');
    expect(out.text).toMatch(new RegExp(`SALDO\\s+${formatEuro(balance).replace(/[.€]/g, '\\$&')}`));
    expect(t.printer.jobs.at(-1)!.text).toBe(out.text);
    const audit = t.sql.prepare("SELECT detail FROM audit WHERE action = 'statement.printShort'").get() as {
      detail: string;
    };
    expect(JSON.parse(audit.detail)).toMatchObject({ accountId: a.id, movements: 3, printed: true });
  });

  it('at a pharmacy: the short slip minimised, the full statement refused', async () => {
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    const a = pick(t.sql).account("a.service = 'refezione'");
    t.clock.set('2026-12-21T09:00:00.000Z');
    await t.login('cavatore', '1234');
    const refused = await t.call('statements.account', { accountId: a.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(refused)).toContain("L'estratto conto completo si consulta");
    const template = demoTemplate();
    const child = template.prepare('SELECT name, surname FROM children WHERE id = ?').get(a.child_id) as {
      name: string;
      surname: string;
    };
    template.close();
    const out = await t.must('statements.printShort', { accountId: a.id });
    expect(out.text).toContain(`${child.name} ${child.surname.charAt(0)}.`);
    expect(out.text).not.toContain(child.surname.slice(1));
  });
});
