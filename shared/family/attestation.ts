import type { LedgerKind, Service } from '../domain';
import { taxRulesOf, type TaxYearRules } from './taxConfig';

/**
 * The figures of the attestazione for the 730: what was paid for one child's service in one calendar
 * year, by the day of payment (criterio di cassa), split into traceable (card, pagoPA) and cash. A
 * void counts in the year it was made, against the kind of payment it takes back; meals and
 * adjustments are not payments and do not count. Pure: the core reads the entries.
 */

/** An entry of the account as the attestation reads it. */
export interface PaidEntry {
  kind: LedgerKind;
  amountCents: number;
  /** The day in Rome, "AAAA-MM-GG". */
  day: string;
  /** For a void: the kind of the entry it takes back. */
  voidsKind: LedgerKind | null;
  /** The payer's codice fiscale, when it was given at payment. */
  payerCf: string | null;
}

export interface AttestationFigures {
  taxYear: number;
  code: string;
  limitCents: number | null;
  notes: string[];
  traceableCents: number;
  cashCents: number;
  totalCents: number;
  /** The payers' codici fiscali given at payment, in order of first appearance. */
  payerCfs: string[];
  /** Nothing was paid in the year (net of voids): the document says "nessun pagamento nel <anno>". */
  none: boolean;
}

type PaymentClass = 'traceable' | 'cash' | null;

function classOf(kind: LedgerKind | null): PaymentClass {
  if (kind === 'topup_cash') return 'cash';
  if (kind === 'topup_card' || kind === 'topup_pagopa') return 'traceable';
  return null;
}

export function attestationFigures(
  entries: readonly PaidEntry[],
  service: Service,
  taxYear: number,
  rules: readonly TaxYearRules[],
): AttestationFigures {
  const rule = taxRulesOf(rules, taxYear);
  const code = rule.codes[service];
  const year = String(taxYear);
  let traceableCents = 0;
  let cashCents = 0;
  const payerCfs: string[] = [];
  for (const e of entries) {
    if (e.day.slice(0, 4) !== year) continue;
    const cls = classOf(e.kind === 'void' ? e.voidsKind : e.kind);
    if (cls === null) continue;
    if (cls === 'cash') cashCents += e.amountCents;
    else traceableCents += e.amountCents;
    if (e.kind !== 'void' && e.payerCf && !payerCfs.includes(e.payerCf)) payerCfs.push(e.payerCf);
  }
  return {
    taxYear,
    code,
    limitCents: rule.limitCents[code] ?? null,
    notes: rule.notes,
    traceableCents,
    cashCents,
    totalCents: traceableCents + cashCents,
    payerCfs,
    none: traceableCents === 0 && cashCents === 0,
  };
}

/** The Italian message for a tax year the attestation cannot cover (not a whole year, or not begun), or null. */
export function taxYearProblem(taxYear: number, today: string): string | null {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(taxYear) || taxYear < 2000) return `Anno d'imposta non valido: ${taxYear}.`;
  if (taxYear > current)
    return `L'anno d'imposta ${taxYear} non è ancora iniziato: indicare un anno fino al ${current}.`;
  return null;
}
