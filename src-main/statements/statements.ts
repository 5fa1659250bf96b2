import type { AccountItem, StatementView } from '../../shared/contract';
import { LedgerKind } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { buildStatement, statementPeriod, type StatementMovement } from '../../shared/statement/statement';
import { romeDate } from '../../shared/time';
import type { Visibility } from '../accounts/lookup';
import { AccountLookup } from '../accounts/lookup';
import type { CoreContext } from '../core/context';
import type { Db } from '../db/open';
import { statementQueries, type StatementRow } from './queries';

/**
 * When an account's data is as of: the last sync with the central service, whose feed brings the
 * meals and the payments made elsewhere (else the time of the account's last central balance; null
 * for a counter never synced). The statement and the attestation say "dati al" this time.
 */
export function dataAsOfReader(db: Db): (account: AccountItem) => string | null {
  const q = statementQueries(db.sqlite);
  return (account) => q.lastSync.get()?.last_sync_at ?? account.balanceAsOf;
}

function movementOf(r: StatementRow): StatementMovement {
  return {
    id: r.id,
    kind: LedgerKind.parse(r.kind),
    amountCents: r.amount_cents,
    at: r.created_at,
    day: r.business_date,
    counterCode: r.counter_code,
    atPharmacy: r.counter_kind === 'farmacia',
    receiptNo: r.receipt_no,
    nav: r.nav,
    voidsReceiptNo: r.voids_receipt_no,
  };
}

/** Reads an account's movements and balance and builds its estratto conto for a period (default: the school year so far). */
export function statementReader(ctx: CoreContext) {
  const lookup = new AccountLookup(ctx.db);
  const q = statementQueries(ctx.db.sqlite);
  const dataAsOf = dataAsOfReader(ctx.db);
  return (accountId: string, visibility: Visibility, from?: string, to?: string): StatementView => {
    const account = lookup.get(accountId, visibility);
    if (account === null) throw new DomainError('NOT_FOUND', 'Conto non trovato: ripetere la ricerca.');
    const period = statementPeriod(romeDate(ctx.clock.now()), from, to);
    const movements = q.movementsFrom.all(accountId, period.from).map(movementOf);
    const s = buildStatement(account.balanceCents, movements, period.from, period.to);
    return {
      account,
      from: s.from,
      to: s.to,
      dataAsOf: dataAsOf(account),
      openingCents: s.openingCents,
      closingCents: s.closingCents,
      lines: s.lines.map((l) => ({
        id: l.id,
        kind: l.kind,
        channel: l.channel,
        day: l.day,
        at: l.at,
        description: l.description,
        amountCents: l.amountCents,
        balanceCents: l.balanceCents,
      })),
      totals: s.totals,
    };
  };
}
