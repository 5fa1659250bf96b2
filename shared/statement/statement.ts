import { DomainError } from '../errors';
import type { LedgerKind } from '../domain';
import { formatLocalDate, formatRomeDateTime } from '../time';

/**
 * The estratto conto of one account: the movements of a period with their running balance. Pure:
 * the core reads the movements and the balance, this file does the arithmetic and the words.
 *
 * The balance is computed backwards from the account's balance today (the central's, plus this
 * counter's operations it does not count yet): closing = balance − the movements after the period,
 * opening = closing − the movements in it. So the closing of a period that ends today IS the
 * account's balance, whatever history this counter holds from before the period.
 */

/**
 * What the statement and the attestation say of their data: the meals and the payments made
 * elsewhere come through the central service's feed, so they are as of the last sync.
 * "dati al 27/11/2026 17:00 (ultima sincronizzazione con il servizio centrale)".
 */
export function dataAsOfText(dataAsOf: string | null): string {
  return dataAsOf === null
    ? 'dati non ancora sincronizzati con il servizio centrale'
    : `dati al ${formatRomeDateTime(dataAsOf)} (ultima sincronizzazione con il servizio centrale)`;
}

/** Where a payment was made, as the statement says it. */
export type MovementChannel = 'sportello' | 'farmacia' | 'pagopa' | 'portale' | 'mensa' | 'rettifica' | 'storno';

export interface StatementMovement {
  id: string;
  kind: LedgerKind;
  amountCents: number;
  /** UTC ISO instant. */
  at: string;
  /** The day in Rome, "AAAA-MM-GG" (a meal's day of service). */
  day: string;
  counterCode: string | null;
  /** True when counterCode is a pharmacy. */
  atPharmacy: boolean;
  /** The receipt of a counter's top-up or void. */
  receiptNo: string | null;
  /** The codice avviso of a pagoPA notice's payment. */
  nav: string | null;
  /** The receipt of the top-up a void takes back, when known. */
  voidsReceiptNo: string | null;
}

export interface StatementLine extends StatementMovement {
  channel: MovementChannel;
  description: string;
  /** The balance right after this movement. */
  balanceCents: number;
}

export interface StatementTotals {
  meals: number;
  mealsCents: number;
  paidCents: number;
  voidsCents: number;
  adjustmentsCents: number;
}

export interface Statement {
  from: string;
  to: string;
  openingCents: number;
  closingCents: number;
  lines: StatementLine[];
  totals: StatementTotals;
}

/** 1 September of the school year the day falls in ("2026-11-28" → "2026-09-01"; "2027-03-02" → "2026-09-01"). */
export function schoolYearStart(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return `${month >= 9 ? year : year - 1}-09-01`;
}

/** The period asked, or the school year so far; refused in Italian when backwards or in the future. */
export function statementPeriod(today: string, from?: string, to?: string): { from: string; to: string } {
  const end = to ?? today;
  const start = from ?? schoolYearStart(end);
  if (end > today) {
    throw new DomainError(
      'INPUT_INVALID',
      `Il periodo non può finire nel futuro: oggi è il ${formatLocalDate(today)}, la data finale è il ${formatLocalDate(end)}.`,
    );
  }
  if (start > end) {
    throw new DomainError(
      'INPUT_INVALID',
      `Periodo al contrario: la data iniziale (${formatLocalDate(start)}) viene dopo quella finale (${formatLocalDate(end)}).`,
    );
  }
  return { from: start, to: end };
}

export function channelOf(m: Pick<StatementMovement, 'kind' | 'atPharmacy' | 'nav'>): MovementChannel {
  switch (m.kind) {
    case 'meal':
      return 'mensa';
    case 'adjustment':
      return 'rettifica';
    case 'void':
      return 'storno';
    case 'topup_pagopa':
      return m.nav === null ? 'portale' : 'pagopa';
    case 'topup_cash':
    case 'topup_card':
      return m.atPharmacy ? 'farmacia' : 'sportello';
  }
}

const HOW: Record<'topup_cash' | 'topup_card', string> = {
  topup_cash: 'in contanti',
  topup_card: 'con bancomat/carta',
};

/** One line of the statement in words: "Pasto del 05/10/2026", "Ricarica allo sportello SE1 in contanti, ricevuta …". */
export function describeMovement(m: StatementMovement): string {
  const receipt = m.receiptNo === null ? '' : `, ricevuta ${m.receiptNo}`;
  switch (m.kind) {
    case 'meal':
      return `Pasto del ${formatLocalDate(m.day)}`;
    case 'adjustment':
      return 'Rettifica del servizio';
    case 'void':
      return m.voidsReceiptNo === null ? `Storno${receipt}` : `Storno della ricevuta ${m.voidsReceiptNo}${receipt}`;
    case 'topup_pagopa':
      return m.nav === null ? 'Pagamento dal portale genitori (pagoPA)' : `Pagamento pagoPA, codice avviso ${m.nav}`;
    case 'topup_cash':
    case 'topup_card': {
      const where = m.atPharmacy
        ? `in farmacia ${m.counterCode ?? ''}`.trim()
        : `allo sportello ${m.counterCode ?? ''}`;
      return `Ricarica ${where.trim()} ${HOW[m.kind]}${receipt}`;
    }
  }
}

/**
 * The statement of [from, to] given the account's balance now and every movement of the account from
 * `from` on (later ones included: they are taken off to find the closing), in any order.
 */
export function buildStatement(
  balanceNowCents: number,
  movements: readonly StatementMovement[],
  from: string,
  to: string,
): Statement {
  const sorted = [...movements]
    .filter((m) => m.day >= from)
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const inPeriod = sorted.filter((m) => m.day <= to);
  const after = sorted.filter((m) => m.day > to).reduce((s, m) => s + m.amountCents, 0);
  const closingCents = balanceNowCents - after;
  const openingCents = closingCents - inPeriod.reduce((s, m) => s + m.amountCents, 0);
  let running = openingCents;
  const totals: StatementTotals = { meals: 0, mealsCents: 0, paidCents: 0, voidsCents: 0, adjustmentsCents: 0 };
  const lines = inPeriod.map((m): StatementLine => {
    running += m.amountCents;
    if (m.kind === 'meal') {
      totals.meals++;
      totals.mealsCents += m.amountCents;
    } else if (m.kind === 'void') totals.voidsCents += m.amountCents;
    else if (m.kind === 'adjustment') totals.adjustmentsCents += m.amountCents;
    else totals.paidCents += m.amountCents;
    return { ...m, channel: channelOf(m), description: describeMovement(m), balanceCents: running };
  });
  return { from, to, openingCents, closingCents, lines, totals };
}
