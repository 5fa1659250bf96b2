import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CounterConfig } from '../../../shared/config';
import { remittancesOf } from '../../../src-main/reports/queries';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { pdfText } from '../../support/pdf-text';
import { counterKey } from '../../support/counter-file';
import { openKeyed } from '../../../src-main/db/key';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

const REQUIRED = (c: CounterConfig): CounterConfig => ({
  ...c,
  till: { countsDrawer: true, requireOpenSession: true, supervisorThresholdCents: 1_000 },
});
const PHARMACY = (c: CounterConfig): CounterConfig => ({
  ...c,
  till: { countsDrawer: false, requireOpenSession: true, supervisorThresholdCents: 1_000 },
});

/** Everything the cash office writes, to prove a refusal wrote nothing. */
function written() {
  const p = pick(t.sql);
  return {
    sessions: p.count('till_sessions'),
    open: p.count('till_sessions', 'closed_at IS NULL'),
    movements: p.count('till_movements'),
    closes: p.count('till_closes'),
    reopenings: p.count('till_reopenings'),
    sequences: p.count('till_sequences'),
    ledger: p.count('ledger'),
    audit: p.count('audit'),
  };
}

async function frontOffice(config: (c: CounterConfig) => CounterConfig = REQUIRED) {
  t = await openTestCore({ config });
  t.clock.set('2026-10-05T07:00:00.000Z');
  await t.login('sportello1', '2468');
  return t;
}

/** A float of 100 €: 2 x 20 €, 5 x 10 €, 4 x 2 €, 4 x 50 cent. */
const FLOAT = { '2000': 2, '1000': 5, '200': 4, '50': 4 };

describe('till session', () => {
  it('a money operation with no open session is refused with TILL_NOT_OPEN, in Italian, and nothing is written', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const before = written();
    const r = await t.call('topups.record', { accountId: acc.id, amountCents: 2_000, method: 'cash' });
    expect(r).toMatchObject({ ok: false, error: { code: 'TILL_NOT_OPEN' } });
    expect(!r.ok && r.error.message).toMatch(/^La cassa non è aperta: aprire la sessione di cassa/);
    expect(written()).toEqual(before);
    expect(pick(t.sql).count('receipts', `created_at >= '2026-10-05'`)).toBe(0);
    const m = await t.call('till.movement', { kind: 'reintegro', amountCents: 1_000 });
    expect(m).toMatchObject({ ok: false, error: { code: 'TILL_NOT_OPEN' } });
  });

  it('opens with a float counted by denomination; one open per counter; top-ups and voids belong to it', async () => {
    await frontOffice();
    const status = await t.must('till.status', {});
    expect(status).toMatchObject({ countsDrawer: true, requireOpenSession: true, session: null, lastZ: null });
    const s = await t.must('till.open', { floatCounts: FLOAT });
    expect(s.floatCents).toBe(10_000);
    expect(s.floatCounts).toEqual({ '2000': 2, '1000': 5, '200': 4, '50': 4 });
    const twice = await t.call('till.open', { floatCounts: {} });
    expect(twice).toMatchObject({ ok: false, error: { code: 'TILL_ALREADY_OPEN' } });
    expect(pick(t.sql).count('till_sessions')).toBe(1);

    const acc = pick(t.sql).account();
    const top = await t.must('topups.record', { accountId: acc.id, amountCents: 2_000, method: 'cash' });
    await t.must('topups.void', {
      operationId: top.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'errore',
    });
    const inSession = t.sql.prepare('SELECT COUNT(*) AS n FROM ledger WHERE till_session_id = ?').get(s.id) as {
      n: number;
    };
    expect(inSession.n).toBe(2);
    expect(pick(t.sql).count('audit', `action = 'till.open'`)).toBe(1);
  });

  it('refuses bad counts with a clear Italian message and writes nothing', async () => {
    await frontOffice();
    const before = written();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ '500': -2 }, /5 €: il numero di pezzi non può essere negativo/],
      [{ '100': 2.5 }, /1 €: il numero di pezzi deve essere intero/],
      [{ '1': 1_000_000 }, /sono troppi/],
      [{ '300': 1 }, /Taglio inesistente/],
      [{ '50000': 10_000 }, /Il totale supera/],
    ];
    for (const [floatCounts, message] of cases) {
      const r = await t.call('till.open', { floatCounts });
      expect(r).toMatchObject({ ok: false, error: { code: 'COUNT_INVALID' } });
      expect(!r.ok && r.error.message).toMatch(message);
      expect(!r.ok && r.error.message).toContain('Nulla è stato registrato.');
    }
    expect(written()).toEqual(before);
  });
});

