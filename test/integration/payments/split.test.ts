import { afterEach, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import { networkPrinter } from '../../../src-main/printing/printer';
import type { CounterConfig } from '../../../shared/config';
import { MAX_SPLIT_LINES } from '../../../shared/payments/split';
import { formatEuro } from '../../../shared/money';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { familyOfTwo } from '../../support/family';
import { decodeEscPos } from '../../support/escpos-decoder';
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer';

/** Issue 10 item 2: one cash or card payment split across several accounts of one family. */
let t: TestCore | undefined;
let vp: VirtualPrinter | undefined;
afterEach(async () => {
  await t?.close();
  await vp?.close();
  t = undefined;
  vp = undefined;
});

function written(sql: BetterSqlite3.Database) {
  const p = pick(sql);
  return {
    ledger: p.count('ledger'),
    receipts: p.count('receipts'),
    outbox: p.count('outbox'),
    audit: p.count('audit'),
    payments: p.count('payments'),
    requests: p.count('money_requests'),
    sequence: sql.prepare('SELECT COALESCE(SUM(last_number), 0) FROM receipt_sequences').pluck().get(),
  };
}

async function frontOffice(config?: (c: CounterConfig) => CounterConfig): Promise<TestCore> {
  t = await openTestCore(config ? { config } : {});
  await t.login('sportello1', '2468');
  return t;
}

const balanceOf = async (core: TestCore, accountId: string) =>
  (await core.must('accounts.get', { accountId })).account.balanceCents;

describe('one payment for several accounts of a family', () => {
  it('writes one payment, one entry per account tied to it, one receipt and one outbox row per entry, in one transaction; the receipt printed lists each account', async () => {
    vp = await startVirtualPrinter();
    const printer = { host: vp.host, port: vp.port };
    t = await openTestCore({ config: (c) => ({ ...c, printer }), receiptPrinter: networkPrinter(printer) });
    await t.login('sportello1', '2468');
    const { a, b } = familyOfTwo(t.sql);
    const beforeA = await balanceOf(t, a.id);
    const beforeB = await balanceOf(t, b.id);
    const r = await t.must('payments.record', {
      method: 'cash',
      lines: [
        { accountId: a.id, amountCents: 3000 },
        { accountId: b.id, amountCents: 2000 },
      ],
      payerCf: 'RSSMRA72L09H501S',
    });
    expect(r.totalCents).toBe(5000);
    expect(r.printed).toBe(true);
    expect(r.lines.map((l) => [l.accountId, l.amountCents, l.balanceBeforeCents, l.balanceAfterCents])).toEqual([
      [a.id, 3000, beforeA, beforeA + 3000],
      [b.id, 2000, beforeB, beforeB + 2000],
    ]);
    expect(await balanceOf(t, a.id)).toBe(beforeA + 3000);
    expect(await balanceOf(t, b.id)).toBe(beforeB + 2000);

    const p = pick(t.sql);
    expect(
      p.count(
        'payments',
        `id = '${r.paymentId}' AND total_cents = 5000 AND lines = 2 AND receipt_no = '${r.receiptNo}'`,
      ),
    ).toBe(1);
    const entries = t.sql
      .prepare(
        'SELECT id, account_id, kind, amount_cents, receipt_ref, payer_cf FROM ledger WHERE payment_id = ? ORDER BY rowid',
      )
      .all(r.paymentId);
    expect(entries).toEqual([
      {
        id: r.lines[0]?.operationId,
        account_id: a.id,
        kind: 'topup_cash',
        amount_cents: 3000,
        receipt_ref: r.receiptNo,
        payer_cf: 'RSSMRA72L09H501S',
      },
      {
        id: r.lines[1]?.operationId,
        account_id: b.id,
        kind: 'topup_cash',
        amount_cents: 2000,
        receipt_ref: r.receiptNo,
        payer_cf: 'RSSMRA72L09H501S',
      },
    ]);
    expect(p.count('receipts', `receipt_no = '${r.receiptNo}'`)).toBe(1);
    const outbox = t.sql
      .prepare(`SELECT type, payload FROM outbox WHERE operation_id IN (?, ?) ORDER BY seq`)
      .all(r.lines[0]?.operationId, r.lines[1]?.operationId) as { type: string; payload: string }[];
    expect(
      outbox.map((o) => [o.type, (JSON.parse(o.payload) as { paymentId: string; receiptNo: string }).paymentId]),
    ).toEqual([
      ['topup', r.paymentId],
      ['topup', r.paymentId],
    ]);
    expect(p.count('audit', `action = 'payment.record' AND detail LIKE '%${r.paymentId}%'`)).toBe(1);

    // The receipt as the printer got it: the bytes decoded back to paper.
    const [job] = await vp.waitForJobs(1);
    const paper = decodeEscPos(job as Buffer).text.replace(/ +/g, ' ');
    expect(paper).toContain('RICEVUTA DI RICARICA');
    expect(paper).toContain('PAGAMENTO UNICO PER 2 CONTI');
    expect(paper).toContain(`Numero: ${r.receiptNo}`);
    expect(paper).toContain(`1. ${a.name} ${a.surname}`);
    expect(paper).toContain(`2. ${b.name} ${b.surname}`);
    expect(paper).toContain(`Codice Pa-Pay: ${a.papay_code}`);
    expect(paper).toContain(`Codice Pa-Pay: ${b.papay_code}`);
    expect(paper).toContain(`Saldo dopo la ricarica ${formatEuro(beforeA + 3000)}`);
    expect(paper).toContain(`Saldo dopo la ricarica ${formatEuro(beforeB + 2000)}`);
    expect(paper).toContain('Importo € 30,00');
    expect(paper).toContain('Importo € 20,00');
    expect(paper).toContain('TOTALE € 50,00');
    expect(paper).toContain('Metodo: Contanti');
    // Each account's history names the one receipt.
    const ops = (await t.must('accounts.get', { accountId: b.id })).operations;
    expect(ops[0]).toMatchObject({
      operationId: r.lines[1]?.operationId,
      receiptNo: r.receiptNo,
      voidable: true,
      paymentAccounts: 2,
    });
    // A top-up of one account says nothing of the kind.
    const single = await t.must('topups.record', { accountId: b.id, amountCents: 700, method: 'card' });
    const after = (await t.must('accounts.get', { accountId: b.id })).operations;
    expect(after.find((o) => o.operationId === single.operationId)).not.toHaveProperty('paymentAccounts');
    // The day's receipts list it once, with the total.
    const list = await t.must('receipts.list', {});
    expect(list.items.filter((x) => x.receiptNo === r.receiptNo).map((x) => [x.amountCents, x.childLabel])).toEqual([
      [5000, `${a.name} ${a.surname} e un altro conto (pagamento unico)`],
    ]);
  });

  it('refuses bad input with an Italian message and records nothing', async () => {
    const core = await frontOffice();
    const { a, b, stranger } = familyOfTwo(core.sql);
    const before = written(core.sql);
    const cases: [string, { accountId: string; amountCents: number }[], string, RegExp][] = [
      [
        'another family',
        [
          { accountId: a.id, amountCents: 1000 },
          { accountId: stranger.id, amountCents: 1000 },
        ],
        'INPUT_INVALID',
        /^Riga 2: il conto .* non è della stessa famiglia/,
      ],
      [
        'the same account twice',
        [
          { accountId: a.id, amountCents: 1000 },
          { accountId: a.id, amountCents: 2000 },
        ],
        'INPUT_INVALID',
        /^Riga 2: il conto .* è già in una riga/,
      ],
      [
        'a zero line',
        [
          { accountId: a.id, amountCents: 1000 },
          { accountId: b.id, amountCents: 0 },
        ],
        'INPUT_INVALID',
        /^Riga 2 \(.*\): l'importo è zero/,
      ],
      [
        'one account only',
        [{ accountId: a.id, amountCents: 1000 }],
        'INPUT_INVALID',
        /almeno due conti: per un solo conto usare la ricarica/,
      ],
      [
        'too many lines',
        Array.from({ length: MAX_SPLIT_LINES + 1 }, (_, i) => ({
          accountId: i % 2 === 0 ? a.id : b.id,
          amountCents: 1000,
        })),
        'INPUT_INVALID',
        new RegExp(`al massimo ${MAX_SPLIT_LINES} conti`),
      ],
      [
        'an account that does not exist',
        [
          { accountId: a.id, amountCents: 1000 },
          { accountId: 'nessuno', amountCents: 1000 },
        ],
        'NOT_FOUND',
        /^Riga 2: conto non trovato/,
      ],
      [
        'a line below the minimum',
        [
          { accountId: a.id, amountCents: 1000 },
          { accountId: b.id, amountCents: 100 },
        ],
        'AMOUNT_OUT_OF_RANGE',
        /^Riga 2 \(.*\): l'importo deve essere tra € 5,00 e € 500,00/,
      ],
    ];
    for (const [what, lines, code, message] of cases) {
      const r = await core.call('payments.record', { method: 'card', lines });
      expect(r.ok, what).toBe(false);
      if (!r.ok) {
        expect(r.error.code, what).toBe(code);
        expect(r.error.message, what).toMatch(message);
      }
    }
    expect(written(core.sql)).toEqual(before);
  });

  it('applies each service its own limits per account and the legal cash limit to the whole payment', async () => {
    const core = await frontOffice((c) => ({
      ...c,
      cashLimitCents: 10_000,
      serviceLimits: {
        trasporto: { minCents: 1_000, maxCents: 6_000 },
        refezione: { minCents: 1_000, maxCents: 6_000 },
      },
    }));
    const { a, b } = familyOfTwo(core.sql);
    const before = written(core.sql);
    const over = await core.call('payments.record', {
      method: 'card',
      lines: [
        { accountId: a.id, amountCents: 2_000 },
        { accountId: b.id, amountCents: 7_000 },
      ],
    });
    expect(over).toMatchObject({ ok: false, error: { code: 'AMOUNT_OUT_OF_RANGE' } });
    expect(!over.ok && over.error.message).toMatch(/^Riga 2 .*tra € 10,00 e € 60,00/);
    // 50 + 50 in cash: each line is within its limits, the payment reaches the cash limit.
    const cash = await core.call('payments.record', {
      method: 'cash',
      lines: [
        { accountId: a.id, amountCents: 5_000 },
        { accountId: b.id, amountCents: 5_000 },
      ],
    });
    expect(cash).toMatchObject({ ok: false, error: { code: 'CASH_LIMIT' } });
    expect(!cash.ok && cash.error.message).toMatch(/il limite vale per il totale del pagamento unico \(€ 100,00\)/);
    expect(written(core.sql)).toEqual(before);
    // The same by card is a traceable payment: recorded.
    const card = await core.must('payments.record', {
      method: 'card',
      lines: [
        { accountId: a.id, amountCents: 5_000 },
        { accountId: b.id, amountCents: 5_000 },
      ],
    });
    expect(card.totalCents).toBe(10_000);
  });

  it('keeps the double-payment guard per account: the same amount on one of the accounts asks for confirmation', async () => {
    const core = await frontOffice();
    const { a, b } = familyOfTwo(core.sql);
    await core.must('topups.record', { accountId: b.id, amountCents: 2_000, method: 'cash' });
    const before = written(core.sql);
    const lines = [
      { accountId: a.id, amountCents: 3_000 },
      { accountId: b.id, amountCents: 2_000 },
    ];
    const asked = await core.call('payments.record', { method: 'cash', lines });
    expect(asked).toMatchObject({ ok: false, error: { code: 'DUPLICATE_SUSPECTED' } });
    expect(!asked.ok && asked.error.message).toContain(`ricarica di € 20,00 sul conto ${b.name} ${b.surname}`);
    expect(written(core.sql)).toEqual(before);
    const confirmed = await core.must('payments.record', { method: 'cash', lines, confirmDuplicate: true });
    expect(confirmed.lines).toHaveLength(2);
  });

  it('records the same request once, sent twice in parallel or in a row', async () => {
    const core = await frontOffice();
    const { a, b } = familyOfTwo(core.sql);
    const input = {
      requestId: '0190a000-0000-7000-8000-00000000a001',
      method: 'card' as const,
      lines: [
        { accountId: a.id, amountCents: 3_000 },
        { accountId: b.id, amountCents: 2_000 },
      ],
    };
    const before = written(core.sql);
    const [one, two] = await Promise.all([core.must('payments.record', input), core.must('payments.record', input)]);
    const three = await core.must('payments.record', input);
    expect(two.paymentId).toBe(one.paymentId);
    expect(three.paymentId).toBe(one.paymentId);
    expect(three.receiptNo).toBe(one.receiptNo);
    const after = written(core.sql);
    expect(after.payments - before.payments).toBe(1);
    expect(after.ledger - before.ledger).toBe(2);
    expect(after.receipts - before.receipts).toBe(1);
    expect(after.outbox - before.outbox).toBe(2);
    // The same id asking something else is refused.
    const other = await core.call('payments.record', { ...input, method: 'cash' });
    expect(other).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });

  it('refuses with TILL_NOT_OPEN when the counter requires an open till, and at a pharmacy in Italian', async () => {
    const core = await frontOffice((c) => ({
      ...c,
      till: { countsDrawer: true, requireOpenSession: true, supervisorThresholdCents: 1_000 },
    }));
    const { a, b } = familyOfTwo(core.sql);
    const before = written(core.sql);
    const r = await core.call('payments.record', {
      method: 'cash',
      lines: [
        { accountId: a.id, amountCents: 3_000 },
        { accountId: b.id, amountCents: 2_000 },
      ],
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'TILL_NOT_OPEN' } });
    expect(written(core.sql)).toEqual(before);
    await core.close();
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    await t.login('cavatore', '1234');
    const account = pick(t.sql).account();
    const refused = await t.call('payments.record', {
      method: 'cash',
      lines: [
        { accountId: account.id, amountCents: 3_000 },
        { accountId: account.id, amountCents: 2_000 },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!refused.ok && refused.error.message).toMatch(/^Il pagamento unico per più conti si fa solo allo sportello/);
    expect(pick(t.sql).count('payments')).toBe(0);
  });

  it('is voided only as a whole, by a supervisor other than who recorded it, in one transaction with one void receipt', async () => {
    const core = await frontOffice();
    const { a, b } = familyOfTwo(core.sql);
    const beforeA = await balanceOf(core, a.id);
    const beforeB = await balanceOf(core, b.id);
    await core.must('session.logout', {});
    await core.login('supervisore', 'carrara-1357');
    const paid = await core.must('payments.record', {
      method: 'card',
      lines: [
        { accountId: a.id, amountCents: 3_000 },
        { accountId: b.id, amountCents: 2_000 },
      ],
    });
    const second = paid.lines[1]?.operationId ?? '';
    const alone = await core.call('topups.void', {
      operationId: second,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'prova da solo',
    });
    expect(alone).toMatchObject({ ok: false, error: { code: 'VOID_NOT_ALLOWED' } });
    expect(pick(core.sql).count('ledger', `kind = 'void'`)).toBe(0);
    // Asked through the second account's entry, the void takes back the whole payment.
    const before = written(core.sql);
    const v = await core.must('topups.void', {
      operationId: second,
      supervisor: 'supervisore2',
      supervisorPin: 'carrara-2468',
      reason: 'importi invertiti',
    });
    const after = written(core.sql);
    expect(after.ledger - before.ledger).toBe(2);
    expect(after.receipts - before.receipts).toBe(1);
    expect(after.outbox - before.outbox).toBe(2);
    expect(after.payments - before.payments).toBe(1);
    expect(v.balanceAfterCents).toBe(beforeB);
    expect(await balanceOf(core, a.id)).toBe(beforeA);
    expect(await balanceOf(core, b.id)).toBe(beforeB);
    const voidPayment = core.sql
      .prepare('SELECT id, total_cents, approved_by FROM payments WHERE voids_id = ?')
      .get(paid.paymentId);
    expect(voidPayment).toMatchObject({ total_cents: -5_000, approved_by: 'supervisore2' });
    const voids = core.sql
      .prepare('SELECT voids_id, amount_cents, payment_id FROM ledger WHERE kind = ? ORDER BY rowid')
      .all('void') as { voids_id: string; amount_cents: number; payment_id: string }[];
    expect(voids.map((x) => [x.voids_id, x.amount_cents])).toEqual([
      [paid.lines[0]?.operationId, -3_000],
      [second, -2_000],
    ]);
    const text = v.receiptText.replace(/ +/g, ' ');
    expect(text).toContain('RICEVUTA DI STORNO');
    expect(text).toContain(`Storna la ricevuta: ${paid.receiptNo}`);
    expect(text).toContain('Lo storno riguarda tutto il pagamento unico.');
    expect(text).toContain(`1. ${a.name} ${a.surname}`);
    expect(text).toContain(`2. ${b.name} ${b.surname}`);
    expect(text).toContain('TOTALE STORNATO € 50,00');
    // Voiding it again through the other entry: already voided, nothing written.
    const again = await core.call('topups.void', {
      operationId: paid.lines[0]?.operationId ?? '',
      supervisor: 'supervisore2',
      supervisorPin: 'carrara-2468',
      reason: 'ancora',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_VOIDED' } });
    expect(written(core.sql).ledger).toBe(after.ledger);
    // The day's report lists both accounts' voids under the one void receipt.
    const day = await core.must('reports.day', {});
    const listed = JSON.stringify(day);
    expect(listed).toContain(v.receiptNo);
  });
});
