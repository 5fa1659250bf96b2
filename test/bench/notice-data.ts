import { DEMO_ENTE } from '../../seeds/ente';
import { buildNav3 } from '../../shared/pagopa/nav';
import type { NoticeDocumentData } from '../../src-main/documents/noticePdf';

/** A typical notice of the counter: rata unica with a due date, one QR, no postal bulletin. */
export function benchNotice(i: number): NoticeDocumentData {
  const { nav } = buildNav3(DEMO_ENTE.segregationCode, String(1_000_000 + i).padStart(13, '0'));
  const amountCents = 2_000 + (i % 500) * 100;
  return {
    ente: DEMO_ENTE,
    subject: 'Ricarica refezione scolastica',
    debtor: { fiscalCode: 'RSSMRA72L09H501S', fullName: 'Niccolò Rossi', address: 'Via Roma 1, 54033 Carrara (MS)' },
    totalCents: amountCents,
    dueDate: '2026-12-31',
    payments: [{ nav, amountCents, dueDate: '2026-12-31', installment: null }],
    issuedAt: '2026-11-28T09:30:00.000Z',
    registered: false,
  };
}
