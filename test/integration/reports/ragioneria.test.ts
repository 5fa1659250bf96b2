import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { CounterConfig } from '../../../shared/config';
import { CounterKind } from '../../../shared/domain';
import type { Remittance } from '../../../shared/reports/remittance';
import type { Counter } from '../../../src-main/core/installation';
import { contoGiudiziale, rendiconto } from '../../../src-main/reports/ragioneria';
import { pdfText } from '../../support/pdf-text';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

const readCsv = (file: string): string[][] => {
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return parse(text, { delimiter: ';', bom: true, relax_column_count: true });
};

function counterOf(code: string): Counter {
  const row = t.sql.prepare('SELECT code, name, kind, address, config FROM counters WHERE code = ?').get(code) as {
    code: string;
    name: string;
    kind: string;
    address: string;
    config: string;
  };
  return { ...row, kind: CounterKind.parse(row.kind), config: CounterConfig.parse(JSON.parse(row.config)) };
}

/** Two top-ups and a void in October, a top-up by card in November (Rome days). */
async function takings(counter = 'SE1', operator: readonly [string, string] = ['sportello1', '2468']) {
  t = await openTestCore({ counter });
  const supervisor = counter === 'SE1' ? ['supervisore', 'carrara-1357'] : ['sup-cavatore', 'farmacia-9753'];
  const a = pick(t.sql).account();
  const b = pick(t.sql).account("a.service = 'trasporto'");
  t.clock.set('2026-10-05T08:00:00.000Z');
  await t.login(...operator);
  const first = await t.must('topups.record', { accountId: a.id, amountCents: 2_000, method: 'cash' });
  await t.must('topups.record', { accountId: b.id, amountCents: 3_550, method: 'cash' });
  await t.must('topups.void', {
    operationId: first.operationId,
    supervisor: supervisor[0]!,
    supervisorPin: supervisor[1]!,
    reason: 'errore',
  });
  t.clock.set('2026-11-10T09:00:00.000Z');
  await t.login(...operator);
  await t.must('topups.record', { accountId: a.id, amountCents: 4_000, method: 'card' });
  await t.login(supervisor[0]!, supervisor[1]!);
}

