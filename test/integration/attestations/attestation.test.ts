import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatEuro } from '../../../shared/money';
import { pdfText } from '../../support/pdf-text';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

const PAYER = 'RSSMRA80A01F023K';
const LAST_SYNC = '2026-12-20T17:30:00.000Z';
const AS_OF =
  'Pagamenti noti allo sportello: dati al 20/12/2026 18:30 (ultima sincronizzazione con il servizio centrale).';

/** An entry the central feed brought (another counter, the portal, the canteen), on a day of Rome. */
function central(
  accountId: string,
  id: string,
  day: string,
  kind: string,
  cents: number,
  extra: { voidsId?: string; payerCf?: string } = {},
) {
  t.sql
    .prepare(
      `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, voids_id,
                           payer_cf, origin, included_in_server_balance)
       VALUES (?, ?, ?, ?, ?, ?, 'SE2', ?, ?, 'central', 1)`,
    )
    .run(id, accountId, kind, cents, `${day}T11:00:00.000Z`, day, extra.voidsId ?? null, extra.payerCf ?? null);
}

/** 2025 for a refezione account: cash, card, pagoPA, a cash void, meals; a payment each side of the year. */
async function year2025(counter = 'SE1') {
  t = await openTestCore({ counter });
  const a = pick(t.sql).account("a.service = 'refezione'");
  central(a.id, 'old', '2024-12-31', 'topup_cash', 9_900);
  central(a.id, 'c1', '2025-01-02', 'topup_cash', 5_000);
  central(a.id, 'k1', '2025-03-10', 'topup_card', 2_000, { payerCf: PAYER });
  central(a.id, 'p1', '2025-10-01', 'topup_pagopa', 3_000, { payerCf: PAYER });
  central(a.id, 'v1', '2025-10-02', 'void', -1_000, { voidsId: 'c1' });
  central(a.id, 'm1', '2025-10-03', 'meal', -480);
  central(a.id, 'k2', '2025-12-30', 'topup_card', 1_500);
  // A void in January of a December card payment counts in the year it was made, not in 2025.
  central(a.id, 'v2', '2026-01-05', 'void', -1_500, { voidsId: 'k2' });
  central(a.id, 'new', '2026-01-05', 'topup_cash', 7_700);
  // The feed brought them with the last sync, the evening before.
  t.sql.prepare('UPDATE sync_state SET last_sync_at = ? WHERE id = 1').run(LAST_SYNC);
  t.clock.set('2026-12-21T09:00:00.000Z');
  if (counter === 'SE1') await t.login('sportello1', '2468');
  return a;
}

