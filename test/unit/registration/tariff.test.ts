import { describe, expect, it } from 'vitest';
import { EnrolmentConfig } from '../../../shared/registration/config';
import { DEMO_ENROLMENT } from '../../../seeds/enrolment';
import { isLate } from '../../../shared/registration/deadline';
import { quoteTariff } from '../../../shared/registration/tariff';

const TODAY = '2026-11-30';
const config = EnrolmentConfig.parse(DEMO_ENROLMENT);

describe('tariff bands by ISEE (refezione 2026/2027)', () => {
  const quote = (iseeCents: number | undefined) =>
    quoteTariff(config, { service: 'refezione', schoolYear: '2026/2027', iseeCents, siblingOrder: 1 }, TODAY);

  it('puts each ISEE in its band, limits inclusive', () => {
    expect(quote(0)).toMatchObject({
      band: { code: 'A' },
      tariffCents: 150,
      finalTariffCents: 150,
      tariffUnit: 'a pasto',
    });
    expect(quote(600_000).band.code).toBe('A');
    expect(quote(600_001).band.code).toBe('B');
    expect(quote(1_000_000)).toMatchObject({ band: { code: 'B' }, tariffCents: 280 });
    expect(quote(1_600_000).band.code).toBe('C');
    expect(quote(2_500_000)).toMatchObject({ band: { code: 'D' }, tariffCents: 460 });
    expect(quote(2_500_001)).toMatchObject({ band: { code: 'E' }, tariffCents: 520 });
  });

  it('gives the top band without an ISEE', () => {
    expect(quote(undefined)).toEqual({
      band: { code: 'E', label: 'Fascia E (ISEE oltre 25.000,00 € o non presentato)' },
      tariffCents: 520,
      siblingReductionPercent: 0,
      finalTariffCents: 520,
      tariffUnit: 'a pasto',
      late: true,
    });
  });

  it('treats an ISEE older than its validity as none, and says so', () => {
    const base = { service: 'refezione', schoolYear: '2026/2027', iseeCents: 500_000, siblingOrder: 1 } as const;
    expect(quoteTariff(config, { ...base, iseeDate: '2025-01-15' }, TODAY)).toMatchObject({ band: { code: 'A' } });
    const old = quoteTariff(config, { ...base, iseeDate: '2024-12-31' }, TODAY);
    expect(old).toMatchObject({ band: { code: 'E' }, tariffCents: 520 });
    expect(old.note).toBe(
      'ISEE del 31/12/2024 non più valido (deve essere del 2025 o successivo): applicata la fascia massima.',
    );
    expect(quoteTariff(config, { ...base, iseeDate: '2026-12-01' }, TODAY).band.code).toBe('E');
  });

  it('refuses a year or service without a tariff', () => {
    expect(() =>
      quoteTariff(config, { service: 'refezione', schoolYear: '2030/2031', siblingOrder: 1 }, TODAY),
    ).toThrow(/Nessuna tariffa configurata per refezione scolastica nell'anno scolastico 2030\/2031/);
  });
});

describe('units and the nido part time', () => {
  it('trasporto and nido are monthly; part time is the band amount or the configured percentage', () => {
    const q = (service: 'trasporto' | 'asilo_nido', iseeCents: number | undefined, nidoTime?: 'part_time') =>
      quoteTariff(config, { service, schoolYear: '2026/2027', iseeCents, siblingOrder: 1, nidoTime }, TODAY);
    expect(q('trasporto', 1_200_000)).toMatchObject({ band: { code: 'B' }, tariffCents: 2500, tariffUnit: 'al mese' });
    expect(q('asilo_nido', 1_000_000)).toMatchObject({
      band: { code: 'B' },
      tariffCents: 22_000,
      tariffUnit: 'al mese',
    });
    // 70% of 220 euro.
    expect(q('asilo_nido', 1_000_000, 'part_time')).toMatchObject({
      tariffCents: 15_400,
      tariffUnit: 'al mese (part time)',
    });
    // The top band says its own part-time amount.
    expect(q('asilo_nido', undefined, 'part_time')).toMatchObject({ band: { code: 'D' }, tariffCents: 30_000 });
  });
});

describe('sibling reduction', () => {
  const q = (siblingOrder: number, cfg: EnrolmentConfig = config) =>
    quoteTariff(cfg, { service: 'refezione', schoolYear: '2026/2027', iseeCents: 1_500_000, siblingOrder }, TODAY);

  it('applies 20% from the second child, rounded to the cent', () => {
    expect(q(1)).toMatchObject({ tariffCents: 380, siblingReductionPercent: 0, finalTariffCents: 380 });
    expect(q(2)).toMatchObject({ tariffCents: 380, siblingReductionPercent: 20, finalTariffCents: 304 });
    expect(q(5)).toMatchObject({ siblingReductionPercent: 20, finalTariffCents: 304 });
    const odd = {
      ...config,
      tariffs: config.tariffs.map((t) => ({ ...t, bands: t.bands.map((b) => ({ ...b, amountCents: 285 })) })),
    };
    expect(q(2, odd).finalTariffCents).toBe(228);
  });

  it('is configurable: from the third child, or none', () => {
    expect(q(2, { ...config, siblingReduction: { percent: 30, fromOrder: 3 } }).siblingReductionPercent).toBe(0);
    expect(q(3, { ...config, siblingReduction: { percent: 30, fromOrder: 3 } })).toMatchObject({
      siblingReductionPercent: 30,
      finalTariffCents: 266,
    });
    expect(q(4, { ...config, siblingReduction: null })).toMatchObject({
      siblingReductionPercent: 0,
      finalTariffCents: 380,
    });
  });
});

describe('deadline', () => {
  it('is late only after the deadline day', () => {
    expect(isLate('2026-09-14', '2026-09-15')).toBe(false);
    expect(isLate('2026-09-15', '2026-09-15')).toBe(false);
    expect(isLate('2026-09-16', '2026-09-15')).toBe(true);
    expect(isLate('2027-01-02', '2026-09-15')).toBe(true);
  });

  it('marks a quote made in the demo (November 2026) fuori termine, one made in summer not', () => {
    const req = { service: 'refezione', schoolYear: '2026/2027', siblingOrder: 1 } as const;
    expect(quoteTariff(config, req, '2026-11-30').late).toBe(true);
    expect(quoteTariff(config, req, '2026-07-01').late).toBe(false);
  });

  it('the configuration refuses bands out of order', () => {
    const bad = {
      ...DEMO_ENROLMENT,
      tariffs: [{ ...DEMO_ENROLMENT.tariffs[0]!, bands: [...DEMO_ENROLMENT.tariffs[0]!.bands].reverse() }],
    };
    expect(EnrolmentConfig.safeParse(bad).success).toBe(false);
  });
});
