import type { EnteConfig } from '../../../shared/pagopa/ente';
import { DEMO_ENTE } from '../../../seeds/ente';
import { buildNav3 } from '../../../shared/pagopa/nav';
import type { NoticeDocumentData } from '../../../src-main/documents/noticePdf';

/** The worked example of pagopa.md: SS 01, base 0000000012345. */
export const NAV = '301000000001234519';

export const POSTAL_ENTE: EnteConfig = {
  ...DEMO_ENTE,
  postal: { account: '12345678', authorization: 'AUT/2026/0042 del 01/02/2026' },
};

export function singleNotice(overrides: Partial<NoticeDocumentData> = {}): NoticeDocumentData {
  return {
    ente: DEMO_ENTE,
    subject: 'Ricarica refezione scolastica',
    debtor: { fiscalCode: 'RSSMRA72L09H501S', fullName: 'Niccolò Rossi', address: 'Via Roma 1, 54033 Carrara (MS)' },
    totalCents: 102099,
    dueDate: '2026-12-31',
    payments: [{ nav: NAV, amountCents: 102099, dueDate: '2026-12-31', installment: null }],
    issuedAt: '2026-11-28T09:30:00.000Z',
    registered: true,
    ...overrides,
  };
}

/** Three instalments (340,33 + 340,33 + 340,33 = 1.020,99), each with its own NAV. */
export function instalmentNotice(overrides: Partial<NoticeDocumentData> = {}): NoticeDocumentData {
  const amounts = [34033, 34033, 34033];
  const dates = ['2026-12-31', '2027-01-31', '2027-02-28'];
  return singleNotice({
    subject: 'Retta asilo nido, primo trimestre',
    totalCents: amounts.reduce((a, b) => a + b, 0),
    dueDate: '2026-12-31',
    payments: amounts.map((amountCents, i) => ({
      nav: buildNav3('01', String(12346 + i).padStart(13, '0')).nav,
      amountCents,
      dueDate: dates[i] ?? null,
      installment: i + 1,
    })),
    ...overrides,
  });
}

/** A rata unica of 1.020,99 and, to choose instead, `count` instalments that add up to it. */
export function fullOrInstalmentsNotice(
  count: number,
  overrides: Partial<NoticeDocumentData> = {},
): NoticeDocumentData {
  const total = 102099;
  const each = Math.floor(total / count);
  const dates = ['2026-12-31', '2027-01-31', '2027-02-28', '2027-03-31'];
  return singleNotice({
    totalCents: total,
    dueDate: '2026-12-31',
    payments: [
      { nav: NAV, amountCents: total, dueDate: '2026-12-31', installment: null },
      ...Array.from({ length: count }, (_, i) => ({
        nav: buildNav3('01', String(22346 + i).padStart(13, '0')).nav,
        amountCents: i === 0 ? total - each * (count - 1) : each,
        dueDate: dates[i] ?? null,
        installment: i + 1,
      })),
    ],
    ...overrides,
  });
}

/** Every kind of notice the counter prints, for the tests that go through all of them. */
export const NOTICE_KINDS = {
  single: () => singleNotice(),
  noDueDate: () =>
    singleNotice({ dueDate: null, payments: [{ nav: NAV, amountCents: 102099, dueDate: null, installment: null }] }),
  instalmentsOnly: () => instalmentNotice(),
  fullOr2: () => fullOrInstalmentsNotice(2),
  fullOr3: () => fullOrInstalmentsNotice(3),
  postal: () => singleNotice({ ente: POSTAL_ENTE }),
  fullOr2Postal: () => fullOrInstalmentsNotice(2, { ente: POSTAL_ENTE }),
  instalmentsOnlyPostal: () => instalmentNotice({ ente: POSTAL_ENTE, registered: false }),
} satisfies Record<string, () => NoticeDocumentData>;
export type NoticeKind = keyof typeof NOTICE_KINDS;
