import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import type { CounterConfig } from '../../../shared/config';
import { withCheckCharacter } from '../../../shared/codiceFiscale';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

async function frontOffice(config?: (c: CounterConfig) => CounterConfig): Promise<TestCore> {
  t = await openTestCore(config ? { config } : {});
  await t.login('sportello1', '2468');
  return t;
}

function rowsOf(op: string) {
  return {
    ledger: pick(t.sql).count('ledger', `id = '${op}'`),
    receipts: pick(t.sql).count('receipts', `operation_id = '${op}'`),
    outbox: pick(t.sql).count('outbox', `operation_id = '${op}'`),
    audit: pick(t.sql).count('audit', `detail LIKE '%${op}%'`),
  };
}

function totals() {
  const p = pick(t.sql);
  return {
    ledger: p.count('ledger'),
    receipts: p.count('receipts'),
    outbox: p.count('outbox'),
    audit: p.count('audit'),
    seq: p.count('receipt_sequences'),
  };
}

describe('top-ups', () => {
  it('marks on its own row an operation not yet sent, and one the central refused', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const r = await t.must('topups.record', { accountId: acc.id, amountCents: 2000, method: 'cash' });
    const stateOf = async () =>
      (await t.must('accounts.get', { accountId: acc.id })).operations.map((o) => [o.operationId, o.sendState]);
    const [first, ...rest] = await stateOf();
    expect(first).toEqual([r.operationId, 'to_send']);
    // The demo's history came from the central: its balance counts it already.
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every(([, state]) => state === null)).toBe(true);
    t.sql.prepare(`UPDATE outbox SET state = 'rejected' WHERE operation_id = ?`).run(r.operationId);
    expect((await stateOf())[0]).toEqual([r.operationId, 'rejected']);
  });

  it('writes ledger, receipt, outbox and audit together and returns the new balance', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const before = (await t.must('accounts.get', { accountId: acc.id })).account.balanceCents;
    const r = await t.must('topups.record', {
      accountId: acc.id,
      amountCents: 2050,
      method: 'card',
      posAuthCode: 'a1b2c3',
      payerCf: 'RSSMRA72L09H501S',
    });
    expect(r.receiptNo).toBe('SE1/2026/000001');
    expect(r.balanceBeforeCents).toBe(before);
    expect(r.balanceAfterCents).toBe(before + 2050);
    expect(r.printed).toBe(true);
    expect(rowsOf(r.operationId)).toEqual({ ledger: 1, receipts: 1, outbox: 1, audit: 1 });
    expect(r.operationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const entry = t.sql.prepare('SELECT * FROM ledger WHERE id = ?').get(r.operationId) as Record<string, unknown>;
    expect(entry).toMatchObject({
      kind: 'topup_card',
      amount_cents: 2050,
      pos_auth_code: 'A1B2C3',
      payer_cf: 'RSSMRA72L09H501S',
      origin: 'local',
      included_in_server_balance: 0,
    });
    const after = (await t.must('accounts.get', { accountId: acc.id })).account;
    expect(after).toMatchObject({ balanceCents: before + 2050, pendingCents: 2050 });
    // The stored receipt text is what was printed, and it says the payment is traceable.
    const stored = t.sql.prepare('SELECT text FROM receipts WHERE receipt_no = ?').get(r.receiptNo) as { text: string };
    expect(stored.text).toBe(r.receiptText);
    expect(t.printer.jobs[0]).toMatchObject({ text: r.receiptText, qr: r.operationId });
    expect(r.receiptText).toMatch(/Pagamento tracciabile: sì/);
    expect(r.receiptText).toContain(acc.papay_code);
    // The Comune's header, then the counter's name and address once.
    expect(
      r.receiptText
        .split('\n')
        .slice(0, 2)
        .map((l) => l.trim()),
    ).toEqual(['COMUNE DI CARRARA', 'Servizi Educativi e Scolastici']);
    expect(r.receiptText.split('Via Solferino 12A')).toHaveLength(2);
  });

  it('a cash receipt says it is not traceable and, without payer CF, that it cannot go on the 730', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const r = await t.must('topups.record', { accountId: acc.id, amountCents: 1000, method: 'cash' });
    expect(r.receiptText).toMatch(/Pagamento tracciabile: no/);
    expect(r.receiptText.replace(/\n/g, ' ')).toMatch(/contanti non sono detraibili/);
    expect(r.receiptText.replace(/\n/g, ' ')).toMatch(/pagatore non indicato/);
  });

  it('numbers receipts per counter and year without gaps; refused operations take no number', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const nos: string[] = [];
    for (const cents of [500, 600, 700]) {
      nos.push((await t.must('topups.record', { accountId: acc.id, amountCents: cents, method: 'cash' })).receiptNo);
    }
    const refused = await t.call('topups.record', { accountId: acc.id, amountCents: 700, method: 'cash' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DUPLICATE_SUSPECTED' } });
    await t.call('topups.record', { accountId: acc.id, amountCents: 1, method: 'cash' });
    nos.push((await t.must('topups.record', { accountId: acc.id, amountCents: 800, method: 'cash' })).receiptNo);
    expect(nos).toEqual(['SE1/2026/000001', 'SE1/2026/000002', 'SE1/2026/000003', 'SE1/2026/000004']);
    // New year in Rome (23:30 UTC on 31 December is already 1 January there): numbering restarts.
    t.clock.set('2026-12-31T23:30:00.000Z');
    await t.login('sportello1', '2468');
    const ny = await t.must('topups.record', { accountId: acc.id, amountCents: 900, method: 'cash' });
    expect(ny.receiptNo).toBe('SE1/2027/000001');
  });

  it('refuses amounts outside the counter limits and bad extra fields, changing nothing', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const before = totals();
    const cases: [Parameters<TestCore['call']>[1], string, RegExp][] = [
      [{ accountId: acc.id, amountCents: 499, method: 'cash' }, 'AMOUNT_OUT_OF_RANGE', /tra € 5,00 e € 500,00/],
      [{ accountId: acc.id, amountCents: 50_001, method: 'card' }, 'AMOUNT_OUT_OF_RANGE', /tra € 5,00 e € 500,00/],
      [{ accountId: acc.id, amountCents: 0, method: 'cash' }, 'AMOUNT_OUT_OF_RANGE', /importo/],
      [{ accountId: acc.id, amountCents: -2000, method: 'cash' }, 'AMOUNT_OUT_OF_RANGE', /importo/],
      [
        { accountId: acc.id, amountCents: 2000, method: 'cash', payerCf: 'RSSMRA72L09H501X' },
        'INPUT_INVALID',
        /Pagante: .*carattere di controllo/,
      ],
      [
        // A well-formed code whose place (Montalcino's new code) did not exist on the birth day.
        { accountId: acc.id, amountCents: 2000, method: 'cash', payerCf: withCheckCharacter('BNCLCU16T31M378') },
        'INPUT_INVALID',
        /Pagante: .*Montalcino \(codice M378\) non esisteva il 31\/12\/2016/,
      ],
      [
        { accountId: acc.id, amountCents: 2000, method: 'cash', payerCf: withCheckCharacter('RSSMRA72L09Z999') },
        'INPUT_INVALID',
        /Pagante: .*non è un comune o uno stato conosciuto/,
      ],
      [
        { accountId: acc.id, amountCents: 2000, method: 'cash', payerCf: '12345678901' },
        'INPUT_INVALID',
        /cifra di controllo/,
      ],
      [
        { accountId: acc.id, amountCents: 2000, method: 'cash', posAuthCode: '1234' },
        'INPUT_INVALID',
        /solo per i pagamenti con bancomat/,
      ],
      [
        { accountId: acc.id, amountCents: 2000, method: 'card', posAuthCode: '12 34;' },
        'INPUT_INVALID',
        /autorizzazione POS non valido/,
      ],
      [{ accountId: 'nope', amountCents: 2000, method: 'cash' }, 'NOT_FOUND', /Conto non trovato/],
    ];
    for (const [input, code, message] of cases) {
      const r = await t.call('topups.record', input as never);
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { code } });
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    expect(totals()).toEqual(before);
    // An 11-digit provisional code is accepted as payer.
    expect(
      (await t.call('topups.record', { accountId: acc.id, amountCents: 2000, method: 'cash', payerCf: '80003170661' }))
        .ok,
    ).toBe(true);
  });

  it('enforces the legal cash limit and the payment channels of the day from configuration', async () => {
    await frontOffice((c) => ({
      ...c,
      maxTopupCents: 600_000,
      cashLimitCents: 100_000,
      channels: [
        { method: 'cash', from: '2019-01-01', to: '2026-11-29' },
        { method: 'card', from: '2019-01-01', to: null },
      ],
    }));
    const acc = pick(t.sql).account();
    // The clock says 30 November 2026: cash ended the day before.
    const cash = await t.call('topups.record', { accountId: acc.id, amountCents: 2000, method: 'cash' });
    expect(cash).toMatchObject({ ok: false, error: { code: 'METHOD_NOT_ACCEPTED' } });
    if (!cash.ok) expect(cash.error.message).toMatch(/non accetta contanti/);
    expect((await t.must('session.current', {}))?.settings.methodsToday).toEqual(['card']);
    t.clock.set('2026-11-29T10:00:00.000Z');
    const big = await t.call('topups.record', { accountId: acc.id, amountCents: 100_000, method: 'cash' });
    expect(big).toMatchObject({ ok: false, error: { code: 'CASH_LIMIT' } });
    expect((await t.call('topups.record', { accountId: acc.id, amountCents: 99_999, method: 'cash' })).ok).toBe(true);
    expect((await t.call('topups.record', { accountId: acc.id, amountCents: 100_000, method: 'card' })).ok).toBe(true);
  });

  it('asks for confirmation of the same amount on the same account within ten minutes', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    await t.must('topups.record', { accountId: acc.id, amountCents: 2000, method: 'cash' });
    t.clock.advance(9 * 60_000);
    await t.login('sportello1', '2468'); // the idle lock (5 minutes) fell meanwhile
    const dup = await t.call('topups.record', { accountId: acc.id, amountCents: 2000, method: 'card' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'DUPLICATE_SUSPECTED' } });
    if (!dup.ok) expect(dup.error.message).toMatch(/9 minuti fa .* € 20,00/);
    expect((await t.call('topups.record', { accountId: acc.id, amountCents: 2500, method: 'cash' })).ok).toBe(true);
    expect(
      (await t.call('topups.record', { accountId: acc.id, amountCents: 2000, method: 'cash', confirmDuplicate: true }))
        .ok,
    ).toBe(true);
    t.clock.advance(10 * 60_000 + 1);
    await t.login('sportello1', '2468');
    expect((await t.call('topups.record', { accountId: acc.id, amountCents: 2000, method: 'cash' })).ok).toBe(true);
  });

  it('prints the stamp duty line above 77,47 euro when configured', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const under = await t.must('topups.record', { accountId: acc.id, amountCents: 7747, method: 'card' });
    const over = await t.must('topups.record', { accountId: acc.id, amountCents: 7748, method: 'card' });
    expect(under.receiptText).not.toMatch(/bollo/i);
    expect(over.receiptText).toMatch(/bollo/i);
  });

  it('commits even when the printer fails, and leaves the receipt to print later', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    t.printer.failWith = 'Stampante non raggiungibile (test)';
    const r = await t.must('topups.record', { accountId: acc.id, amountCents: 3000, method: 'cash' });
    expect(r).toMatchObject({ printed: false, printError: 'Stampante non raggiungibile (test)' });
    expect(rowsOf(r.operationId)).toEqual({ ledger: 1, receipts: 1, outbox: 1, audit: 1 });
    const pending = await t.must('receipts.list', { unprintedOnly: true });
    expect(pending.items.map((i) => i.receiptNo)).toEqual([r.receiptNo]);
    t.printer.failWith = null;
    const printed = await t.must('receipts.printPending', { receiptNo: r.receiptNo });
    expect(printed.printed).toBe(true);
    expect(printed.text).not.toMatch(/COPIA/);
    expect((await t.must('receipts.list', { unprintedOnly: true })).items).toEqual([]);
    const again = await t.call('receipts.printPending', { receiptNo: r.receiptNo });
    expect(again).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });
});

