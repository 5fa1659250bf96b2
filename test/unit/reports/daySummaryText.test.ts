import { describe, expect, it } from 'vitest';
import { renderDaySummaryText, type DaySummaryPrintInput } from '../../../src-main/reports/daySummaryText';

function summary(overrides: Partial<DaySummaryPrintInput> = {}): DaySummaryPrintInput {
  return {
    date: '2026-11-28',
    counterCode: 'SE1',
    rows: [
      { method: 'card', service: 'refezione', count: 1, amountCents: 2500 },
      { method: 'cash', service: 'refezione', count: 2, amountCents: 4000 },
      { method: 'cash', service: 'asilo_nido', count: 1, amountCents: 15_000 },
    ],
    byMethod: [
      { method: 'card', count: 1, amountCents: 2500 },
      { method: 'cash', count: 3, amountCents: 19_000 },
    ],
    totalCents: 21_500,
    voids: [
      {
        receiptNo: 'SE1/2026/000045',
        voidsReceiptNo: 'SE1/2026/000044',
        amountCents: 2000,
        method: 'cash',
        supervisor: 'Anna Neri (SUP1)',
        reason: 'Importo digitato due volte per errore dell’operatore di turno',
        at: '2026-11-28T10:00:00.000Z',
      },
    ],
    reprints: [{ receiptNo: 'SE1/2026/000043', operator: 'Mario Rossi (OP01)', at: '2026-11-28T11:00:00.000Z' }],
    header: ['COMUNE DI CARRARA'],
    counterName: 'Sportello Servizi Educativi',
    counterAddress: 'Via Solferino 12A, Carrara',
    operator: 'Mario Rossi (OP01)',
    printedAt: '2026-11-28T17:00:00.000Z',
    ...overrides,
  };
}

const lines = (text: string) => text.split('\n');

describe('renderDaySummaryText', () => {
  it('shows the day, the totals by method (cash first) and by service, and the grand total', () => {
    const text = renderDaySummaryText(summary());
    expect(text).toContain('RIEPILOGO DEL GIORNO');
    expect(text).toContain('Giorno: 28/11/2026');
    expect(text).toContain('Sportello: SE1');
    expect(text).toContain('Stampato il: 28/11/2026 18:00');
    const all = lines(text);
    const cash = all.indexOf('Contanti (3 operazioni)                 € 190,00');
    const card = all.indexOf('Bancomat/carta (1 operazione)            € 25,00');
    expect(cash).toBeGreaterThan(0);
    expect(card).toBe(cash + 1);
    const meals = all.indexOf('Refezione scolastica (3 operazioni)      € 65,00');
    expect(all.slice(meals, meals + 3)).toEqual([
      'Refezione scolastica (3 operazioni)      € 65,00',
      '  di cui contanti                        € 40,00',
      '  di cui bancomat/carta                  € 25,00',
    ]);
    expect(all).toContain('Asilo nido (1 operazione)               € 150,00');
    expect(text).not.toContain('Trasporto scolastico');
    expect(all).toContain('TOTALE                                  € 215,00');
  });

  it('lists voids with what they void, why and who authorised them', () => {
    const all = lines(renderDaySummaryText(summary()));
    const start = all.indexOf('STORNI (1)');
    expect(all.slice(start + 1, start + 7)).toEqual([
      'SE1/2026/000045 28/11/2026 11:00         € 20,00',
      '  Storna: SE1/2026/000044',
      '  Metodo: Contanti',
      '  Motivo: Importo digitato due volte per errore',
      "    dell'operatore di turno",
      '  Autorizzato da: Anna Neri (SUP1)',
    ]);
  });

  it('lists reprints', () => {
    const all = lines(renderDaySummaryText(summary()));
    const start = all.indexOf('RISTAMPE (1)');
    expect(all[start + 1]).toBe('SE1/2026/000043 28/11/2026 12:00 Mario Rossi');
    expect(all[start + 2]).toBe('  (OP01)');
  });

  it('says so when the day is empty', () => {
    const text = renderDaySummaryText(summary({ rows: [], byMethod: [], totalCents: 0, voids: [], reprints: [] }));
    expect(text).toContain('STORNI (0)\nNessuno storno.');
    expect(text).toContain('RISTAMPE (0)\nNessuna ristampa.');
    expect(text).toContain('PER SERVIZIO\nNessuna operazione.');
    expect(lines(text)).toContain('TOTALE                                    € 0,00');
    for (const l of lines(text)) expect(l.length).toBeLessThanOrEqual(48);
  });
});
