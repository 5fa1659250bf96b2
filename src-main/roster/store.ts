import type BetterSqlite3 from 'better-sqlite3';
import type { FamilyRecord } from '../../shared/central';
import { checkFiscalCode } from '../../shared/codiceFiscale';
import { CounterConfig } from '../../shared/config';
import type { CounterKind, LedgerKind, Role, Service } from '../../shared/domain';
import { checkPapayCode } from '../../shared/papay';
import { childSearchKeys } from '../../shared/searchKey';
import { rosterQueries } from './queries';

/**
 * Validated writes of the roster for the demo seeds and the tests' fixtures, on the statements the
 * sync's pull uses too (roster/queries.ts). The caller owns the transaction: wrap bulk writes in
 * `db.sqlite.transaction(...)`.
 */
export interface RosterDb {
  sqlite: BetterSqlite3.Database;
}

export class InvalidRosterDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRosterDataError';
  }
}

export interface CounterInput {
  code: string;
  name: string;
  kind: CounterKind;
  address: string;
  config: CounterConfig;
}

export interface OperatorInput {
  code: string;
  name: string;
  role: Role;
  /** null: a supervisor of the Servizi Educativi, who may approve at any front-office counter (never at a pharmacy). */
  counterCode: string | null;
  pinHash: string;
}

export type FamilyInput = FamilyRecord;

export interface ChildInput {
  id: string;
  familyId: string;
  surname: string;
  name: string;
  fiscalCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  school: string;
}

export interface AccountInput {
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

export interface CentralLedgerInput {
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

function requireIntegerCents(value: number, what: string): void {
  if (!Number.isSafeInteger(value))
    throw new InvalidRosterDataError(`${what}: importo non intero in centesimi (${value}).`);
}

/** Refuses an invalid codice fiscale with the Italian reason; returns the normalized code and its canonical form. */
function validFiscalCode(fiscalCode: string, whose: string): { code: string; canonical: string } {
  const check = checkFiscalCode(fiscalCode);
  if (!check.valid) throw new InvalidRosterDataError(`${whose}: ${check.message}`);
  return { code: check.code, canonical: check.canonical };
}

export function upsertCounter(db: RosterDb, counter: CounterInput): void {
  // The config is read back by the core as data: store only what the schema accepts.
  const config = CounterConfig.parse(counter.config);
  rosterQueries(db.sqlite).upsertCounter.run({
    code: counter.code,
    name: counter.name,
    kind: counter.kind,
    address: counter.address,
    config: JSON.stringify(config),
  });
}

export function upsertOperator(db: RosterDb, operator: OperatorInput): void {
  rosterQueries(db.sqlite).upsertOperator.run({ ...operator, active: 1 });
}

export function insertFamily(db: RosterDb, family: FamilyInput): void {
  const cf = validFiscalCode(family.fiscalCode, `Adulto di riferimento ${family.surname} ${family.name}`);
  rosterQueries(db.sqlite).upsertFamily.run({ ...family, fiscalCode: cf.code });
}

export function insertChild(db: RosterDb, child: ChildInput): void {
  const cf = validFiscalCode(child.fiscalCode, `Consumatore ${child.surname} ${child.name}`);
  rosterQueries(db.sqlite).upsertChild.run({
    ...child,
    fiscalCode: cf.code,
    canonical: cf.canonical,
    ...childSearchKeys(child.surname, child.name),
  });
}

export function insertAccount(db: RosterDb, account: AccountInput): void {
  const papay = checkPapayCode(account.papayCode);
  if (!papay.valid) throw new InvalidRosterDataError(`Conto ${account.id}: ${papay.message}`);
  requireIntegerCents(account.serverBalanceCents, `Conto ${account.id}`);
  rosterQueries(db.sqlite).upsertAccount.run({ ...account, papayCode: papay.code });
}

export function insertCentralLedgerEntry(db: RosterDb, entry: CentralLedgerInput): void {
  requireIntegerCents(entry.amountCents, `Movimento ${entry.id}`);
  const written = rosterQueries(db.sqlite).insertCentralEntry.run({
    ...entry,
    voidsId: null,
    seq: null,
    receiptRef: null,
    nav: null,
    payerCf: null,
  });
  // The statement ignores an entry the feed sends twice; a seed that writes one twice is a mistake.
  if (written.changes === 0) throw new InvalidRosterDataError(`Movimento ${entry.id}: già presente.`);
}
