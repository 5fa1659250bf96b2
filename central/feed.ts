import { CounterConfig } from '../shared/config';
import type { CounterKind, LedgerKind, Role, Service } from '../shared/domain';
import type { FeedItem, FeedResponse } from '../shared/central';
import { actsAt } from '../shared/roles';
import { centralNotices } from './notices';
import { databaseEpoch, type CentralSqlite, type EntityType } from './schema';

/**
 * GET /v1/feed: the current state of every entity changed after the cursor, in change order,
 * filtered by what the asking counter may see. A pharmacy gets no families and only a trace of each
 * child (name, surname initial, school): no codice fiscale, no birth date, no family link.
 */
export const FEED_DEFAULT_LIMIT = 1000;
export const FEED_MAX_LIMIT = 5000;

export class BadCursorError extends Error {
  constructor(cursor: string) {
    super(`Cursore non valido: "${cursor.slice(0, 80)}". Ricominciare la sincronizzazione dall'inizio.`);
    this.name = 'BadCursorError';
  }
}

interface Requester {
  counterCode: string;
  kind: CounterKind;
}

type Statement = ReturnType<CentralSqlite['prepare']>;

export interface FeedReader {
  page(counterCode: string, cursor: string, limit: number): Omit<FeedResponse, 'serverTime'>;
}

