import type { Db } from '../db/open';

/**
 * The client balance rule in one statement: an entry stops counting on top of the pulled balance
 * exactly when its central seq is known and the account's pulled balance reaches it
 * (server_seq <= accounts.server_seq). It depends only on the stored seqs, never on the order in
 * which acks and pulls arrived, so it can run after either. Never set back to 0: a pulled balance
 * never goes back in seq.
 */
export function markIncludedEntries(db: Db): number {
  return db.sqlite
    .prepare(
      `UPDATE ledger SET included_in_server_balance = 1
        WHERE included_in_server_balance = 0 AND server_seq IS NOT NULL
          AND server_seq <= (SELECT a.server_seq FROM accounts a WHERE a.id = ledger.account_id)`,
    )
    .run().changes;
}
