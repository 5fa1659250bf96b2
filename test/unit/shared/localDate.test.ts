import { describe, expect, it } from 'vitest';
import { isLocalDate, LocalDate } from '../../../shared/localDate';
import { contract } from '../../../shared/contract';
import { NoticePayment } from '../../../shared/central';

describe('LocalDate: only days that exist', () => {
  it('knows month lengths and leap years', () => {
    for (const ok of [
      '2027-01-31',
      '2027-02-28',
      '2028-02-29',
      '2000-02-29',
      '2027-04-30',
      '2027-12-31',
      '1900-01-01',
    ]) {
      expect(isLocalDate(ok), ok).toBe(true);
    }
    for (const bad of [
      '2027-02-29',
      '1900-02-29',
      '2100-02-29',
      '2027-02-31',
      '2027-04-31',
      '2027-13-01',
      '2027-00-10',
      '2027-01-00',
      '2027-1-1',
      '27-01-01',
      '',
    ]) {
      expect(isLocalDate(bad), bad).toBe(false);
    }
  });

  it('refuses impossible and absurd dates with an Italian message', () => {
    const impossible = LocalDate.safeParse('2027-02-31');
    expect(impossible.success).toBe(false);
    expect(impossible.error?.issues[0]?.message).toMatch(/esiste nel calendario/);
    const far = LocalDate.safeParse('2300-01-01');
    expect(far.error?.issues[0]?.message).toMatch(/fuori dall'intervallo/);
    expect(LocalDate.parse('2027-03-01')).toBe('2027-03-01');
  });

  it('guards the contract: a notice due on 31 February is refused before the core sees it', () => {
    const input = {
      accountId: '0190f0f0-0000-7000-8000-000000000001',
      amountCents: 1000,
      subject: 'Prova',
      dueDate: '2027-02-31',
    };
    const parsed = contract['notices.issue'].input.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(contract['notices.issue'].input.safeParse({ ...input, dueDate: '2027-02-28' }).success).toBe(true);
  });

  it('guards the central API too: a notice payment due on 30 February is not registered', () => {
    const shape = NoticePayment.shape.dueDate;
    expect(shape.safeParse('2027-02-30').success).toBe(false);
    expect(shape.safeParse('2027-02-27').success).toBe(true);
  });
});
