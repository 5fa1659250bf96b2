import type { Db } from '../db/open';
import { syncQueries } from './queries';

/**
 * The client balance rule in one statement: an entry stops counting on top of the pulled balance
 * exactly when its central seq is known and the account's pulled balance reaches it
 * (server_seq <= accounts.server_seq). It depends only on the stored seqs, never on the order in
 * which acks and pulls arrived, so it can run after either. Never set back to 0: a pulled balance
 * never goes back in seq.
 */
export function markIncludedEntries(db: Db): number {
  return syncQueries(db.sqlite).markIncluded.run().changes;
}
