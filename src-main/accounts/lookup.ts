import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { AccountItem, ChildView } from '../../shared/contract';
import { Service } from '../../shared/domain';
import type { ParsedQuery } from '../../shared/lookup';
import { surnameInitial } from '../../shared/roles';

/**
 * Lookups are the hot path of the counter: raw prepared statements, prepared once, on indexes
 * (papay_code UNIQUE, children(fiscal_code_canonical), families(fiscal_code), FTS5 for names).
 */

/** Children per page of a name search (each with all its accounts). */
export const NAME_PAGE_SIZE = 20;

interface AccountJoinRow {
  account_id: string;
  papay_code: string;
  service: string;
  server_balance_cents: number;
  server_balance_at: string | null;
  pending: number;
  child_id: string;
  child_name: string;
  child_surname: string;
  school: string;
  /** Null at a pharmacy, which never stores them (and has no families). */
  child_cf: string | null;
  birth_date: string | null;
  parent_name: string | null;
  parent_surname: string | null;
  parent_cf: string | null;
  address: string | null;
}

export const SELECT_ACCOUNT = `
  SELECT a.id AS account_id, a.papay_code, a.service, a.server_balance_cents, a.server_balance_at,
         (SELECT COALESCE(SUM(l.amount_cents), 0) FROM ledger l
           WHERE l.account_id = a.id AND l.included_in_server_balance = 0) AS pending,
         c.id AS child_id, c.name AS child_name, c.surname AS child_surname, c.school,
         c.fiscal_code AS child_cf, c.birth_date,
         f.name AS parent_name, f.surname AS parent_surname, f.fiscal_code AS parent_cf, f.address
    FROM accounts a
    JOIN children c ON c.id = a.child_id
    LEFT JOIN families f ON f.id = c.family_id`;

/** Lookups by Pa-Pay code and by a child's canonical codice fiscale (the bench runs the same SQL raw). */
export const BY_CODE_SQL = `${SELECT_ACCOUNT} WHERE a.papay_code = ?`;
export const BY_CHILD_CF_SQL = `${SELECT_ACCOUNT} WHERE c.fiscal_code_canonical = ? ORDER BY c.surname, c.name, a.service`;

/**
 * Name search, paginated by child: the page of children (one more than shown, to know whether
 * there is a next page) is chosen on the FTS match and the children table alone, and only those
 * children are joined to their accounts, families and pending sums (joining every match first and
 * sorting it cost three times as much at 100,000 accounts). Each row says which child, if any, is
 * the extra one. Parameters: FTS expression, page size + 1, offset, page size.
 */
export const SEARCH_NAME_SQL = `
  WITH page AS MATERIALIZED (
    SELECT pc.rowid AS rid, pc.surname, pc.name, pc.id
      FROM children_fts JOIN children pc ON pc.rowid = children_fts.rowid
     WHERE children_fts MATCH ?
     ORDER BY pc.surname, pc.name, pc.id
     LIMIT ? OFFSET ?)
  ${SELECT_ACCOUNT.replace('SELECT ', 'SELECT (SELECT id FROM page ORDER BY surname, name, id LIMIT 1 OFFSET ?) AS extra_child, ')}
    JOIN page ON page.rid = c.rowid
   ORDER BY page.surname, page.name, page.id, a.service`;

export type Visibility = 'full' | 'minimal';

export class AccountLookup {
  private readonly byCode: Statement;
  private readonly byChildCf: Statement;
  private readonly byParentCf: Statement;
  private readonly byName: Statement;
  private readonly byId: Statement;

  constructor(db: Db) {
    const s = db.sqlite;
    this.byCode = s.prepare(BY_CODE_SQL);
    this.byId = s.prepare(`${SELECT_ACCOUNT} WHERE a.id = ?`);
    this.byChildCf = s.prepare(BY_CHILD_CF_SQL);
    this.byParentCf = s.prepare(
      `${SELECT_ACCOUNT} WHERE f.fiscal_code IN (?, ?) ORDER BY c.surname, c.name, a.service`,
    );
    this.byName = s.prepare(SEARCH_NAME_SQL);
  }

  find(
    query: Exclude<ParsedQuery, { kind: 'invalid' }>,
    visibility: Visibility,
    page = 0,
  ): { items: AccountItem[]; nextPage: number | null } {
    switch (query.kind) {
      case 'papay':
        return { items: this.map(this.byCode.all(query.code), visibility), nextPage: null };
      case 'cf': {
        const asChild = this.byChildCf.all(query.canonical) as AccountJoinRow[];
        const rows =
          asChild.length > 0 ? asChild : (this.byParentCf.all(query.code, query.canonical) as AccountJoinRow[]);
        return { items: this.map(rows, visibility), nextPage: null };
      }
      case 'name': {
        const rows = this.byName.all(
          ftsQuery(query.words),
          NAME_PAGE_SIZE + 1,
          page * NAME_PAGE_SIZE,
          NAME_PAGE_SIZE,
        ) as (AccountJoinRow & { extra_child: string | null })[];
        // The extra child (found beyond this page) is not shown: it only says there is a next page.
        const extra = rows[0]?.extra_child ?? null;
        const shown = extra === null ? rows : rows.filter((r) => r.child_id !== extra);
        return { items: this.map(shown, visibility), nextPage: extra === null ? null : page + 1 };
      }
    }
  }

  get(accountId: string, visibility: Visibility): AccountItem | null {
    const row = this.byId.get(accountId) as AccountJoinRow | undefined;
    return row ? toItem(row, visibility) : null;
  }

  private map(rows: unknown[], visibility: Visibility): AccountItem[] {
    return (rows as AccountJoinRow[]).map((r) => toItem(r, visibility));
  }
}

/** Every word must start a word of the surname or name: "dell'amico" -> "dell"* "amico"*. */
export function ftsQuery(words: string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '')}"*`).join(' ');
}

function toItem(r: AccountJoinRow, visibility: Visibility): AccountItem {
  const minimal: ChildView = {
    childId: r.child_id,
    firstName: r.child_name,
    surname: surnameInitial(r.child_surname),
    school: r.school,
  };
  const child: ChildView =
    visibility === 'minimal'
      ? minimal
      : {
          ...minimal,
          surname: r.child_surname,
          ...(r.child_cf !== null ? { fiscalCode: r.child_cf } : {}),
          ...(r.birth_date !== null ? { birthDate: r.birth_date } : {}),
          ...(r.address !== null ? { address: r.address } : {}),
          ...(r.parent_cf !== null
            ? { parent: { name: `${r.parent_name ?? ''} ${r.parent_surname ?? ''}`.trim(), fiscalCode: r.parent_cf } }
            : {}),
        };
  return {
    accountId: r.account_id,
    papayCode: r.papay_code,
    service: Service.parse(r.service),
    balanceCents: r.server_balance_cents + r.pending,
    balanceAsOf: r.server_balance_at,
    pendingCents: r.pending,
    child,
  };
}
