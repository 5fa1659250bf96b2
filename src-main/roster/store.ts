import type BetterSqlite3 from 'better-sqlite3';
import { checkFiscalCode } from '../../shared/codiceFiscale';
import { CounterConfig } from '../../shared/config';
import type { CounterKind, LedgerKind, Role, Service } from '../../shared/domain';
import { checkPapayCode } from '../../shared/papay';
import { preparedPerConnection } from '../db/statements';

/**
 * Writes of the roster (counters, operators, families, children, accounts, central history).
 * Used by the demo seeds and, later, by the sync pull: both write many rows in one transaction,
 * so statements are prepared once per connection and reused (see `statementsFor`).
 * The caller owns the transaction: wrap bulk writes in `db.sqlite.transaction(...)`.
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
  /** null: a supervisor of the Servizi Educativi, who may approve at any counter. */
  counterCode: string | null;
  pinHash: string;
}

export interface FamilyInput {
  id: string;
  surname: string;
  name: string;
  fiscalCode: string;
  address: string;
  phone: string | null;
  email: string | null;
}

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

interface RosterStatements {
  upsertCounter: BetterSqlite3.Statement;
  upsertOperator: BetterSqlite3.Statement;
  insertFamily: BetterSqlite3.Statement;
  insertChild: BetterSqlite3.Statement;
  insertAccount: BetterSqlite3.Statement;
  insertCentralLedger: BetterSqlite3.Statement;
}

// Bulk writes of 100,000 rows must not pay the preparation per row.
const statementsFor = preparedPerConnection((sqlite: BetterSqlite3.Database): RosterStatements => ({
  upsertCounter: sqlite.prepare(
    `INSERT INTO counters (code, name, kind, address, config) VALUES (@code, @name, @kind, @address, @config)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
         address = excluded.address, config = excluded.config`,
  ),
  // The lockout state (failed attempts, locked until) is local: an update of the roster keeps it.
  upsertOperator: sqlite.prepare(
    `INSERT INTO operators (code, name, role, counter_code, pin_hash) VALUES (@code, @name, @role, @counterCode, @pinHash)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role,
         counter_code = excluded.counter_code, pin_hash = excluded.pin_hash`,
  ),
  insertFamily: sqlite.prepare(
    `INSERT INTO families (id, surname, name, fiscal_code, address, phone, email)
       VALUES (@id, @surname, @name, @fiscalCode, @address, @phone, @email)`,
  ),
  insertChild: sqlite.prepare(
    `INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school)
       VALUES (@id, @familyId, @surname, @name, @fiscalCode, @canonical, @birthDate, @school)`,
  ),
  insertAccount: sqlite.prepare(
    `INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq, server_balance_at)
       VALUES (@id, @childId, @service, @papayCode, @serverBalanceCents, @serverSeq, @serverBalanceAt)`,
  ),
  // History already counted in the server balance: it explains the balance, it never adds to it.
  insertCentralLedger: sqlite.prepare(
    `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, reason,
         origin, included_in_server_balance)
       VALUES (@id, @accountId, @kind, @amountCents, @createdAt, @businessDate, @counterCode, @reason, 'central', 1)`,
  ),
}));

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
  statementsFor(db.sqlite).upsertCounter.run({
    code: counter.code,
    name: counter.name,
    kind: counter.kind,
    address: counter.address,
    config: JSON.stringify(config),
  });
}

export function upsertOperator(db: RosterDb, operator: OperatorInput): void {
  statementsFor(db.sqlite).upsertOperator.run({ ...operator });
}

export function insertFamily(db: RosterDb, family: FamilyInput): void {
  const cf = validFiscalCode(family.fiscalCode, `Adulto di riferimento ${family.surname} ${family.name}`);
  statementsFor(db.sqlite).insertFamily.run({ ...family, fiscalCode: cf.code });
}

export function insertChild(db: RosterDb, child: ChildInput): void {
  const cf = validFiscalCode(child.fiscalCode, `Consumatore ${child.surname} ${child.name}`);
  statementsFor(db.sqlite).insertChild.run({ ...child, fiscalCode: cf.code, canonical: cf.canonical });
}

export function insertAccount(db: RosterDb, account: AccountInput): void {
  const papay = checkPapayCode(account.papayCode);
  if (!papay.valid) throw new InvalidRosterDataError(`Conto ${account.id}: ${papay.message}`);
  requireIntegerCents(account.serverBalanceCents, `Conto ${account.id}`);
  statementsFor(db.sqlite).insertAccount.run({ ...account, papayCode: papay.code });
}

export function insertCentralLedgerEntry(db: RosterDb, entry: CentralLedgerInput): void {
  requireIntegerCents(entry.amountCents, `Movimento ${entry.id}`);
  statementsFor(db.sqlite).insertCentralLedger.run({ ...entry });
}
