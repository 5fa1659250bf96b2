import { describe, expect, it } from 'vitest';
import { CounterConfig, DEFAULT_COUNTER_CONFIG } from '../../../shared/config';
import { EnteConfig } from '../../../shared/pagopa/ente';
import { DEMO_ENTE } from '../../../seeds/ente';
import { isValidTaxCode11 } from '../../../shared/taxCode11';

describe('EnteConfig', () => {
  it('accepts the demo Ente, whose fiscal code passes the P.IVA check', () => {
    expect(EnteConfig.parse(DEMO_ENTE)).toEqual(DEMO_ENTE);
    expect(isValidTaxCode11(DEMO_ENTE.fiscalCode)).toBe(true);
  });
  it('refuses a fiscal code with a wrong check digit or length', () => {
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, fiscalCode: '12345678901' }).success).toBe(false);
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, fiscalCode: '0012345045' }).success).toBe(false);
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, fiscalCode: '01199250158' }).success).toBe(true);
  });
  it('refuses a bad segregation code, CBILL or postal account', () => {
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, segregationCode: '1' }).success).toBe(false);
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, cbill: 'ab1c2' }).success).toBe(false);
    const postal = { account: '1234567890123', authorization: 'AUT/2026/1' };
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, postal }).success).toBe(false);
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, postal: { ...postal, account: '12345678' } }).success).toBe(true);
  });
  it('holds the guide limits: name 100, sector 50, info 100', () => {
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, name: 'x'.repeat(100) }).success).toBe(true);
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, name: 'x'.repeat(101) }).success).toBe(false);
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, sector: 'x'.repeat(51) }).success).toBe(false);
    expect(EnteConfig.safeParse({ ...DEMO_ENTE, info: 'x'.repeat(101) }).success).toBe(false);
  });
});

describe('CounterConfig.ente', () => {
  it('is absent from the default configuration (never the demo codes) and optional for older configurations', () => {
    expect(DEFAULT_COUNTER_CONFIG).not.toHaveProperty('ente');
    expect(DEFAULT_COUNTER_CONFIG).not.toHaveProperty('enrolment');
    expect(CounterConfig.parse(DEFAULT_COUNTER_CONFIG).ente).toBeUndefined();
    expect(CounterConfig.parse({ ...DEFAULT_COUNTER_CONFIG, ente: DEMO_ENTE }).ente).toEqual(DEMO_ENTE);
    expect(
      CounterConfig.safeParse({ ...DEFAULT_COUNTER_CONFIG, ente: { ...DEMO_ENTE, fiscalCode: '1' } }).success,
    ).toBe(false);
  });
});
