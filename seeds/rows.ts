import type { FamilyRecord } from '../shared/central';
import type { CounterConfig } from '../shared/config';
import type { CounterKind, LedgerKind, Role, Service } from '../shared/domain';

/**
 * The rows the demo data is made of, as plain data. Whoever loads them decides how they are stored:
 * dev/seed.ts writes them into a counter through the counter's roster store, central/load.ts into the
 * emulator's own tables. The counter's store takes the same shapes (the compiler checks it where
 * dev/seed.ts hands them over).
 */
export interface DemoCounterRow {
  code: string;
  name: string;
  kind: CounterKind;
  address: string;
  config: CounterConfig;
}

export interface DemoOperatorRow {
  code: string;
  name: string;
  role: Role;
  /** null: a supervisor of the Servizi Educativi, who may approve at any front-office counter (never at a pharmacy). */
  counterCode: string | null;
  pinHash: string;
}

export type DemoFamilyRow = FamilyRecord;

export interface DemoChildRow {
  id: string;
  familyId: string;
  surname: string;
  name: string;
  fiscalCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  school: string;
}

export interface DemoAccountRow {
  id: string;
  childId: string;
  service: Service;
  papayCode: string;
  serverBalanceCents: number;
  /** The last server sequence the balance includes. */
  serverSeq: number;
  /** UTC ISO time of the balance, null if the server never sent one. */
  serverBalanceAt: string | null;
}

/** An entry the central service already counted in the balance. */
export interface DemoHistoryRow {
  id: string;
  accountId: string;
  kind: LedgerKind;
  amountCents: number;
  createdAt: string;
  /** YYYY-MM-DD, Europe/Rome */
  businessDate: string;
  counterCode: string | null;
  reason: string | null;
}