describe('voids', () => {
  it('needs a supervisor with the right PIN; compensates, prints a storno and marks the original', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const start = (await t.must('accounts.get', { accountId: acc.id })).account.balanceCents;
    const top = await t.must('topups.record', { accountId: acc.id, amountCents: 4000, method: 'cash' });

    const wrongPin = await t.call('topups.void', {
      operationId: top.operationId,
      supervisor: 'supervisore',
      supervisorPin: '0000',
      reason: 'importo errato',
    });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const notSup = await t.call('topups.void', {
      operationId: top.operationId,
      supervisor: 'sportello1',
      supervisorPin: '2468',
      reason: 'importo errato',
    });
    expect(notSup).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Another counter's supervisor: this counter does not even hold their verifier (issue 13 item 2).
    const otherCounterSup = await t.call('topups.void', {
      operationId: top.operationId,
      supervisor: 'sup-cavatore',
      supervisorPin: 'farmacia-9753',
      reason: 'importo errato',
    });
    expect(otherCounterSup).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
    const noReason = await t.call('topups.void', {
      operationId: top.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: ' ',
    });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(pick(t.sql).count('ledger', "kind = 'void'")).toBe(0);

    const v = await t.must('topups.void', {
      operationId: top.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'importo errato',
    });
    expect(v.receiptNo).toBe('SE1/2026/000002');
    expect(v.balanceAfterCents).toBe(start);
    expect(v.receiptText).toMatch(/RICEVUTA DI STORNO/);
    expect(v.receiptText).toContain(top.receiptNo);
    expect(rowsOf(v.operationId)).toEqual({ ledger: 1, receipts: 1, outbox: 1, audit: 1 });
    // Never a deletion: the original is still there, shown as voided.
    expect(pick(t.sql).count('ledger', `id = '${top.operationId}'`)).toBe(1);
    const detail = await t.must('accounts.get', { accountId: acc.id });
    expect(detail.account.balanceCents).toBe(start);
    expect(detail.operations.find((o) => o.operationId === top.operationId)).toMatchObject({
      voided: true,
      voidable: false,
    });
    expect(detail.operations.find((o) => o.operationId === v.operationId)).toMatchObject({
      kind: 'void',
      amountCents: -4000,
    });

    const twice = await t.call('topups.void', {
      operationId: top.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'ancora',
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'ALREADY_VOIDED' } });
  });

  it("only today's operations of this counter can be voided", async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const top = await t.must('topups.record', { accountId: acc.id, amountCents: 4000, method: 'cash' });
    t.clock.advance(24 * 3600_000);
    await t.login('sportello1', '2468');
    const r = await t.call('topups.void', {
      operationId: top.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'importo errato',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VOID_NOT_ALLOWED' } });
    const meal = t.sql.prepare("SELECT id FROM ledger WHERE kind = 'meal' LIMIT 1").get() as { id: string };
    const m = await t.call('topups.void', {
      operationId: meal.id,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'pasto',
    });
    expect(m).toMatchObject({ ok: false, error: { code: 'VOID_NOT_ALLOWED' } });
  });

  it('wrong approval PINs block the operator who asked (see lockout.test.ts)', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const top = await t.must('topups.record', { accountId: acc.id, amountCents: 4000, method: 'cash' });
    for (let i = 0; i < 5; i++) {
      await t.call('topups.void', {
        operationId: top.operationId,
        supervisor: 'supervisore',
        supervisorPin: '9999',
        reason: 'prova',
      });
    }
    const locked = await t.call('topups.void', {
      operationId: top.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'prova',
    });
    expect(locked).toMatchObject({ ok: false, error: { code: 'OPERATOR_LOCKED' } });
  });
});