describe('movements', () => {
  it('numbers each movement with an audit row; a versamento needs its quietanza and cannot exceed the cash held', async () => {
    await frontOffice();
    await t.must('till.open', { floatCounts: FLOAT });
    const acc = pick(t.sql).account();
    await t.must('topups.record', { accountId: acc.id, amountCents: 3_000, method: 'cash' });
    // Cash held: 100 € float + 30 €.
    const before = written();
    const tooMuch = await t.call('till.movement', { kind: 'versamento', amountCents: 13_001, reference: 'QT-1' });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'CASH_INSUFFICIENT' } });
    expect(!tooMuch.ok && tooMuch.error.message).toBe(
      'Il versamento di € 130,01 supera i contanti in cassa (€ 130,00). Nulla è stato registrato.',
    );
    const noRef = await t.call('till.movement', { kind: 'versamento', amountCents: 1_000 });
    expect(noRef).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    for (const amountCents of [-100, 0, 10.5, 'dieci']) {
      const bad = await t.call('till.movement', { kind: 'prelievo', amountCents });
      expect(bad).toMatchObject({ ok: false, error: { code: 'COUNT_INVALID' } });
    }
    expect(written()).toEqual(before);

    const v = await t.must('till.movement', { kind: 'versamento', amountCents: 12_000, reference: 'QT-0042' });
    expect(v).toMatchObject({
      kind: 'versamento',
      documentNo: 'SE1/2026/V00001',
      amountCents: 12_000,
      date: '2026-10-05',
    });
    const r = await t.must('till.movement', { kind: 'reintegro', amountCents: 5_000, note: 'dalla cassaforte' });
    expect(r.documentNo).toBe('SE1/2026/R00001');
    const p = await t.must('till.movement', { kind: 'prelievo', amountCents: 6_000 });
    expect(p.documentNo).toBe('SE1/2026/P00001');
    const again = await t.call('till.movement', { kind: 'prelievo', amountCents: 1 });
    expect(again).toMatchObject({ ok: false, error: { code: 'CASH_INSUFFICIENT' } });
    expect(pick(t.sql).count('audit', `action = 'till.movement'`)).toBe(3);

    // The Ragioneria's reports read the versamenti from here.
    expect(remittancesOf(t.sql, 'SE1', '2026-10-01', '2026-10-31')).toEqual([
      {
        counterCode: 'SE1',
        date: '2026-10-05',
        amountCents: 12_000,
        reference: 'QT-0042',
        documentNo: 'SE1/2026/V00001',
      },
    ]);
    expect(remittancesOf(t.sql, 'SE1', '2026-11-01', '2026-11-30')).toEqual([]);
  });
});

