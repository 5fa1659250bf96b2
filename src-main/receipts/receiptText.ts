import { METHOD_LABELS, SERVICE_LABELS, isTraceable, type PaymentMethod, type Service } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { RULE, center, field, joinLines, leftRight, wrap } from '../printing/layout';

/** Everything a receipt says. The caller has already reduced personal data to what the role may see. */
export interface ReceiptData {
  /** The Comune's header lines from the counter configuration. */
  header: string[];
  counterName: string;
  counterAddress: string;
  /** e.g. "SE1/2026/000042" */
  receiptNo: string;
  kind: 'ricarica' | 'storno';
  /** UTC ISO instant, printed in Europe/Rome. */
  createdAt: string;
  /** Operator display: name and code. */
  operator: string;
  /** Already reduced to what the role allows, e.g. "Giulia R." at a pharmacy. */
  child: string;
  school: string;
  service: Service;
  papayCode: string;
  /** Positive amount of the operation; for a storno the amount given back. */
  amountCents: number;
  method: PaymentMethod;
  posAuthCode: string | null;
  payerCf: string | null;
  balanceBeforeCents: number;
  balanceAfterCents: number;
  /** Time of the central balance the figures start from; null when none has been received yet. */
  balanceAsOf: string | null;
  /** UUIDv7 of the operation; the encoder also prints it as a QR code. */
  operationId: string;
  /** Already decided by the caller (threshold, amount, wording). */
  stampDuty: { text: string; amountCents: number } | null;
  storno?: { originalReceiptNo: string; reason: string; supervisor: string };
}

export const CASH_NOT_DEDUCTIBLE_NOTICE =
  'I pagamenti in contanti non sono detraibili nella dichiarazione dei redditi (730).';
export const MISSING_PAYER_CF_WARNING =
  "Codice fiscale del pagatore non indicato: senza di esso il pagamento non può comparire nell'attestazione " +
  'per la dichiarazione dei redditi (730).';
export const COPY_MARK = '*** COPIA ***';

/** Where the balances on a receipt start from. */
export function balanceBasisLines(balanceAsOf: string | null): string[] {
  return wrap(
    balanceAsOf === null
      ? 'Saldi calcolati sulle sole operazioni di questo sportello: nessun saldo ricevuto finora dal sistema centrale.'
      : `Saldi calcolati dal saldo al ${formatRomeDateTime(balanceAsOf)} e dalle operazioni di questo sportello.`,
  );
}

/**
 * The head every receipt opens with: the Comune's header, the counter, the kind of receipt and
 * `subtitle` (a split payment's), then its number, date and operator.
 */
export function receiptHead(
  d: Pick<ReceiptData, 'header' | 'counterName' | 'counterAddress' | 'kind' | 'receiptNo' | 'createdAt' | 'operator'>,
  subtitle: string[] = [],
): string[] {
  return [
    ...d.header.flatMap(center),
    ...center(d.counterName),
    ...center(d.counterAddress),
    RULE,
    ...center(d.kind === 'storno' ? 'RICEVUTA DI STORNO' : 'RICEVUTA DI RICARICA'),
    ...subtitle,
    ...field('Numero', d.receiptNo),
    ...field('Data e ora', formatRomeDateTime(d.createdAt)),
    ...field('Operatore', d.operator),
  ];
}

/** The receipt as stored with its row and printed: lines joined by '\n', none wider than 48 columns. */
export function renderReceiptText(d: ReceiptData): string {
  const isStorno = d.kind === 'storno';
  const lines: string[] = [
    ...receiptHead(d),
    RULE,
    ...field('Consumatore', d.child),
    ...field('Scuola', d.school),
    ...field('Servizio', SERVICE_LABELS[d.service]),
    ...field('Codice Pa-Pay', d.papayCode),
    RULE,
    ...leftRight(isStorno ? 'IMPORTO STORNATO' : 'IMPORTO', formatEuro(d.amountCents)),
    ...field('Metodo', METHOD_LABELS[d.method]),
    ...(d.posAuthCode === null ? [] : field('Autorizzazione POS', d.posAuthCode)),
    ...(isStorno ? [] : paymentNotes(d)),
    RULE,
    ...leftRight(
      isStorno ? 'Saldo prima dello storno' : 'Saldo prima della ricarica',
      formatEuro(d.balanceBeforeCents),
    ),
    ...leftRight(isStorno ? 'Saldo dopo lo storno' : 'Saldo dopo la ricarica', formatEuro(d.balanceAfterCents)),
    ...balanceBasisLines(d.balanceAsOf),
    ...(d.stampDuty === null ? [] : [RULE, ...stampDutyLines(d.stampDuty)]),
    ...(d.storno === undefined ? [] : [RULE, ...stornoLines(d.storno)]),
    RULE,
    ...wrap(`Operazione: ${d.operationId}`),
  ];
  return joinLines(lines);
}

/** What the family needs for the tax return: traceability, the cash notice, the payer's CF. */
export function paymentNotes(d: Pick<ReceiptData, 'method' | 'payerCf'>): string[] {
  return [
    ...field('Pagamento tracciabile', isTraceable(d.method) ? 'sì' : 'no'),
    ...(d.method === 'cash' ? wrap(CASH_NOT_DEDUCTIBLE_NOTICE) : []),
    ...(d.payerCf === null || d.payerCf.trim() === ''
      ? wrap(MISSING_PAYER_CF_WARNING)
      : field('CF del pagatore', d.payerCf.toUpperCase())),
  ];
}

export function stampDutyLines(duty: { text: string; amountCents: number }): string[] {
  return leftRight(duty.text, formatEuro(duty.amountCents));
}

function stornoLines(storno: { originalReceiptNo: string; reason: string; supervisor: string }): string[] {
  return [
    ...field('Storna la ricevuta', storno.originalReceiptNo),
    ...field('Motivo', storno.reason),
    ...field('Autorizzato da', storno.supervisor),
  ];
}

/** A stored receipt printed again: marked at both ends so it can never pass for the original. */
export function markAsCopy(text: string): string {
  const mark = center(COPY_MARK)[0] ?? COPY_MARK;
  let body = text.split('\n');
  // Reprinting a copy must not stack marks.
  if (body[0]?.trim() === COPY_MARK) body = body.slice(1);
  if (body.at(-1)?.trim() === COPY_MARK) body = body.slice(0, -1);
  return joinLines([mark, ...body, mark]);
}
