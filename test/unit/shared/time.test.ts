import { describe, expect, it } from 'vitest';
import { formatLocalDate, formatRomeDateTime, romeDate, romeYear } from '../../../shared/time';

describe('romeDate', () => {
  it('winter (CET, UTC+1): 22:59 UTC is still the same day, 23:00 UTC is already tomorrow', () => {
    expect(romeDate(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(romeDate(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
  });

  it('summer (CEST, UTC+2): 21:59 UTC is still the same day, 22:00 UTC is already tomorrow', () => {
    expect(romeDate(new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
    expect(romeDate(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
    // 22:30 UTC would still be "today" in winter: the offset really changed.
    expect(romeDate(new Date('2026-07-15T22:30:00Z'))).toBe('2026-07-16');
    expect(romeDate(new Date('2026-01-15T22:30:00Z'))).toBe('2026-01-15');
  });

  it('midnight UTC is 01:00 or 02:00 in Rome, the same calendar day', () => {
    expect(romeDate(new Date('2026-01-16T00:00:00Z'))).toBe('2026-01-16');
    expect(romeDate(new Date('2026-07-16T00:00:00Z'))).toBe('2026-07-16');
  });
});

describe('romeYear', () => {
  it('31 December 23:30 UTC is already the next year in Rome (receipt numbering restarts)', () => {
    expect(romeYear(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
    expect(romeYear(new Date('2025-12-31T22:59:59Z'))).toBe(2025);
  });
});

describe('display helpers', () => {
  it('formatRomeDateTime shows Rome local time as dd/mm/yyyy hh:mm', () => {
    expect(formatRomeDateTime('2026-11-28T13:05:00Z')).toBe('28/11/2026 14:05');
    expect(formatRomeDateTime(new Date('2026-07-01T06:00:00Z'))).toBe('01/07/2026 08:00');
  });

  it('formatLocalDate turns YYYY-MM-DD into dd/mm/yyyy', () => {
    expect(formatLocalDate('2026-11-28')).toBe('28/11/2026');
  });
});