describe('blind close and Z report', () => {
  async function dayWithTakings() {
    await frontOffice();
    const s = await t.must('till.open', { floatCounts: FLOAT });
    const a = pick(t.sql).account();
    const b = pick(t.sql).account("a.service = 'trasporto'");
    const one = await t.must('topups.record', { accountId: a.id, amountCents: 2_000, method: 'cash' });
    await t.must('topups.record', { accountId: b.id, amountCents: 3_500, method: 'cash' });
    await t.must('topups.record', { accountId: a.id, amountCents: 4_000, method: 'card' });
    await t.must('topups.void', {
      operationId: one.operationId,
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
      reason: 'errore',
    });
    // Expected: cash 100 + 35 = 135 €, card 40 €.
    return s;
  }

  it('shows the expected figures only after the count; a difference needs a note, above the threshold a supervisor', async () => {
    const s = await dayWithTakings();
    // 130 € counted: 5 € short.
    const counted = { '5000': 2, '2000': 1, '1000': 1 };
    const reckoning = await t.must('till.reckon', { sessionId: s.id, countedCounts: counted, posTotalCents: 4_000 });
    expect(reckoning.cash).toEqual({
      expectedCents: 13_500,
      countedCents: 13_000,
      differenceCents: -500,
      kind: 'ammanco',
    });
    expect(reckoning.card).toMatchObject({ expectedCents: 4_000, differenceCents: 0, kind: 'pari' });
    expect(reckoning).toMatchObject({ noteRequired: true, supervisorRequired: false });
    expect(reckoning.unsent.length).toBeGreaterThanOrEqual(4);

    const before = written();
    const noNote = await t.call('till.close', { sessionId: s.id, countedCounts: counted, posTotalCents: 4_000 });
    expect(noNote).toMatchObject({ ok: false, error: { code: 'CLOSE_NEEDS_NOTE' } });
    // 20 € short in total (cash 5 + card 15): above 10 €, a supervisor is needed.
    const noSup = await t.call('till.close', {
      sessionId: s.id,
      countedCounts: counted,
      posTotalCents: 2_500,
      note: 'da verificare',
    });
    expect(noSup).toMatchObject({ ok: false, error: { code: 'CLOSE_NEEDS_SUPERVISOR' } });
    const badPin = await t.call('till.close', {
      sessionId: s.id,
      countedCounts: counted,
      posTotalCents: 2_500,
      note: 'da verificare',
      supervisor: 'supervisore',
      supervisorPin: '0000',
    });
    expect(badPin.ok).toBe(false);
    const badCount = await t.call('till.close', { sessionId: s.id, countedCounts: { '1': -1 }, posTotalCents: 4_000 });
    expect(badCount).toMatchObject({ ok: false, error: { code: 'COUNT_INVALID' } });
    const badPos = await t.call('till.close', { sessionId: s.id, countedCounts: counted, posTotalCents: 40.5 });
    expect(badPos).toMatchObject({ ok: false, error: { code: 'COUNT_INVALID' } });
    // Nothing written but the audit of the wrong approval PIN (issue 13: failed PINs are audited).
    expect(written()).toEqual({ ...before, audit: before.audit + 1 });

    const closed = await t.must('till.close', {
      sessionId: s.id,
      countedCounts: counted,
      posTotalCents: 4_000,
      note: 'resto sbagliato a un utente',
    });
    expect(closed).toMatchObject({ zNo: 'SE1/2026/Z0001', number: 1, rectifies: null, printed: true });
    expect(closed.text).toContain('CHIUSURA DI CASSA N. 1');
    expect(closed.text).toContain('ammanco di € 5,00');
    expect(closed.text).toContain('Nota: resto sbagliato a un utente');
    expect(closed.text).toMatch(/Operazioni non ancora inviate al centrale: \d+/);
    expect(t.printer.jobs.at(-1)!.text).toBe(closed.text);
    expect(t.printer.jobs.at(-1)!.name).toBe('chiusura-SE1_2026_Z0001');
    const pdf = pdfText(closed.pdfPath!);
    expect(closed.pdfPath).toMatch(/documents\/chiusure\/chiusura-SE1_2026_Z0001\.pdf$/);
    expect(pdf).toContain('Chiusura di cassa n. 1');
    expect(pdf).toContain('Fondo cassa');
    expect(pdf).toContain('ammanco di € 5,00');
    expect(pdf).toContain('Nota: resto sbagliato a un utente');
    expect(pdf).toContain("L'operatore");
    const row = t.sql.prepare('SELECT * FROM till_closes').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      expected_cash_cents: 13_500,
      counted_cash_cents: 13_000,
      cash_difference_cents: -500,
      declared_card_cents: 4_000,
      card_difference_cents: 0,
    });

    // The next opening is proposed the float the close counted.
    const status = await t.must('till.status', {});
    expect(status).toMatchObject({
      session: null,
      lastZ: 'SE1/2026/Z0001',
      lastClosedSessionId: s.id,
      proposedFloatCounts: counted,
    });
  });

  it('a close takes a fresh checked copy of the database that holds the close', async () => {
    const s = await dayWithTakings();
    const closed = await t.must('till.close', {
      sessionId: s.id,
      countedCounts: { '5000': 2, '2000': 1, '1000': 1 },
      posTotalCents: 4_000,
      note: 'resto sbagliato a un utente',
    });
    // The copy of this hour (taken at start) is taken again after the close, in the background.
    const copy = path.join(t.dataDir, 'backup', `sportello-2026-10-05-09.sqlite`);
    const zInCopy = () => {
      if (!fs.existsSync(copy)) return null;
      const c = openKeyed(copy, counterKey(t.dataDir), { readonly: true });
      try {
        return c.prepare('SELECT z_no FROM till_closes').pluck().get() ?? null;
      } finally {
        c.close();
      }
    };
    await expect.poll(zInCopy, { timeout: 20_000 }).toBe(closed.zNo);
  });

  it('a supervisor approves a difference above the threshold with the PIN', async () => {
    const s = await dayWithTakings();
    const closed = await t.must('till.close', {
      sessionId: s.id,
      countedCounts: { '5000': 2, '2000': 1, '1000': 1 },
      posTotalCents: 2_500,
      note: 'scontrino POS da verificare',
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
    });
    expect(closed.text).toContain('Approvata da: Roberta Bertoloni (supervisore)');
    expect(t.sql.prepare('SELECT approved_by FROM till_closes').get()).toEqual({ approved_by: 'supervisore' });
  });

  it('a closed session cannot be closed again, nor changed; of two closes racing exactly one writes', async () => {
    const s = await dayWithTakings();
    const request = {
      sessionId: s.id,
      countedCounts: { '5000': 2, '2000': 1, '1000': 1, '500': 1 },
      posTotalCents: 4_000,
    };
    const [a, b] = await Promise.all([t.call('till.close', request), t.call('till.close', request)]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const lost = a.ok ? b : a;
    expect(lost).toMatchObject({ ok: false, error: { code: 'TILL_CLOSED' } });
    expect(!lost.ok && lost.error.message).toContain('SE1/2026/Z0001');
    expect(pick(t.sql).count('till_closes')).toBe(1);
    expect(() => t.sql.prepare('UPDATE till_closes SET note = ?').run('x')).toThrow(/non si modifica/);
    expect(() => t.sql.prepare('DELETE FROM till_closes').run()).toThrow(/non si cancella/);
    // After the close, a top-up asks for a new session.
    const acc = pick(t.sql).account();
    const after = await t.call('topups.record', { accountId: acc.id, amountCents: 1_500, method: 'cash' });
    expect(after).toMatchObject({ ok: false, error: { code: 'TILL_NOT_OPEN' } });
  });

  it('a supervisor reopens with a reason; the Z report is reissued with the next number as a rettifica', async () => {
    const s = await dayWithTakings();
    const count = { '5000': 2, '2000': 1, '1000': 1, '500': 1 };
    await t.must('till.close', { sessionId: s.id, countedCounts: count, posTotalCents: 4_000 });
    const bad = await t.call('till.reopen', {
      sessionId: s.id,
      reason: 'errore',
      supervisor: 'supervisore',
      supervisorPin: '0000',
    });
    expect(bad.ok).toBe(false);
    const reopened = await t.must('till.reopen', {
      sessionId: s.id,
      reason: 'ricarica dimenticata',
      supervisor: 'supervisore',
      supervisorPin: 'carrara-1357',
    });
    expect(reopened.reopenedFrom).toBe('SE1/2026/Z0001');
    const acc = pick(t.sql).account();
    await t.must('topups.record', { accountId: acc.id, amountCents: 1_500, method: 'cash' });
    const again = await t.must('till.close', {
      sessionId: s.id,
      countedCounts: { ...count, '1000': 2, '500': 2 },
      posTotalCents: 4_000,
    });
    expect(again).toMatchObject({ zNo: 'SE1/2026/Z0002', number: 2, rectifies: 'SE1/2026/Z0001' });
    expect(again.text).toContain('RETTIFICA DELLA CHIUSURA SE1/2026/Z0001');
    expect(execFileSync('pdftotext', [again.pdfPath!, '-'], { encoding: 'utf8' })).toContain(
      'rettifica della SE1/2026/Z0001',
    );
    expect(again.reckoning.cash).toMatchObject({ expectedCents: 15_000, differenceCents: 0 });
    expect(pick(t.sql).count('till_reopenings')).toBe(1);
    expect(pick(t.sql).count('audit', `action = 'till.reopen'`)).toBe(1);
  });
});

