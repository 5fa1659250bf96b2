import { describe, expect, it } from 'vitest';
import { DEFAULT_COUNTER_CONFIG, topupLimitsOf, type CounterConfig } from '../../../shared/config';
import {
  MAX_SPLIT_LINES,
  sameFamily,
  splitProblem,
  splitTotal,
  type SplitAccount,
  type SplitLine,
} from '../../../shared/payments/split';

const config: CounterConfig = {
  ...DEFAULT_COUNTER_CONFIG,
  minTopupCents: 500,
  maxTopupCents: 50_000,
  cashLimitCents: 500_000,
  serviceLimits: { asilo_nido: { minCents: 1_000, maxCents: 100_000 } },
};

const accounts: Record<string, SplitAccount> = {
  giulia_ref: {
    accountId: 'giulia_ref',
    childId: 'giulia',
    familyId: 'rossi',
    service: 'refezione',
    childName: 'Giulia Rossi',
  },
  luca_tra: {
    accountId: 'luca_tra',
    childId: 'luca',
    familyId: 'rossi',
    service: 'trasporto',
    childName: 'Luca Rossi',
  },
  luca_nido: {
    accountId: 'luca_nido',
    childId: 'luca',
    familyId: 'rossi',
    service: 'asilo_nido',
    childName: 'Luca Rossi',
  },
  anna_ref: {
    accountId: 'anna_ref',
    childId: 'anna',
    familyId: 'bianchi',
    service: 'refezione',
    childName: 'Anna Bianchi',
  },
  solo_ref: { accountId: 'solo_ref', childId: 'solo', familyId: null, service: 'refezione', childName: 'Solo Verdi' },
  solo_tra: { accountId: 'solo_tra', childId: 'solo', familyId: null, service: 'trasporto', childName: 'Solo Verdi' },
  altro_ref: {
    accountId: 'altro_ref',
    childId: 'altro',
    familyId: null,
    service: 'refezione',
    childName: 'Altro Neri',
  },
};
const accountOf = (id: string) => accounts[id] ?? null;
const problem = (lines: SplitLine[], method: 'cash' | 'card' = 'cash', c = config) =>
  splitProblem(lines, method, c, accountOf);
const line = (accountId: string, amountCents: number): SplitLine => ({ accountId, amountCents });

describe('split payment rules', () => {
  it('adds the lines up in cents', () => {
    expect(splitTotal([line('a', 3_000), line('b', 2_000), line('c', 1)])).toBe(5_001);
    expect(splitTotal([])).toBe(0);
  });

  it('accepts two children of one adulto di riferimento, each within its service', () => {
    expect(problem([line('giulia_ref', 3_000), line('luca_tra', 2_000)])).toBeNull();
    // The nido's own limits: 800 would be below the nido's minimum of 10 euro.
    expect(problem([line('giulia_ref', 800), line('luca_nido', 1_000)])).toBeNull();
    expect(problem([line('giulia_ref', 1_000), line('luca_nido', 800)])).toEqual({
      code: 'AMOUNT_OUT_OF_RANGE',
      message: "Riga 2 (Luca Rossi, Asilo nido): l'importo deve essere tra € 10,00 e € 1.000,00.",
    });
    expect(topupLimitsOf(config, 'trasporto')).toEqual({ minCents: 500, maxCents: 50_000 });
  });

  it('takes a child without an adulto di riferimento as a family of its own', () => {
    expect(problem([line('solo_ref', 1_000), line('solo_tra', 1_000)])).toBeNull();
    expect(problem([line('solo_ref', 1_000), line('altro_ref', 1_000)])?.message).toMatch(
      /^Riga 2: il conto Altro Neri, Refezione scolastica non è della stessa famiglia/,
    );
    expect(sameFamily(accounts.solo_ref as SplitAccount, accounts.giulia_ref as SplitAccount)).toBe(false);
    expect(sameFamily(accounts.giulia_ref as SplitAccount, accounts.luca_nido as SplitAccount)).toBe(true);
  });

  it('refuses another family, an account twice, a zero line, one line, too many lines, an unknown account', () => {
    expect(problem([line('giulia_ref', 1_000), line('anna_ref', 1_000)])).toMatchObject({ code: 'INPUT_INVALID' });
    expect(problem([line('giulia_ref', 1_000), line('giulia_ref', 2_000)])?.message).toBe(
      'Riga 2: il conto Giulia Rossi, Refezione scolastica è già in una riga; ogni conto compare una volta sola.',
    );
    expect(problem([line('giulia_ref', 1_000), line('luca_tra', 0)])?.message).toBe(
      "Riga 2 (Luca Rossi, Trasporto scolastico): l'importo è zero; indicare un importo o togliere la riga.",
    );
    expect(problem([line('giulia_ref', 1_000), line('luca_tra', -1_000)])).toMatchObject({
      code: 'AMOUNT_OUT_OF_RANGE',
    });
    expect(problem([line('giulia_ref', 1_000)])?.message).toMatch(/almeno due conti/);
    const many = Array.from({ length: MAX_SPLIT_LINES + 1 }, (_, i) => line(`x${i}`, 1_000));
    expect(problem(many)?.message).toBe(
      `Un pagamento unico riguarda al massimo ${MAX_SPLIT_LINES} conti: ${MAX_SPLIT_LINES + 1} sono troppi, dividere in due pagamenti.`,
    );
    expect(problem([line('giulia_ref', 1_000), line('nessuno', 1_000)])).toEqual({
      code: 'NOT_FOUND',
      message: 'Riga 2: conto non trovato, ripetere la ricerca.',
    });
  });

  it('holds the legal cash limit to the whole payment, not to each line, and never a card', () => {
    const c = { ...config, cashLimitCents: 100_000 };
    // Each line below the limit, together at the limit: refused in cash.
    const lines = [line('giulia_ref', 50_000), line('luca_nido', 50_000)];
    expect(problem(lines, 'cash', c)).toEqual({
      code: 'CASH_LIMIT',
      message:
        'Pagamento in contanti non consentito da € 1.000,00 in su (limite di legge): il limite vale per il totale del pagamento unico (€ 1.000,00). Usare il bancomat.',
    });
    expect(problem([line('giulia_ref', 50_000), line('luca_nido', 49_999)], 'cash', c)).toBeNull();
    expect(problem(lines, 'card', c)).toBeNull();
  });
});