describe('reprints and the day summary', () => {
  it('reprints say COPIA, are recorded, and the day summary lists totals, voids and reprints', async () => {
    await frontOffice();
    const a = pick(t.sql).account();
    const b = pick(t.sql).account("a.service = 'trasporto'");
    const t1 = await t.must('topups.record', { accountId: a.id, amountCents: 2000, method: 'cash' });
    await t.must('topups.record', { accountId: a.id, amountCents: 3000, method: 'card' });
    await t.must('topups.record', { accountId: b.id, amountCents: 1500, method: 'cash' });
    const copy = await t.must('receipts.reprint', { receiptNo: t1.receiptNo });
    expect(copy.text).toMatch(/COPIA/);
    expect(copy.text).toContain(t1.receiptText.split('\n')[0]!.trim());
    expect(t.printer.jobs.at(-1)?.text).toBe(copy.text);
    await t.must('topups.void', {
      operationId: t1.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'errore',
    });

    const day = await t.must('reports.day', {});
    expect(day.date).toBe('2026-11-30');
    // The voided 20 € top-up shows in the voids column of every section, and every section's net is 45 €.
    const cell = (count: number, grossCents: number, voidCount: number, voidedCents: number) => ({
      count,
      grossCents,
      voidCount,
      voidedCents,
      netCents: grossCents - voidedCents,
    });
    expect(day.rows).toEqual([
      { method: 'cash', service: 'refezione', ...cell(1, 2000, 1, 2000) },
      { method: 'cash', service: 'trasporto', ...cell(1, 1500, 0, 0) },
      { method: 'card', service: 'refezione', ...cell(1, 3000, 0, 0) },
    ]);
    expect(day.byMethod).toEqual([
      { method: 'cash', ...cell(2, 3500, 1, 2000) },
      { method: 'card', ...cell(1, 3000, 0, 0) },
    ]);
    expect(day.byService).toEqual([
      { service: 'refezione', ...cell(2, 5000, 1, 2000) },
      { service: 'trasporto', ...cell(1, 1500, 0, 0) },
    ]);
    const operatorName = (
      t.sql.prepare("SELECT name FROM operators WHERE code = 'sportello1'").get() as { name: string }
    ).name;
    expect(day.byOperator).toEqual([{ operator: 'sportello1', name: operatorName, ...cell(3, 6500, 1, 2000) }]);
    expect(day.total).toEqual(cell(3, 6500, 1, 2000));
    expect(day.total.netCents).toBe(4500);
    expect(day.voids).toHaveLength(1);
    expect(day.voids[0]).toMatchObject({
      voidsReceiptNo: t1.receiptNo,
      amountCents: 2000,
      method: 'cash',
      supervisor: 'supervisore',
      reason: 'errore',
    });
    expect(day.reprints.map((r) => r.receiptNo)).toEqual([t1.receiptNo]);

    const list = await t.must('receipts.list', {});
    expect(list.items.map((i) => i.receiptNo)).toHaveLength(4);
    expect(list.items.find((i) => i.receiptNo === t1.receiptNo)).toMatchObject({ voided: true, kind: 'ricarica' });

    const printed = await t.must('reports.printDay', {});
    expect(printed.printed).toBe(true);
    expect(printed.text).toContain(t1.receiptNo);

    const missing = await t.call('receipts.reprint', { receiptNo: 'SE2/2026/000001' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('prints the day summary through the same path as a receipt: the printer, then the attempt on record', async () => {
    await frontOffice();
    const summaryPrints = () =>
      t.sql
        .prepare(
          "SELECT at, counter_code, operator_code, detail FROM audit WHERE action = 'report.printDay' ORDER BY id",
        )
        .all();
    const at = t.clock.now().toISOString();

    const printed = await t.must('reports.printDay', { date: '2026-10-05' });
    expect(printed.printed).toBe(true);
    expect(t.printer.jobs.at(-1)).toEqual({ name: 'riepilogo-2026-10-05', text: printed.text, qr: undefined });

    t.printer.failWith = 'Stampante non raggiungibile (127.0.0.1:9): connessione rifiutata';
    const failed = await t.must('reports.printDay', { date: '2026-10-05' });
    expect(failed).toMatchObject({ printed: false, printError: t.printer.failWith });

    expect(summaryPrints()).toEqual([
      { at, counter_code: 'SE1', operator_code: 'sportello1', detail: '{"date":"2026-10-05","printed":true}' },
      {
        at,
        counter_code: 'SE1',
        operator_code: 'sportello1',
        detail: JSON.stringify({ date: '2026-10-05', printed: false, error: t.printer.failWith }),
      },
    ]);
  });
});