describe('a pharmacy', () => {
  it('has no float; its close declares the takings by method against the POS slip; its versamenti are due, not drawer cash', async () => {
    t = await openTestCore({ counter: 'FAR-CAVATORE', config: PHARMACY });
    t.clock.set('2026-10-05T07:00:00.000Z');
    await t.login('cavatore', '1234');
    const withFloat = await t.call('till.open', { floatCounts: { '1000': 1 } });
    expect(withFloat).toMatchObject({ ok: false, error: { code: 'COUNT_INVALID' } });
    const s = await t.must('till.open', { floatCounts: {} });
    expect(s.floatCents).toBe(0);
    const acc = pick(t.sql).account();
    await t.must('topups.record', { accountId: acc.id, amountCents: 2_000, method: 'cash' });
    await t.must('topups.record', { accountId: acc.id, amountCents: 3_000, method: 'card' });
    const tooMuch = await t.call('till.movement', { kind: 'versamento', amountCents: 5_001, reference: 'QT-9' });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'CASH_INSUFFICIENT' } });
    const counted = await t.call('till.reckon', {
      sessionId: s.id,
      countedCounts: { '1000': 1 },
      posTotalCents: 3_000,
    });
    expect(counted).toMatchObject({ ok: false, error: { code: 'COUNT_INVALID' } });
    const r = await t.must('till.reckon', { sessionId: s.id, posTotalCents: 3_000 });
    expect(r).toMatchObject({ countsDrawer: false, cash: null, card: { expectedCents: 3_000, kind: 'pari' } });
    // The pharmacist confirms the statement explicitly: without it nothing closes.
    const before = written();
    const unconfirmed = await t.call('till.close', { sessionId: s.id, posTotalCents: 3_000 });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'CLOSE_NEEDS_CONFIRMATION' } });
    expect(written()).toEqual(before);
    const closed = await t.must('till.close', { sessionId: s.id, posTotalCents: 3_000, pharmacistConfirmed: true });
    expect(closed.zNo).toBe('FAR-CAVATORE/2026/Z0001');
    expect(closed.text).toContain('Firma del farmacista');
    expect(closed.text).toMatch(/Confermato dal farmacista/);
    expect(closed.text).not.toContain('Fondo cassa');

    // The versamento, a real till movement, is what the rendiconto and the conto giudiziale count as remitted.
    t.clock.set('2026-10-06T07:00:00.000Z');
    await t.login('cavatore', '1234');
    await t.must('till.open', { floatCounts: {} });
    const v = await t.must('till.movement', { kind: 'versamento', amountCents: 3_000, reference: 'QT-0042' });
    await t.login('sup-cavatore', 'farmacia-9753');
    const { report } = await t.must('reports.rendiconto', { month: '2026-10' });
    expect(report.period).toMatchObject({ owedCents: 5_000, remittedCents: 3_000, closingCents: 2_000 });
    const conto = await t.must('reports.conto', { year: 2026 });
    expect(conto.report.months[9]).toMatchObject({ owedCents: 5_000, remittedCents: 3_000, closingCents: 2_000 });
    expect(JSON.stringify(conto.report)).toContain(v.documentNo);
    expect(JSON.stringify(conto.report)).toContain('QT-0042');
  });
});