describe('rapporto per periodo', () => {
  it('adds up by counter, service, method, operator and day; saves an A4 PDF and a CSV that read back', async () => {
    await takings();
    const { report, saved } = await t.must('reports.period', { from: '2026-10-01', to: '2026-11-30', save: true });
    expect(report.counters).toEqual(['SE1']);
    expect(report.total).toEqual({ count: 3, grossCents: 9_550, voidCount: 1, voidedCents: 2_000, netCents: 7_550 });
    expect(report.byDay.map((d) => [d.date, d.netCents])).toEqual([
      ['2026-10-05', 3_550],
      ['2026-11-10', 4_000],
    ]);
    expect(report.byMethod.map((m) => [m.method, m.netCents])).toEqual([
      ['cash', 3_550],
      ['card', 4_000],
    ]);
    expect(report.byOperator).toMatchObject([{ operator: 'sportello1', netCents: 7_550 }]);
    for (const section of [report.byCounter, report.byService, report.byMethod, report.byOperator, report.byDay]) {
      expect(section.reduce((s, r) => s + r.netCents, 0)).toBe(report.total.netCents);
    }
    expect(saved).not.toBeNull();
    const text = pdfText(saved!.pdfPath);
    expect(text).toContain('COMUNE DI CARRARA');
    expect(text).toContain('Rapporto degli incassi per la Ragioneria');
    expect(text).toContain('Dal 01/10/2026 al 30/11/2026');
    expect(text).toContain('Per operatore');
    expect(text).toContain('€ 75,50');
    const rows = readCsv(saved!.csvPath);
    expect(rows[0]).toEqual([
      'Giorno',
      'Sportello',
      'Servizio',
      'Metodo',
      'Operatore',
      'Nome operatore',
      'Ricariche',
      'Lordo',
      'Storni',
      'Importo stornato',
      'Netto',
    ]);
    const body = rows.slice(1, -1);
    const net = body.reduce((s, r) => s + Math.round(Number(r[10]!.replace(',', '.')) * 100), 0);
    expect(net).toBe(7_550);
    expect(body.map((r) => r[0])).toEqual(['05/10/2026', '05/10/2026', '10/11/2026']);
    expect(rows.at(-1)).toEqual(['Totale', '', '', '', '', '', '3', '95,50', '1', '20,00', '75,50']);
  });

  it('refuses a period that ends before it begins, and anyone but a supervisor', async () => {
    await takings();
    const backwards = await t.call('reports.period', { from: '2026-11-30', to: '2026-10-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    expect(!backwards.ok && backwards.error.message).toContain('successiva');
    const impossible = await t.call('reports.period', { from: '2026-02-30', to: '2026-03-01' });
    expect(impossible).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    await t.login('sportello1', '2468');
    const refused = await t.call('reports.conto', { year: 2026 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fs.existsSync(`${t.dataDir}/documents/rapporti`)).toBe(false);
  });
});

describe('rendiconto and conto giudiziale', () => {
  it('a pharmacy: its own counter only; collected, voided, remitted, still to remit, receipt ranges', async () => {
    await takings('FAR-CAVATORE', ['cavatore', '1234']);
    const other = await t.call('reports.period', { from: '2026-10-01', to: '2026-10-31', counterCode: 'SE1' });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const { report, saved } = await t.must('reports.rendiconto', { month: '2026-10', save: true });
    expect(report.period.collected).toMatchObject({ grossCents: 5_550, voidedCents: 2_000, netCents: 3_550 });
    expect(report.period.receipts).toEqual({ count: 3, voids: 1, ranges: [{ year: 2026, from: 1, to: 3 }] });
    expect(report.period.closingCents).toBe(3_550);

    // With versamenti given (the till's movements, once they land).
    const remittances: Remittance[] = [
      { counterCode: 'FAR-CAVATORE', date: '2026-10-20', amountCents: 3_000, reference: 'QT-0042', documentNo: 'V1' },
      { counterCode: 'FAR-CAVATORE', date: '2026-11-15', amountCents: 4_550, reference: 'QT-0077', documentNo: 'V2' },
    ];
    const source = (c: string, from: string, to: string) =>
      remittances.filter((r) => r.counterCode === c && r.date >= from && r.date <= to);
    const counter = counterOf('FAR-CAVATORE');
    const november = rendiconto(t.sql, counter, '2026-11', source);
    // A pharmacy owes the card takings too: 550 carried from October, 4,000 by card, 4,550 paid in.
    expect(november.period).toMatchObject({
      openingCents: 550,
      owedCents: 4_000,
      remittedCents: 4_550,
      closingCents: 0,
    });
    expect(november.period.receipts.ranges).toEqual([{ year: 2026, from: 4, to: 4 }]);

    const conto = contoGiudiziale(
      t.sql,
      counter,
      { year: 2026, agent: 'Dott. Rossi', ente: { name: 'Comune di Carrara', fiscalCode: null } },
      source,
    );
    expect(conto.openingCents).toBe(0);
    expect(conto.months[9]).toMatchObject({ owedCents: 3_550, remittedCents: 3_000, closingCents: 550 });
    expect(conto.totals).toMatchObject({ owedCents: 7_550, remittedCents: 7_550, receipts: 4, voidReceipts: 1 });
    expect(conto.closingCents).toBe(0);

    const text = pdfText(saved!.pdfPath);
    expect(text).toContain('Rendiconto mensile - ottobre 2026');
    expect(text).toContain('dal FAR-CAVATORE/2026/000001 al FAR-CAVATORE/2026/000003');
    expect(text).toContain('Ancora da versare');
    const rows = readCsv(saved!.csvPath);
    expect(rows).toContainEqual(['Riscosso netto', '35,50']);
    expect(rows).toContainEqual(['Ancora da versare', '35,50']);
    expect(rows).toContainEqual(['Numeri', 'FAR-CAVATORE/2026/000001 - FAR-CAVATORE/2026/000003']);
  });

  it('the conto giudiziale of the front office: month by month, only cash owed, PDF and CSV', async () => {
    await takings();
    const { report, saved } = await t.must('reports.conto', { year: 2026, agent: 'Anna Neri', save: true });
    expect(report.owedMethods).toEqual(['cash']);
    expect(report.months[9]).toMatchObject({ owedCents: 3_550, closingCents: 3_550 });
    expect(report.months[10]).toMatchObject({ owedCents: 0, openingCents: 3_550, closingCents: 3_550 });
    expect(report.months[10]!.collected.netCents).toBe(4_000);
    expect(report.closingCents).toBe(3_550);
    const text = pdfText(saved!.pdfPath);
    expect(text).toContain("Conto giudiziale dell'agente contabile - esercizio 2026");
    expect(text).toContain('Modello 21');
    expect(text).toContain('Anna Neri');
    expect(text).toContain("L'agente contabile");
    expect(text).toContain('SE1/2026/000001 al SE1/2026/000003');
    const rows = readCsv(saved!.csvPath);
    const october = rows.find((r) => r[0] === '10/2026');
    expect(october).toEqual([
      '10/2026',
      'SE1/2026/000001 - SE1/2026/000003',
      '3',
      '55,50',
      '1',
      '20,00',
      '35,50',
      '35,50',
      '0,00',
      '35,50',
      '0,00',
      '',
      '35,50',
    ]);
    expect(rows.find((r) => r[0] === 'Totale')?.at(-1)).toBe('35,50');
  });
});