describe('attestazione per la dichiarazione dei redditi', () => {
  it('adds up the calendar year by day of payment, traceable vs cash, numbers it, audits it and saves an A4 PDF that reads back', async () => {
    const a = await year2025();
    const { attestation, pdfPath } = await t.must('attestations.issue', { accountId: a.id, taxYear: 2025 });
    expect(attestation).toMatchObject({
      protocolNo: 'SE1/2026/A00001',
      taxYear: 2025,
      code: '12',
      limitCents: null,
      traceableCents: 2_000 + 3_000 + 1_500,
      cashCents: 5_000 - 1_000,
      totalCents: 10_500,
      payerCfs: [PAYER],
      none: false,
    });
    const text = pdfText(pdfPath);
    expect(text).toContain('COMUNE DI CARRARA');
    expect(text).toContain('Attestazione delle spese per la dichiarazione dei redditi');
    expect(text).toContain("Anno d'imposta 2025 - Protocollo n. SE1/2026/A00001 del 21/12/2026");
    expect(attestation.dataAsOf).toBe(LAST_SYNC);
    expect(text).toContain(AS_OF);
    expect(text).toContain(`Refezione scolastica - codice Pa-Pay ${a.papay_code}`);
    expect(text).toContain(`Tracciabili (carta, bancomat, pagoPA) ${formatEuro(6_500)}`);
    expect(text).toContain(`In contanti ${formatEuro(4_000)}`);
    expect(text).toContain(`Totale pagato nel 2025 ${formatEuro(10_500)}`);
    expect(text).toContain('modello 730 (quadro E, righi E8-E10): 12 - nessun limite proprio del codice');
    expect(text).toContain(`come indicato al pagamento: ${PAYER}`);
    expect(text).toContain("esente dall'imposta di bollo ai sensi dell'art. 5 della Tabella B");
    expect(text).toContain('D.P.R. 26 ottobre 1972, n. 642');
    expect(text).toContain("Per l'Ufficio Servizi Educativi e Scolastici (timbro e firma)");
    const audit = t.sql.prepare("SELECT operator_code, detail FROM audit WHERE action = 'attestation.issue'").all() as {
      operator_code: string;
      detail: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.operator_code).toBe('sportello1');
    expect(JSON.parse(audit[0]!.detail)).toEqual({
      protocolNo: 'SE1/2026/A00001',
      accountId: a.id,
      papayCode: a.papay_code,
      taxYear: 2025,
      totalCents: 10_500,
      batch: false,
    });
    // Per counter and year: the next one follows, and the register row cannot be changed.
    const again = await t.must('attestations.issue', { accountId: a.id, taxYear: 2026 });
    expect(again.attestation.protocolNo).toBe('SE1/2026/A00002');
    expect(again.attestation).toMatchObject({ traceableCents: -1_500, cashCents: 7_700 });
    expect(() => t.sql.prepare('UPDATE attestations SET cash_cents = 0').run()).toThrow(/non si modifica/);
  });

  it('asilo nido: code 33 with its yearly limit, from the configuration', async () => {
    t = await openTestCore({
      config: (c) => ({
        ...c,
        taxYears: [
          {
            taxYear: 2025,
            codes: { refezione: '12', trasporto: '12', asilo_nido: '33' },
            limitCents: { '33': 70_000 },
            notes: ['Nota di prova.'],
          },
        ],
      }),
    });
    const a = pick(t.sql).account("a.service = 'asilo_nido'");
    central(a.id, 'n1', '2025-05-05', 'topup_pagopa', 25_000);
    t.clock.set('2026-12-21T09:00:00.000Z');
    await t.login('sportello1', '2468');
    const { attestation, pdfPath } = await t.must('attestations.issue', { accountId: a.id, taxYear: 2025 });
    expect(attestation).toMatchObject({ code: '33', limitCents: 70_000, traceableCents: 25_000, payerCfs: [] });
    const text = pdfText(pdfPath);
    expect(text).toContain(`33 - limite di spesa ${formatEuro(70_000)} per ciascun figlio`);
    expect(text).toContain('Nota di prova.');
    expect(text).toContain('Codice fiscale di chi ha pagato: non indicato al momento del pagamento.');
    const noRules = await t.call('attestations.issue', { accountId: a.id, taxYear: 2024 });
    expect(noRules).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(JSON.stringify(noRules)).toContain("Nessuna regola fiscale configurata per l'anno 2024");
  });

  it('a year with no payments is a "nessun pagamento" document, not an error', async () => {
    const a = await year2025();
    const { attestation, pdfPath } = await t.must('attestations.issue', { accountId: a.id, taxYear: 2023 });
    expect(attestation).toMatchObject({ none: true, totalCents: 0, protocolNo: 'SE1/2026/A00001' });
    const text = pdfText(pdfPath);
    expect(text).toContain('Nessun pagamento nel 2023 per questo servizio.');
    expect(text).not.toContain('Totale pagato');
  });

  it('a child with no adulto di riferimento still gets the document, which says so', async () => {
    const a = await year2025();
    t.sql.prepare('UPDATE children SET family_id = NULL WHERE id = ?').run(a.child_id);
    const { attestation, pdfPath } = await t.must('attestations.issue', { accountId: a.id, taxYear: 2025 });
    expect(attestation.account.child.parent).toBeUndefined();
    expect(pdfText(pdfPath)).toContain('Nessun adulto di riferimento registrato.');
    expect(pdfText(pdfPath)).toContain(`come indicato al pagamento: ${PAYER}`);
  });

  it('refuses a year not begun, a bad year and an unknown account in Italian, numbering and auditing nothing', async () => {
    const a = await year2025();
    const future = await t.call('attestations.issue', { accountId: a.id, taxYear: 2027 });
    expect(future).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(JSON.stringify(future)).toContain("L'anno d'imposta 2027 non è ancora iniziato");
    const bad = await t.call('attestations.issue', { accountId: a.id, taxYear: 1999 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    const unknown = await t.call('attestations.issue', { accountId: 'nessuno', taxYear: 2025 });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Conto non trovato: ripetere la ricerca.' },
    });
    const batchFuture = await t.call('attestations.batch', { taxYear: 2027 });
    expect(batchFuture).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(pick(t.sql).count('attestations')).toBe(0);
    expect(pick(t.sql).count('till_sequences', "kind = 'A'")).toBe(0);
    expect(pick(t.sql).count('audit', "action = 'attestation.issue'")).toBe(0);
  });

  it('is refused at a pharmacy, one by one and as a batch', async () => {
    const a = await year2025('FAR-CAVATORE');
    await t.login('cavatore', '1234');
    for (const reply of [
      await t.call('attestations.issue', { accountId: a.id, taxYear: 2025 }),
      await t.call('attestations.batch', { taxYear: 2025 }),
    ]) {
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(reply)).toContain('si rilascia solo allo sportello dei Servizi Educativi');
    }
    expect(pick(t.sql).count('attestations')).toBe(0);
  });
});

