import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCents, csvDate, toCsv } from '../../../shared/reports/csv';

describe('CSV for Italian Excel', () => {
  it('BOM, semicolons, CRLF, decimal comma; awkward fields quoted and read back intact', () => {
    const csv = toCsv([
      ['Voce', 'Importo'],
      ['Riscosso; netto', csvCents(123_456)],
      ['Detto "così"\r\nsu due righe', csvCents(-2_000)],
      ['=SOMMA(A1)', csvCents(5)],
      [null, 7],
    ]);
    expect(csv.startsWith('\uFEFFVoce;Importo\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv, { delimiter: ';', bom: true, record_delimiter: '\r\n', relax_column_count: true });
    expect(rows).toEqual([
      ['Voce', 'Importo'],
      ['Riscosso; netto', '1234,56'],
      ['Detto "così"\r\nsu due righe', '-20,00'],
      ["'=SOMMA(A1)", '0,05'],
      ['', '7'],
    ]);
  });

  it('writes cents and days the Italian way', () => {
    expect(csvCents(0)).toBe('0,00');
    expect(csvCents(-1)).toBe('-0,01');
    expect(csvCents(100_000_00)).toBe('100000,00');
    expect(() => csvCents(1.5)).toThrow();
    expect(csvDate('2026-03-09')).toBe('09/03/2026');
  });
});
