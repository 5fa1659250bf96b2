import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { applyKey } from '../../src-main/db/key';
import { DB_FILE } from '../../src-main/db/open';
import { v7 as uuidv7 } from 'uuid';
import { NAME_PAGE_SIZE, type NameSearchFts } from '../../src-main/accounts/lookup';
import {
  BY_CHILD_CF_SQL,
  BY_CODE_SQL,
  SEARCH_NAME_SQL,
  SEARCH_NAME_WITH_PARENTS_SQL,
} from '../../src-main/accounts/queries';
import { counterKey, openCounterFile } from '../support/counter-file';

/**
 * The baseline: the very SQL the core runs (imported from src-main/accounts/queries.ts), on
 * better-sqlite3 prepared statements, with nothing around it.
 */
export interface RawDatabase {
  sqlite: BetterSqlite3.Database;
  byCode: (code: string) => unknown[];
  byChildCf: (canonical: string) => unknown[];
  /** The FTS5 expressions the core builds (all, by surname); the first page of children. */
  byName: (fts: NameSearchFts) => unknown[];
  /** One ledger-like row in its own durable transaction: the floor of any money operation. */
  insertLedgerRow: (accountId: string, amountCents: number) => void;
  close: () => void;
}

/**
 * Opens the bench database as the core does (WAL, synchronous=FULL, foreign keys), encrypted as
 * the core's is; `plain` opens a copy decrypted by `decryptCopy`, to price the encryption.
 */
export function openRaw(dataDir: string, opts: { plain?: boolean } = {}): RawDatabase {
  const sqlite = opts.plain === true ? new BetterSqlite3(path.join(dataDir, DB_FILE)) : openCounterFile(dataDir);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const byCode = sqlite.prepare(BY_CODE_SQL);
  const byChildCf = sqlite.prepare(BY_CHILD_CF_SQL);
  const byName = sqlite.prepare(SEARCH_NAME_SQL);
  const byNameWithParents = sqlite.prepare(SEARCH_NAME_WITH_PARENTS_SQL);
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
    byName: ({ byParent, ...fts }) =>
      byParent === null
        ? byName.all({ ...fts, limit: NAME_PAGE_SIZE, offset: 0 })
        : byNameWithParents.all({ ...fts, byParent, limit: NAME_PAGE_SIZE, offset: 0 }),
    insertLedgerRow: (accountId, amountCents) => insertTx.immediate(accountId, amountCents),
    close: () => sqlite.close(),
  };
}

/** Turns a working copy into a plain database (the same pages without encryption), in place. */
export function decryptCopy(dataDir: string): void {
  const sqlite = new BetterSqlite3(path.join(dataDir, DB_FILE));
  try {
    applyKey(sqlite, counterKey(dataDir));
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma("rekey = ''");
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
}
