import { describe, expect, it } from 'vitest';
import { renderDaySummaryText, type DaySummaryPrintInput } from '../../../src-main/reports/daySummaryText';

function cell(count: number, grossCents: number, voidCount = 0, voidedCents = 0) {
  return { count, grossCents, voidCount, voidedCents, netCents: grossCents - voidedCents };
}

function summary(overrides: Partial<DaySummaryPrintInput> = {}): DaySummaryPrintInput {
  return {
    date: '2026-11-28',
    counterCode: 'SE1',
    rows: [
      { method: 'cash', service: 'refezione', ...cell(2, 4000, 1, 2000) },
      { method: 'cash', service: 'asilo_nido', ...cell(1, 15_000) },
      { method: 'card', service: 'refezione', ...cell(1, 2500) },
    ],
    byMethod: [
      { method: 'cash', ...cell(3, 19_000, 1, 2000) },
      { method: 'card', ...cell(1, 2500) },
    ],
    byService: [
      { service: 'refezione', ...cell(3, 6500, 1, 2000) },
      { service: 'asilo_nido', ...cell(1, 15_000) },
    ],
    byOperator: [
      { operator: 'OP01', name: 'Mario Rossi', ...cell(3, 6500, 1, 2000) },
      { operator: 'OP02', name: 'Lucia Bianchi', ...cell(1, 15_000) },
    ],
    total: cell(4, 21_500, 1, 2000),
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
  it('shows the day, then by method (cash first), by service and by operator: top-ups, voids apart, net', () => {
    const text = renderDaySummaryText(summary());
    expect(text).toContain('RIEPILOGO DEL GIORNO');
    expect(text).toContain('Giorno: 28/11/2026');
    expect(text).toContain('Sportello: SE1');
    expect(text).toContain('Stampato il: 28/11/2026 18:00');
    const all = lines(text);
    const byMethod = all.indexOf('PER METODO DI PAGAMENTO');
    expect(all.slice(byMethod + 1, byMethod + 5)).toEqual([
      'Contanti (3 ricariche)                  € 190,00',
      '  storni (1)                            € -20,00',
      '  netto                                 € 170,00',
      'Bancomat/carta (1 ricarica)              € 25,00',
    ]);
    const byService = all.indexOf('PER SERVIZIO');
    expect(all.slice(byService + 1, byService + 7)).toEqual([
      'Refezione scolastica (3 ricariche)       € 65,00',
      '  storni (1)                            € -20,00',
      '  netto                                  € 45,00',
      '  di cui contanti                        € 20,00',
      '  di cui bancomat/carta                  € 25,00',
      'Asilo nido (1 ricarica)                 € 150,00',
    ]);
    expect(text).not.toContain('Trasporto scolastico');
    const byOperator = all.indexOf('PER OPERATORE');
    expect(all.slice(byOperator + 1, byOperator + 5)).toEqual([
      'Mario Rossi (OP01) (3 ricariche)         € 65,00',
      '  storni (1)                            € -20,00',
      '  netto                                  € 45,00',
      'Lucia Bianchi (OP02) (1 ricarica)       € 150,00',
    ]);
    const total = all.indexOf('TOTALE (4 ricariche)                    € 215,00');
    expect(all.slice(total + 1, total + 3)).toEqual([
      '  storni (1)                            € -20,00',
      '  netto                                 € 195,00',
    ]);
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
    const text = renderDaySummaryText(
      summary({ rows: [], byMethod: [], byService: [], byOperator: [], total: cell(0, 0), voids: [], reprints: [] }),
    );
    expect(text).toContain('STORNI (0)\nNessuno storno.');
    expect(text).toContain('RISTAMPE (0)\nNessuna ristampa.');
    expect(text).toContain('PER SERVIZIO\nNessuna operazione.');
    expect(lines(text)).toContain('TOTALE (0 ricariche)                      € 0,00');
    expect(text).toContain('PER OPERATORE\nNessuna operazione.');
    for (const l of lines(text)) expect(l.length).toBeLessThanOrEqual(48);
  });
});
