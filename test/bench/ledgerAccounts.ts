import type BetterSqlite3 from 'better-sqlite3';
import { SERVICES } from '../../shared/domain';

/** How many accounts the ledger benches spread their operations over (`a0` … `a299`). */
export const BENCH_ACCOUNTS = 300;

/**
 * The counter and the accounts the ledger benches (the close of a day, the conto giudiziale) write
 * their operations on: one child per account, the three services in turn.
 */
export function insertCounterAndAccounts(
  s: BetterSqlite3.Database,
  counter: { code: string; name: string; kind: string },
): void {
  s.prepare(`INSERT INTO counters (code, name, kind, address, config) VALUES (?, ?, ?, '', '{}')`).run(
    counter.code,
    counter.name,
    counter.kind,
  );
  const child = s.prepare(
    `INSERT INTO children (id, family_id, surname, name, school) VALUES (?, NULL, 'Rossi', 'Bimbo', 'Scuola')`,
  );
  const account = s.prepare(
    `INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq) VALUES (?, ?, ?, ?, 0, 0)`,
  );
  for (let a = 0; a < BENCH_ACCOUNTS; a++) {
    child.run(`c${a}`);
    account.run(`a${a}`, `c${a}`, SERVICES[a % SERVICES.length], String(1_000_000_000 + a));
  }
}
