import type { FeedItem, FeedResponse } from '../../shared/central';
import { checkFiscalCode } from '../../shared/codiceFiscale';
import { CounterConfig } from '../../shared/config';
import { assertNever } from '../../shared/errors';
import { childSearchKeys } from '../../shared/searchKey';
import { romeDate } from '../../shared/time';
import type { Db } from '../db/open';
import { upsertCounter } from '../roster/store';
import { applyNoticeItem } from '../notices/feed';
import { markIncludedEntries } from './inclusion';
import { yieldProvisionalAccount } from '../registration/provisional';
import { counterQueries, rosterQueries } from '../roster/queries';
import { syncQueries } from './queries';
import { forgetForeignVerifiers } from '../roster/verifiers';

type FeedEntry = Extract<FeedItem, { type: 'entry' }>;

export interface AppliedPage {
  /** This installation's counter came in the page (its configuration may have changed). */
  ownCounterChanged: boolean;
  items: number;
}

/**
 * Applies one page of the feed and stores its cursor in ONE transaction: after a crash either the
 * whole page and its cursor are there, or neither (the page is then fetched again; every write
 * here is an upsert or an insert-or-ignore, so applying a page twice changes nothing).
 */
export function applyFeedPage(
  db: Db,
  page: FeedResponse,
  ownCounterCode: string,
  progress: { initialSyncDone: boolean; initialSyncProgress: number },
): AppliedPage {
  const s = { ...syncQueries(db.sqlite), ...rosterQueries(db.sqlite) };
  let ownCounterChanged = false;
  const run = db.sqlite.transaction(() => {
    // Within a page an entity may refer to one that comes later in it (the feed is in change order).
    db.sqlite.pragma('defer_foreign_keys = ON');
    for (const item of page.items) {
      if (item.type === 'counter' && item.code === ownCounterCode) ownCounterChanged = true;
      applyItem(db, s, item, ownCounterCode);
    }
    // Entries that came before their account (in this page or an earlier one).
    for (const parked of s.parkedWithAccount.all()) {
      s.unpark.run(parked.id);
      applyEntry(s, JSON.parse(parked.item) as FeedEntry);
    }
    markIncludedEntries(db);
    forgetForeignVerifiers(db.sqlite, ownCounterCode);
    const done = progress.initialSyncDone || !page.hasMore;
    s.saveCursor.run({
      cursor: page.nextCursor,
      done: done ? 1 : 0,
      progress: done ? 1 : progress.initialSyncProgress,
    });
  });
  run.immediate();
  return { ownCounterChanged, items: page.items.length };
}

type Statements = ReturnType<typeof syncQueries> & ReturnType<typeof rosterQueries>;

function applyItem(db: Db, s: Statements, item: FeedItem, ownCounterCode: string): void {
  switch (item.type) {
    case 'counter': {
      // The receipt printer is a setting of this PC (serve --printer), not of the central roster.
      const local = item.code === ownCounterCode ? counterQueries(db.sqlite).config.get(item.code) : undefined;
      const printer = local !== undefined ? CounterConfig.parse(JSON.parse(local)).printer : item.config.printer;
      upsertCounter(db, {
        code: item.code,
        name: item.name,
        kind: item.kind,
        address: item.address,
        config: { ...item.config, printer },
      });
      return;
    }
    case 'operator':
      // failed_attempts and locked_until are local (the lockout of this PC): an update keeps them.
      s.upsertOperator.run({
        code: item.code,
        name: item.name,
        role: item.role,
        counterCode: item.counterCode,
        pinHash: item.pinHash,
        active: item.active ? 1 : 0,
      });
      return;
    case 'family':
      s.upsertFamily.run({
        id: item.id,
        surname: item.surname,
        name: item.name,
        fiscalCode: item.fiscalCode.toUpperCase(),
        address: item.address,
        phone: item.phone,
        email: item.email,
      });
      return;
    case 'child': {
      const cf = item.fiscalCode === null ? null : fiscalCodeForms(item.fiscalCode);
      s.upsertChild.run({
        id: item.id,
        familyId: item.familyId,
        surname: item.surname,
        name: item.name,
        fiscalCode: cf?.code ?? null,
        canonical: cf?.canonical ?? null,
        birthDate: item.birthDate,
        school: item.school,
        ...childSearchKeys(item.surname, item.name),
      });
      return;
    }
    case 'account':
      yieldProvisionalAccount(db.sqlite, item);
      s.upsertAccount.run({
        id: item.id,
        childId: item.childId,
        service: item.service,
        papayCode: item.papayCode,
        serverBalanceCents: item.balanceCents,
        serverSeq: item.balanceSeq,
        serverBalanceAt: item.balanceAt,
      });
      return;
    case 'entry':
      applyEntry(s, item);
      return;
    case 'notice':
      applyNoticeItem(db.sqlite, item);
      return;
    default:
      assertNever(item, 'elemento del feed');
  }
}

function applyEntry(s: Statements, entry: FeedEntry): void {
  const known = s.ledgerOrigin.get(entry.id);
  if (known) {
    // Our own operation echoed back: it is already in the ledger. Its seq settles when a pulled
    // balance includes it (the ack that would have told us may have been lost).
    s.learnSeq.run(entry.seq, entry.id);
    return;
  }
  if (s.accountExists.get(entry.accountId) === undefined) {
    s.park.run(entry.id, entry.accountId, JSON.stringify(entry));
    return;
  }
  const voidsKnown = entry.voidsId !== null && s.ledgerOrigin.get(entry.voidsId) !== undefined;
  s.insertCentralEntry.run({
    id: entry.id,
    accountId: entry.accountId,
    kind: entry.kind,
    amountCents: entry.amountCents,
    createdAt: entry.createdAt,
    businessDate: romeDate(new Date(entry.createdAt)),
    counterCode: entry.counterCode,
    // The voided entry may be outside what this counter receives: keep the link only when we have it.
    voidsId: voidsKnown ? entry.voidsId : null,
    reason: null,
    seq: entry.seq,
    receiptRef: entry.receiptNo ?? null,
    nav: entry.nav ?? null,
    payerCf: entry.payerCf ?? null,
  });
}

/** The codice fiscale as stored and its canonical (non-omocodic) form; central data is never refused for it. */
function fiscalCodeForms(raw: string): { code: string; canonical: string } {
  const check = checkFiscalCode(raw);
  if (check.valid) return { code: check.code, canonical: check.canonical };
  const code = raw.replace(/\s/g, '').toUpperCase();
  return { code, canonical: code };
}
