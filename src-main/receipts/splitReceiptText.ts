import { METHOD_LABELS, SERVICE_LABELS, type PaymentMethod, type Service } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { RULE, center, field, joinLines, leftRight, wrap } from '../printing/layout';
import { balanceBasisLines, paymentNotes, receiptHead, stampDutyLines } from './receiptText';

/** One account of a split payment as its receipt lists it. */
export interface SplitReceiptLine {
  /** As the role may see the child, e.g. "Giulia Rossi". */
  child: string;
  service: Service;
  papayCode: string;
  /** Positive: the top-up, or for a void the amount given back. */
  amountCents: number;
  balanceAfterCents: number;
}

/** Everything the one receipt of a split payment (or of its void) says. */
export interface SplitReceiptData {
  header: string[];
  counterName: string;
  counterAddress: string;
  receiptNo: string;
  kind: 'ricarica' | 'storno';
  createdAt: string;
  operator: string;
  lines: SplitReceiptLine[];
  /** Positive: the payment's total, or the total given back. */
  totalCents: number;
  method: PaymentMethod;
  posAuthCode: string | null;
  payerCf: string | null;
  /** Time of the oldest central balance the figures start from; null when none was received. */
  balanceAsOf: string | null;
  /** The payment's id (the void's, for a void): the encoder prints it as a QR code too. */
  paymentId: string;
  stampDuty: { text: string; amountCents: number } | null;
  storno?: { originalReceiptNo: string; reason: string; supervisor: string };
}

/**
 * The receipt of one payment split across a family's accounts: each account (child, service, Pa-Pay
 * code) with its amount and new balance, then the total and how it was paid. 48 columns, like every
 * receipt; the void's receipt lists the same accounts with what each gives back.
 */
export function renderSplitReceiptText(d: SplitReceiptData): string {
  const isStorno = d.kind === 'storno';
  const lines: string[] = [
    ...receiptHead(d, center(`PAGAMENTO UNICO PER ${d.lines.length} CONTI`)),
    ...d.lines.flatMap((line, i) => [
      RULE,
      ...wrap(`${i + 1}. ${line.child}`),
      ...field('Servizio', SERVICE_LABELS[line.service], 1),
      ...field('Codice Pa-Pay', line.papayCode, 1),
      ...leftRight(isStorno ? 'Importo stornato' : 'Importo', formatEuro(line.amountCents), 1),
      ...leftRight(isStorno ? 'Saldo dopo lo storno' : 'Saldo dopo la ricarica', formatEuro(line.balanceAfterCents), 1),
    ]),
    RULE,
    ...leftRight(isStorno ? 'TOTALE STORNATO' : 'TOTALE', formatEuro(d.totalCents)),
    ...field('Metodo', METHOD_LABELS[d.method]),
    ...(d.posAuthCode === null ? [] : field('Autorizzazione POS', d.posAuthCode)),
    ...(isStorno ? [] : paymentNotes(d)),
    ...balanceBasisLines(d.balanceAsOf),
    ...(d.stampDuty === null ? [] : [RULE, ...stampDutyLines(d.stampDuty)]),
    ...(d.storno === undefined
      ? []
      : [
          RULE,
          ...field('Storna la ricevuta', d.storno.originalReceiptNo),
          ...wrap('Lo storno riguarda tutto il pagamento unico.'),
          ...field('Motivo', d.storno.reason),
          ...field('Autorizzato da', d.storno.supervisor),
        ]),
    RULE,
    ...wrap(`Pagamento: ${d.paymentId}`),
  ];
  return joinLines(lines);
}
