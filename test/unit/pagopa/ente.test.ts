import { describe, expect, it } from 'vitest';
import { CounterConfig, DEFAULT_COUNTER_CONFIG } from '../../../shared/config';
import { EnteConfig, logoParts } from '../../../shared/pagopa/ente';
import { DEMO_ENTE, PLACEHOLDER_LOGO } from '../../../seeds/ente';
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

describe('EnteConfig.logo', () => {
  it('is a PNG or SVG file as a data URL; an Ente configured before logos existed has none', () => {
    expect(logoParts(PLACEHOLDER_LOGO).type).toBe('svg');
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(EnteConfig.parse({ ...DEMO_ENTE, logo: png }).logo).toBe(png);
    expect(logoParts(png)).toEqual({ type: 'png', base64: 'iVBORw0KGgo=' });
    const { logo: _logo, paysOnOwnSite: _site, ...older } = DEMO_ENTE;
    expect(EnteConfig.parse(older)).toMatchObject({ logo: null, paysOnOwnSite: false });
  });
  it('refuses a path, a URL, another image type or a file over 512 KB', () => {
    for (const logo of [
      'C:\\Comune\\stemma.png',
      'https://www.comune.carrara.ms.it/stemma.png',
      'data:image/jpeg;base64,AAAA',
      `data:image/png;base64,${'A'.repeat(512 * 1024)}`,
    ]) {
      expect(EnteConfig.safeParse({ ...DEMO_ENTE, logo }).success, logo.slice(0, 40)).toBe(false);
    }
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
