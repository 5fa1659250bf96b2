import type { Db } from '../db/open';

/**
 * The projected balance of an account: the last balance pulled from the central service (which
 * says up to which server sequence it counts) plus the local entries it does not include yet.
 * An acknowledgement alone never removes an entry from the local part: only a pulled balance does.
 */
export interface Balance {
  serverCents: number;
  serverAt: string | null;
  pendingCents: number;
  totalCents: number;
}

export function balanceReader(db: Db): (accountId: string) => Balance {
  const stmt = db.sqlite.prepare(
    `SELECT a.server_balance_cents AS server, a.server_balance_at AS at,
            (SELECT COALESCE(SUM(l.amount_cents), 0) FROM ledger l
              WHERE l.account_id = a.id AND l.included_in_server_balance = 0) AS pending
       FROM accounts a WHERE a.id = ?`,
  );
  return (accountId) => {
    const r = stmt.get(accountId) as { server: number; at: string | null; pending: number } | undefined;
    if (!r) throw new Error(`conto inesistente: ${accountId}`);
    return { serverCents: r.server, serverAt: r.at, pendingCents: r.pending, totalCents: r.server + r.pending };
  };
}