describe('the yearly batch', () => {
  it('writes every account paid for in the year with a CSV index, reports progress, and resumes without numbering twice', async () => {
    const a = await year2025();
    const others = t.sql.prepare(`SELECT id FROM accounts WHERE id <> ? ORDER BY id LIMIT 2`).all(a.id) as {
      id: string;
    }[];
    others.forEach((o, i) => central(o.id, `o${i}`, '2025-06-01', 'topup_card', 1_000 * (i + 1)));
    const progress: unknown[] = [];
    const off = t.core.on((event, payload) => {
      if (event === 'attestations.progress') progress.push(payload);
    });
    const first = await t.must('attestations.batch', { taxYear: 2025 });
    off();
    expect(first).toMatchObject({ total: 3, written: 3, rewritten: 0, skipped: 0 });
    expect(progress.at(0)).toEqual({ taxYear: 2025, done: 0, total: 3 });
    expect(progress.at(-1)).toEqual({ taxYear: 2025, done: 3, total: 3 });
    const pdfs = fs.readdirSync(first.folder).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(3);
    const index = fs
      .readFileSync(first.indexPath, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(index).toHaveLength(4);
    expect(index[0]).toMatch(/^Protocollo;Codice Pa-Pay;Servizio;/);
    const mine = index.find((l) => l.includes(a.papay_code))!;
    expect(mine).toContain(';12;65,00;40,00;105,00;');
    expect(
      index
        .slice(1)
        .map((l) => l.split(';')[0])
        .sort(),
    ).toEqual(['SE1/2026/A00001', 'SE1/2026/A00002', 'SE1/2026/A00003']);
    expect(pick(t.sql).count('audit', "action = 'attestation.issue' AND detail LIKE '%\"batch\":true%'")).toBe(3);

    // A file lost (a crash after the numbering): the next run writes it again under its number, skips the others.
    const lost = path.join(first.folder, mine.split(';').at(-1)!);
    expect(pdfText(lost)).toContain(AS_OF);
    fs.rmSync(lost);
    // A sync since: the file written again still says what its figures were counted from.
    t.sql.prepare('UPDATE sync_state SET last_sync_at = ? WHERE id = 1').run('2026-12-21T08:00:00.000Z');
    const second = await t.must('attestations.batch', { taxYear: 2025 });
    expect(second).toMatchObject({ total: 3, written: 0, rewritten: 1, skipped: 2 });
    expect(pdfText(lost)).toContain(`Totale pagato nel 2025 ${formatEuro(10_500)}`);
    expect(pdfText(lost)).toContain(AS_OF);
    expect(pick(t.sql).count('attestations')).toBe(3);
    expect(fs.readFileSync(second.indexPath, 'utf8').trim().split('\r\n')).toHaveLength(4);
  });
});

describe('the yearly batch, stopped and started again', () => {
  it('stops between two documents on request, and the next run continues: every account once, one number each, the index at the end', async () => {
    t = await openTestCore();
    const ids = t.sql.prepare(`SELECT id FROM accounts ORDER BY id LIMIT 230`).all() as { id: string }[];
    ids.forEach((a, i) => central(a.id, `s${i}`, '2025-04-01', 'topup_cash', 1_000 + i));
    t.clock.set('2026-12-21T09:00:00.000Z');
    await t.login('sportello1', '2468');
    // Nothing to stop while no batch runs.
    expect(await t.must('attestations.stopBatch', {})).toEqual({ stopping: false });

    const progress: { done: number; total: number }[] = [];
    const stop: { asked: Promise<unknown> | null } = { asked: null };
    const off = t.core.on((event, payload) => {
      if (event !== 'attestations.progress') return;
      const p = payload as { done: number; total: number };
      progress.push(p);
      // Past the first chunk of 100: the operator presses Ferma.
      if (p.done === 100 && stop.asked === null) stop.asked = t.must('attestations.stopBatch', {});
    });
    const first = await t.must('attestations.batch', { taxYear: 2025 });
    expect(await stop.asked).toEqual({ stopping: true });
    expect(first.stopped).toBe(true);
    expect(first.total).toBe(230);
    expect(first.written).toBeGreaterThanOrEqual(100);
    expect(first.written).toBeLessThan(200);
    expect(fs.existsSync(first.indexPath)).toBe(false);
    expect(progress.at(-1)).toEqual({ taxYear: 2025, done: first.written, total: 230 });
    const numbered = pick(t.sql).count('attestations');
    expect(numbered).toBe(200);

    const second = await t.must('attestations.batch', { taxYear: 2025 });
    off();
    expect(second).toMatchObject({ total: 230, stopped: false, skipped: first.written });
    // The rest of the chunk numbered before the stop is written under its numbers; the others are new.
    expect(second.rewritten).toBe(200 - first.written);
    expect(second.written).toBe(30);
    expect(pick(t.sql).count('attestations')).toBe(230);
    expect(fs.readdirSync(second.folder).filter((f) => f.endsWith('.pdf'))).toHaveLength(230);
    const index = fs.readFileSync(second.indexPath, 'utf8').trim().split('\r\n').slice(1);
    expect(index).toHaveLength(230);
    const protocols = index.map((l) => l.split(';')[0]);
    expect(new Set(protocols).size).toBe(230);
    expect(protocols.at(-1)).toBe('SE1/2026/A00230');
  });
});
