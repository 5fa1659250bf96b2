import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/**
 * Lookups are the hot path of the counter: raw prepared statements, prepared once per connection,
 * on indexes (papay_code UNIQUE, children(fiscal_code_canonical), families(fiscal_code), FTS5 for names).
 */

/** An account with its child and (at the front office) the child's family; `pending` is the local part of the balance. */
export type AccountJoinRow = Pick<
  Row<'accounts'>,
  'papay_code' | 'service' | 'server_balance_cents' | 'server_balance_at'
> & {
  account_id: Row<'accounts'>['id'];
  pending: number;
  child_id: Row<'children'>['id'];
  child_name: Row<'children'>['name'];
  child_surname: Row<'children'>['surname'];
  school: Row<'children'>['school'];
  /** Null at a pharmacy, which never stores them (and has no families). */
  child_cf: Row<'children'>['fiscal_code'];
  birth_date: Row<'children'>['birth_date'];
  parent_name: Row<'families'>['name'] | null;
  parent_surname: Row<'families'>['surname'] | null;
  parent_cf: Row<'families'>['fiscal_code'] | null;
  address: Row<'families'>['address'] | null;
};

/** A page of a name search: each row also says which child, if any, is the one beyond the page. */
export type NameSearchRow = AccountJoinRow & { extra_child: Row<'children'>['id'] | null };

/** An entry of an account as its history shows it. */
export type OperationRow = Pick<
  Row<'ledger'>,
  'id' | 'kind' | 'amount_cents' | 'created_at' | 'counter_code' | 'business_date'
> & { receipt_no: Row<'receipts'>['receipt_no'] | null; voided: number };

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

/** How many entries an account's history shows. */
export const RECENT_OPERATIONS = 50;

export const accountQueries = preparedPerConnection((s) => ({
  byCode: s.prepare<[papayCode: string], AccountJoinRow>(BY_CODE_SQL),
  byId: s.prepare<[accountId: string], AccountJoinRow>(`${SELECT_ACCOUNT} WHERE a.id = ?`),
  byChildCf: s.prepare<[canonical: string], AccountJoinRow>(BY_CHILD_CF_SQL),
  byParentCf: s.prepare<[code: string, canonical: string], AccountJoinRow>(
    `${SELECT_ACCOUNT} WHERE f.fiscal_code IN (?, ?) ORDER BY c.surname, c.name, a.service`,
  ),
  byName: s.prepare<[fts: string, limit: number, offset: number, pageSize: number], NameSearchRow>(SEARCH_NAME_SQL),
  /**
   * The projected balance: the last balance pulled from the central service plus the local entries
   * it does not include yet.
   */
  balance: s.prepare<
    [accountId: string],
    { server: Row<'accounts'>['server_balance_cents']; at: Row<'accounts'>['server_balance_at']; pending: number }
  >(
    `SELECT a.server_balance_cents AS server, a.server_balance_at AS at,
            (SELECT COALESCE(SUM(l.amount_cents), 0) FROM ledger l
              WHERE l.account_id = a.id AND l.included_in_server_balance = 0) AS pending
       FROM accounts a WHERE a.id = ?`,
  ),
  operations: s.prepare<[accountId: string], OperationRow>(
    `SELECT l.id, l.kind, l.amount_cents, l.created_at, l.counter_code, l.business_date, r.receipt_no,
            EXISTS (SELECT 1 FROM ledger v WHERE v.voids_id = l.id) AS voided
       FROM ledger l LEFT JOIN receipts r ON r.operation_id = l.id
      WHERE l.account_id = ? ORDER BY l.created_at DESC LIMIT ${RECENT_OPERATIONS}`,
  ),
}));
