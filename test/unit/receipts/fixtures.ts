import type { ReceiptData } from '../../../src-main/receipts/receiptText';

/** A cash top-up at a pharmacy on a winter afternoon (13:05 UTC is 14:05 in Rome). */
export function receiptData(overrides: Partial<ReceiptData> = {}): ReceiptData {
  return {
    header: ['COMUNE DI CARRARA', 'Servizi Educativi e Scolastici'],
    counterName: 'Farmacia Comunale La Perla',
    counterAddress: 'Via Aurelia 123, 54033 Carrara (MS)',
    receiptNo: 'FP2/2026/000042',
    kind: 'ricarica',
    createdAt: '2026-11-28T13:05:00.000Z',
    operator: 'Niccolò Bertè (OP07)',
    child: 'Giulia R.',
    school: 'Scuola primaria Doganella',
    service: 'refezione',
    papayCode: '1234567897',
    amountCents: 2000,
    method: 'cash',
    posAuthCode: null,
    payerCf: null,
    balanceBeforeCents: 1050,
    balanceAfterCents: 3050,
    balanceAsOf: '2026-11-28T07:00:00.000Z',
    operationId: '0190f5c2-7d3a-7b1e-9c4d-2f6a8b0e1d23',
    stampDuty: null,
    ...overrides,
  };
}
