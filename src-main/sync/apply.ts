import type BetterSqlite3 from 'better-sqlite3';
import type { FeedItem, FeedResponse } from '../../shared/central';
import { checkFiscalCode } from '../../shared/codiceFiscale';
import { CounterConfig } from '../../shared/config';
import { assertNever } from '../../shared/errors';
import { romeDate } from '../../shared/time';
import type { Db } from '../db/open';
import { upsertCounter } from '../roster/store';
import { applyNoticeItem } from '../notices/feed';
import { markIncludedEntries } from './inclusion';
import { yieldProvisionalAccount } from '../registration/provisional';
import { preparedPerConnection } from '../db/statements';

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
  const s = statements(db.sqlite);
  let ownCounterChanged = false;
  const run = db.sqlite.transaction(() => {
    // Within a page an entity may refer to one that comes later in it (the feed is in change order).
    db.sqlite.pragma('defer_foreign_keys = ON');
    for (const item of page.items) {
      if (item.type === 'counter' && item.code === ownCounterCode) ownCounterChanged = true;
      applyItem(db, s, item, ownCounterCode);
    }
    // Entries that came before their account (in this page or an earlier one).
    for (const parked of s.parkedWithAccount.all() as { id: string; item: string }[]) {
      s.unpark.run(parked.id);
      applyEntry(s, JSON.parse(parked.item) as FeedEntry);
    }
    markIncludedEntries(db);
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

function applyItem(db: Db, s: Statements, item: FeedItem, ownCounterCode: string): void {
  switch (item.type) {
    case 'counter': {
      // The receipt printer is a setting of this PC (serve --printer), not of the central roster.
      const local =
        item.code === ownCounterCode ? (s.counterConfig.get(item.code) as { config: string } | undefined) : undefined;
      const printer = local ? CounterConfig.parse(JSON.parse(local.config)).printer : item.config.printer;
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
        balance: item.balanceCents,
        seq: item.balanceSeq,
        at: item.balanceAt,
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
  const known = s.ledgerOrigin.get(entry.id) as { origin: string } | undefined;
  if (known) {
    // Our own operation echoed back: it is already in the ledger. Its seq settles when a pulled
    // balance includes it (the ack that would have told us may have been lost).
    s.learnSeq.run(entry.seq, entry.id);
    return;
  }
  if (!s.accountExists.get(entry.accountId)) {
    s.park.run(entry.id, entry.accountId, JSON.stringify(entry));
    return;
  }
  const voidsKnown = entry.voidsId !== null && s.ledgerOrigin.get(entry.voidsId) !== undefined;
  s.insertCentral.run({
    id: entry.id,
    accountId: entry.accountId,
    kind: entry.kind,
    amountCents: entry.amountCents,
    createdAt: entry.createdAt,
    businessDate: romeDate(new Date(entry.createdAt)),
    counterCode: entry.counterCode,
    // The voided entry may be outside what this counter receives: keep the link only when we have it.
    voidsId: voidsKnown ? entry.voidsId : null,
    seq: entry.seq,
  });
}

/** The codice fiscale as stored and its canonical (non-omocodic) form; central data is never refused for it. */
function fiscalCodeForms(raw: string): { code: string; canonical: string } {
  const check = checkFiscalCode(raw);
  if (check.valid) return { code: check.code, canonical: check.canonical };
  const code = raw.replace(/\s/g, '').toUpperCase();
  return { code, canonical: code };
}

type Statements = ReturnType<typeof prepare>;
const statements = preparedPerConnection(prepare);

function prepare(sqlite: BetterSqlite3.Database) {
  return {
    upsertOperator: sqlite.prepare(
      `INSERT INTO operators (code, name, role, counter_code, pin_hash, active)
       VALUES (@code, @name, @role, @counterCode, @pinHash, @active)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, role = excluded.role,
         counter_code = excluded.counter_code, pin_hash = excluded.pin_hash, active = excluded.active`,
    ),
    upsertFamily: sqlite.prepare(
      `INSERT INTO families (id, surname, name, fiscal_code, address, phone, email)
       VALUES (@id, @surname, @name, @fiscalCode, @address, @phone, @email)
       ON CONFLICT (id) DO UPDATE SET surname = excluded.surname, name = excluded.name,
         fiscal_code = excluded.fiscal_code, address = excluded.address, phone = excluded.phone, email = excluded.email`,
    ),
    upsertChild: sqlite.prepare(
      `INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school)
       VALUES (@id, @familyId, @surname, @name, @fiscalCode, @canonical, @birthDate, @school)
       ON CONFLICT (id) DO UPDATE SET family_id = excluded.family_id, surname = excluded.surname,
         name = excluded.name, fiscal_code = excluded.fiscal_code,
         fiscal_code_canonical = excluded.fiscal_code_canonical, birth_date = excluded.birth_date,
         school = excluded.school`,
    ),
    // A balance never goes back: an older one (lower seq) arriving late leaves the newer in place.
    upsertAccount: sqlite.prepare(
      `INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq, server_balance_at)
       VALUES (@id, @childId, @service, @papayCode, @balance, @seq, @at)
       ON CONFLICT (id) DO UPDATE SET child_id = excluded.child_id, service = excluded.service,
         papay_code = excluded.papay_code,
         -- The central's code replaces a provisional one made at a registration (same account id).
         papay_provisional = 0,
         server_balance_cents = CASE WHEN excluded.server_seq >= accounts.server_seq
                                     THEN excluded.server_balance_cents ELSE accounts.server_balance_cents END,
         server_balance_at = CASE WHEN excluded.server_seq >= accounts.server_seq
                                  THEN excluded.server_balance_at ELSE accounts.server_balance_at END,
         server_seq = MAX(accounts.server_seq, excluded.server_seq)`,
    ),
    counterConfig: sqlite.prepare('SELECT config FROM counters WHERE code = ?'),
    ledgerOrigin: sqlite.prepare('SELECT origin FROM ledger WHERE id = ?'),
    learnSeq: sqlite.prepare('UPDATE ledger SET server_seq = ? WHERE id = ? AND server_seq IS NULL'),
    accountExists: sqlite.prepare('SELECT 1 AS x FROM accounts WHERE id = ?'),
    // History already counted in the server balance: it explains the balance, it never adds to it.
    insertCentral: sqlite.prepare(
      `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, voids_id,
                           origin, included_in_server_balance, server_seq)
       VALUES (@id, @accountId, @kind, @amountCents, @createdAt, @businessDate, @counterCode, @voidsId,
               'central', 1, @seq)
       ON CONFLICT DO NOTHING`,
    ),
    park: sqlite.prepare(
      'INSERT INTO sync_parked_entries (id, account_id, item) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET item = excluded.item',
    ),
    parkedWithAccount: sqlite.prepare(
      `SELECT p.id, p.item FROM sync_parked_entries p WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = p.account_id)`,
    ),
    unpark: sqlite.prepare('DELETE FROM sync_parked_entries WHERE id = ?'),
    saveCursor: sqlite.prepare(
      `UPDATE sync_state SET cursor = @cursor, initial_sync_done = @done,
         initial_sync_progress = MAX(initial_sync_progress, @progress) WHERE id = 1`,
    ),
  };
}
