import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { DB_FILE } from '../../src-main/db/open';

/**
 * The baseline: the same SQL as the core's, on better-sqlite3 prepared statements, nothing around
 * it. The lookup SQL is a copy of src-main/accounts/lookup.ts (kept in step by hand: when the core's
 * query changes, change it here too, or the ratio compares two different queries).
 */
const SELECT_ACCOUNT = `
  SELECT a.id AS account_id, a.papay_code, a.service, a.server_balance_cents, a.server_balance_at,
         (SELECT COALESCE(SUM(l.amount_cents), 0) FROM ledger l
           WHERE l.account_id = a.id AND l.included_in_server_balance = 0) AS pending,
         c.id AS child_id, c.name AS child_name, c.surname AS child_surname, c.school,
         c.fiscal_code AS child_cf, c.birth_date,
         f.name AS parent_name, f.surname AS parent_surname, f.fiscal_code AS parent_cf, f.address
    FROM accounts a
    JOIN children c ON c.id = a.child_id
    JOIN families f ON f.id = c.family_id`;

export interface RawDatabase {
  sqlite: BetterSqlite3.Database;
  byCode: (code: string) => unknown[];
  byChildCf: (canonical: string) => unknown[];
  /** `match` is the FTS5 expression the core builds; 21 rows = one page of 20 plus "is there more". */
  byName: (match: string) => unknown[];
  /** One ledger-like row in its own durable transaction: the floor of any money operation. */
  insertLedgerRow: (accountId: string, amountCents: number) => void;
  close: () => void;
}

/** Opens the bench database as the core does (WAL, synchronous=FULL, foreign keys). */
export function openRaw(dataDir: string): RawDatabase {
  const sqlite = new BetterSqlite3(path.join(dataDir, DB_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const byCode = sqlite.prepare(`${SELECT_ACCOUNT} WHERE a.papay_code = ?`);
  const byChildCf = sqlite.prepare(
    `${SELECT_ACCOUNT} WHERE c.fiscal_code_canonical = ? ORDER BY c.surname, c.name, a.service`,
  );
  const byName = sqlite.prepare(
    `${SELECT_ACCOUNT}
      JOIN (SELECT rowid AS rid FROM children_fts WHERE children_fts MATCH ?) m ON m.rid = c.rowid
      ORDER BY c.surname, c.name, c.id, a.service
      LIMIT ? OFFSET ?`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, operator_code,
                         origin, included_in_server_balance)
     VALUES (?, ?, 'topup_cash', ?, ?, ?, 'SE1', 'sportello1', 'local', 0)`,
  );
  const insertTx = sqlite.transaction((accountId: string, amountCents: number) => {
    const now = new Date();
    insert.run(
      uuidv7({ msecs: now.getTime() }),
      accountId,
      amountCents,
      now.toISOString(),
      now.toISOString().slice(0, 10),
    );
  });
  return {
    sqlite,
    byCode: (code) => byCode.all(code),
    byChildCf: (canonical) => byChildCf.all(canonical),
    byName: (match) => byName.all(match, 21, 0),
    insertLedgerRow: (accountId, amountCents) => insertTx.immediate(accountId, amountCents),
    close: () => sqlite.close(),
  };
}
