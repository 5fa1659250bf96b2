import { describe, expect, it } from 'vitest';
import { addDays, addMonths, italianDate, readItalianDate } from '../../../src-renderer/dates';
import { documentUrl } from '../../../src-renderer/documentUrl';
import { splitInstalments } from '../../../src-renderer/notices/noticeFormat';

describe('readItalianDate', () => {
  it('reads the ways an operator writes a date', () => {
    expect(readItalianDate('31/01/2027')).toEqual({ ok: true, date: '2027-01-31' });
    expect(readItalianDate(' 1-2-2027 ')).toEqual({ ok: true, date: '2027-02-01' });
    expect(readItalianDate('29.02.2028')).toEqual({ ok: true, date: '2028-02-29' });
    expect(readItalianDate('15032027')).toEqual({ ok: true, date: '2027-03-15' });
    expect(readItalianDate('')).toEqual({ ok: true, date: null });
  });

  it('refuses dates that do not exist or cannot be read, in Italian', () => {
    for (const text of ['31/02/2027', '29/02/2027', '00/01/2027', '12/13/2027', '2027-01-31', 'domani', '1/1/27']) {
      const parsed = readItalianDate(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/data/i);
    }
  });

  it('round-trips with italianDate', () => {
    expect(italianDate('2027-01-05')).toBe('05/01/2027');
    expect(readItalianDate(italianDate('2027-12-31'))).toEqual({ ok: true, date: '2027-12-31' });
  });
});

describe('dates a month apart', () => {
  it('keeps the day, or the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
  });
});

describe('splitInstalments', () => {
  it('splits evenly, the odd cents on the first instalment, monthly due dates', () => {
    expect(splitInstalments(10000, 3, '2027-01-31')).toEqual([
      { amountCents: 3334, dueDate: '2027-01-31' },
      { amountCents: 3333, dueDate: '2027-02-28' },
      { amountCents: 3333, dueDate: '2027-03-31' },
    ]);
  });

  it('always sums to the amount', () => {
    for (const total of [1, 99, 100, 12345, 99999]) {
      for (let count = 2; count <= 12; count++) {
        const parts = splitInstalments(total, count, '2027-01-01');
        expect(parts).toHaveLength(count);
        expect(parts.reduce((s, p) => s + p.amountCents, 0)).toBe(total);
      }
    }
  });

  it('proposes nothing for a single payment or an unreadable amount', () => {
    expect(splitInstalments(5000, 1, '2027-01-01')).toEqual([]);
    expect(splitInstalments(0, 3, '2027-01-01')).toEqual([]);
    expect(splitInstalments(5000, 2.5, '2027-01-01')).toEqual([]);
  });
});

describe('documentUrl', () => {
  it('takes the part after the documents folder, on Linux and on Windows', () => {
    expect(documentUrl('/tmp/sportello-x/documents/avvisi/301000000001234519.pdf')).toBe(
      'documents/avvisi/301000000001234519.pdf',
    );
    expect(documentUrl('C:\\Users\\Anna\\Documents\\dati\\documents\\avvisi\\301000000001234519.pdf')).toBe(
      'documents/avvisi/301000000001234519.pdf',
    );
    expect(documentUrl('/dati/documents/avvisi/nome con spazio.pdf')).toBe('documents/avvisi/nome%20con%20spazio.pdf');
  });

  it('gives no address for a path outside a documents folder or with dot segments', () => {
    expect(documentUrl('/tmp/altro/avviso.pdf')).toBeNull();
    expect(documentUrl('/dati/documents/../segreto.pdf')).toBeNull();
    expect(documentUrl('/dati/documents/')).toBeNull();
  });
});