export function feedReader(sqlite: CentralSqlite): FeedReader {
  const epoch = databaseEpoch(sqlite);
  const notices = centralNotices(sqlite);
  const q = {
    changes: sqlite.prepare(
      `SELECT change_seq AS changeSeq, entity_type AS entityType, entity_id AS entityId
       FROM change_log WHERE change_seq > ? ORDER BY change_seq LIMIT ?`,
    ),
    // The log is append-only and AUTOINCREMENT never reuses nor skips a committed number (a rolled
    // back insert rolls its sequence back too), so the changes after `last` are exactly
    // max - last: an index lookup instead of counting up to half a million rows at every page
    // (about 20 ms a page, 20 s of a first sync of 100,000 accounts).
    remaining: sqlite.prepare('SELECT coalesce(max(change_seq), 0) - ? FROM change_log').pluck(),
    lastChange: sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'").pluck(),
    counterKind: sqlite.prepare('SELECT kind FROM counters WHERE code = ?').pluck(),
    counter: sqlite.prepare('SELECT code, name, kind, address, config FROM counters WHERE code = ?'),
    operator: sqlite.prepare(
      'SELECT code, name, role, counter_code AS counterCode, pin_hash AS pinHash, active FROM operators WHERE code = ?',
    ),
    family: sqlite.prepare(
      'SELECT id, surname, name, fiscal_code AS fiscalCode, address, phone, email FROM families WHERE id = ?',
    ),
    child: sqlite.prepare(
      `SELECT id, family_id AS familyId, surname, name, fiscal_code AS fiscalCode, birth_date AS birthDate, school
       FROM children WHERE id = ?`,
    ),
    account: sqlite.prepare(
      `SELECT id, child_id AS childId, service, papay_code AS papayCode, balance_cents AS balanceCents,
         balance_seq AS balanceSeq, balance_at AS balanceAt FROM accounts WHERE id = ?`,
    ),
    entry: sqlite.prepare(
      `SELECT id, seq, account_id AS accountId, kind, amount_cents AS amountCents, created_at AS createdAt,
         counter_code AS counterCode, voids_id AS voidsId, receipt_no AS receiptNo, payer_cf AS payerCf,
         (SELECT np.nav FROM notice_payments np WHERE np.ledger_id = ledger.id) AS nav
         FROM ledger WHERE id = ?`,
    ),
  };

  function parseCursor(cursor: string): number {
    if (cursor === '') return 0;
    const match = /^([0-9a-f]{12})\.(\d{1,15})$/.exec(cursor);
    if (!match || match[1] !== epoch) throw new BadCursorError(cursor);
    const changeSeq = Number(match[2]);
    // A cursor past anything this database ever logged comes from another (older) central database.
    const last = (q.lastChange.get() as number | undefined) ?? 0;
    if (changeSeq > last) throw new BadCursorError(cursor);
    return changeSeq;
  }

  function item(who: Requester, entityType: EntityType, entityId: string): FeedItem | null {
    const pharmacy = who.kind === 'farmacia';
    switch (entityType) {
      case 'counter': {
        if (entityId !== who.counterCode) return null;
        const c = get<{ code: string; name: string; kind: CounterKind; address: string; config: string }>(
          q.counter,
          entityId,
        );
        return c ? { type: 'counter', ...c, config: CounterConfig.parse(JSON.parse(c.config)) } : null;
      }
      case 'operator': {
        const o = get<{
          code: string;
          name: string;
          role: Role;
          counterCode: string | null;
          pinHash: string;
          active: number;
        }>(q.operator, entityId);
        // Only the people who may act at the asking counter: no verifier leaves its counter (a
        // pharmacy never gets a front-office supervisor's hash).
        if (!o || !actsAt(o.counterCode, { code: who.counterCode, kind: who.kind })) return null;
        return { type: 'operator', ...o, active: o.active === 1 };
      }
      case 'family': {
        if (pharmacy) return null;
        const f = get<Omit<Extract<FeedItem, { type: 'family' }>, 'type'>>(q.family, entityId);
        return f ? { type: 'family', ...f } : null;
      }
      case 'child': {
        const c = get<Omit<Extract<FeedItem, { type: 'child' }>, 'type'>>(q.child, entityId);
        if (!c) return null;
        if (!pharmacy) return { type: 'child', ...c };
        return {
          type: 'child',
          id: c.id,
          familyId: null,
          surname: `${[...c.surname][0] ?? ''}.`,
          name: c.name,
          fiscalCode: null,
          birthDate: null,
          school: c.school,
        };
      }
      case 'account': {
        const a = get<{
          id: string;
          childId: string;
          service: Service;
          papayCode: string;
          balanceCents: number;
          balanceSeq: number;
          balanceAt: string;
        }>(q.account, entityId);
        return a ? { type: 'account', ...a } : null;
      }
      case 'entry': {
        const e = get<{
          id: string;
          seq: number;
          accountId: string;
          kind: LedgerKind;
          amountCents: number;
          createdAt: string;
          counterCode: string | null;
          voidsId: string | null;
          receiptNo: string | null;
          payerCf: string | null;
          nav: string | null;
        }>(q.entry, entityId);
        // A counter learns of its own operations from the acks: the feed brings the others'.
        if (!e || e.counterCode === who.counterCode) return null;
        return pharmacy ? { type: 'entry', ...e, payerCf: null } : { type: 'entry', ...e };
      }
      case 'notice':
        // Every counter follows every notice (a pharmacy may print one issued at the front office).
        return notices.feedItem(entityId, pharmacy);
      default: {
        const never: never = entityType;
        throw new Error(`tipo di entità sconosciuto: ${String(never)}`);
      }
    }
  }

  return {
    page(counterCode, cursor, limit) {
      const kind = q.counterKind.get(counterCode) as CounterKind | undefined;
      if (kind === undefined) throw new Error(`sportello ${counterCode} assente dal database centrale`);
      const who: Requester = { counterCode, kind };
      const after = parseCursor(cursor);
      // One read transaction: the page and its `remaining` come from the same snapshot.
      return sqlite.transaction(() => {
        const changes = q.changes.all(after, limit) as {
          changeSeq: number;
          entityType: EntityType;
          entityId: string;
        }[];
        const items: FeedItem[] = [];
        const seen = new Set<string>();
        for (const change of changes) {
          const key = `${change.entityType}:${change.entityId}`;
          // The state is the current one: the first occurrence in the page already carries it.
          if (seen.has(key)) continue;
          seen.add(key);
          const next = item(who, change.entityType, change.entityId);
          if (next !== null) items.push(next);
        }
        const last = changes.at(-1)?.changeSeq ?? after;
        const remaining = Math.max(0, q.remaining.get(last) as number);
        return { items, nextCursor: `${epoch}.${last}`, hasMore: remaining > 0, remaining };
      })();
    },
  };
}

function get<T>(statement: Statement, id: string): T | undefined {
  return statement.get(id) as T | undefined;
}
