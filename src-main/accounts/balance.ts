import type { Db } from '../db/open';
import { accountQueries } from './queries';

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
  const { balance } = accountQueries(db.sqlite);
  return (accountId) => {
    const r = balance.get(accountId);
    if (!r) throw new Error(`conto inesistente: ${accountId}`);
    return { serverCents: r.server, serverAt: r.at, pendingCents: r.pending, totalCents: r.server + r.pending };
  };
}
