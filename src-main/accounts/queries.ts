import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/**
 * Lookups are the hot path of the counter: raw prepared statements, prepared once per connection,
 * on indexes (papay_code UNIQUE, children(fiscal_code_canonical), families(fiscal_code), FTS5 on the words and folded keys of surname and name).
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

/**
 * A page of a name search: each row also says how many children the whole search found, and how it
 * matched: 0 by the child's surname, 1 by the child's name only, 2 by the adulto di riferimento only.
 */
export type NameSearchRow = AccountJoinRow & { total_children: number; name_only: number };

export interface NameSearchParams {
  bySurname: string;
  byNameOnly: string;
  limit: number;
  offset: number;
}

/** An entry of an account as its history shows it. */
export type OperationRow = Pick<
  Row<'ledger'>,
  'id' | 'kind' | 'amount_cents' | 'created_at' | 'counter_code' | 'business_date' | 'included_in_server_balance'
> & {
  receipt_no: Row<'receipts'>['receipt_no'] | null;
  /** The accounts of the split payment the entry belongs to; null for an operation of one account. */
  payment_lines: Row<'payments'>['lines'] | null;
  voided: number;
  /** The state of this counter's outbox row for it; null for an entry that came from the central. */
  outbox_state: Row<'outbox'>['state'] | null;
};

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

/** A family's accounts in the order the family screen shows them: eldest child first, then by service. */
const FAMILY_ORDER = 'ORDER BY c.birth_date IS NULL, c.birth_date, c.surname, c.name, c.id, a.service';

/** Lookups by Pa-Pay code and by a child's canonical codice fiscale (the bench runs the same SQL raw). */
export const BY_CODE_SQL = `${SELECT_ACCOUNT} WHERE a.papay_code = ?`;
export const BY_CHILD_CF_SQL = `${SELECT_ACCOUNT} WHERE c.fiscal_code_canonical = ? ORDER BY c.surname, c.name, a.service`;

/**
 * Name search, paginated by child. The children found (FTS on the words and the folded keys of
 * surname and name) come in two sets the FTS index tells apart by itself: those whose surname
 * matches, then those found by the name only; with `parents`, a third: the children of an adulto di
 * riferimento whose surname and name match (families_fts; a child found twice counts once, in its
 * first set). Each set is ordered by folded surname and name. Only the page of children is joined to
 * its accounts, families and pending sums (joining every match first cost three times as much at
 * 100,000 accounts); every row carries how many children the whole search found. Parameters: the FTS
 * expressions (lookup.ts nameSearch), page size, offset.
 *
 * Two statements, not one: matching parents on a single typed word ("ross") doubled the search's
 * time at 100,000 accounts (p50 4 to 8 ms), for the children a parent's surname mostly shares.
 */
function searchNameSql(parents: boolean): string {
  const byParent = `
    UNION ALL
    SELECT pc.rowid AS rid, 2 AS name_only
      FROM families_fts JOIN families pf ON pf.rowid = families_fts.rowid JOIN children pc ON pc.family_id = pf.id
     WHERE families_fts MATCH @byParent`;
  const found = parents
    ? `SELECT hit.rid, MIN(hit.name_only) AS name_only, fc.id, fc.surname_key, fc.name_key
         FROM hit JOIN children fc ON fc.rowid = hit.rid GROUP BY hit.rid`
    : `SELECT hit.rid, hit.name_only, fc.id, fc.surname_key, fc.name_key
         FROM hit JOIN children fc ON fc.rowid = hit.rid`;
  return `
  WITH hit AS (
    SELECT rowid AS rid, 0 AS name_only FROM children_fts WHERE children_fts MATCH @bySurname
    UNION ALL
    SELECT rowid AS rid, 1 AS name_only FROM children_fts WHERE children_fts MATCH @byNameOnly${parents ? byParent : ''}),
  found AS MATERIALIZED (${found}),
  page AS MATERIALIZED (
    SELECT rid, id, surname_key, name_key, name_only FROM found
     ORDER BY name_only, surname_key, name_key, id
     LIMIT @limit OFFSET @offset)
  ${SELECT_ACCOUNT.replace('SELECT ', 'SELECT (SELECT count(*) FROM found) AS total_children, page.name_only, ')}
    JOIN page ON page.rid = c.rowid
   ORDER BY page.name_only, page.surname_key, page.name_key, page.id, a.service`;
}

/** The children found by their own surname or name. */
export const SEARCH_NAME_SQL = searchNameSql(false);
/** The same, and the children of the parents found by surname and name. */
export const SEARCH_NAME_WITH_PARENTS_SQL = searchNameSql(true);

/** How many entries an account's history shows. */
export const RECENT_OPERATIONS = 50;

export const accountQueries = preparedPerConnection((s) => ({
  byCode: s.prepare<[papayCode: string], AccountJoinRow>(BY_CODE_SQL),
  byId: s.prepare<[accountId: string], AccountJoinRow>(`${SELECT_ACCOUNT} WHERE a.id = ?`),
  byChildCf: s.prepare<[canonical: string], AccountJoinRow>(BY_CHILD_CF_SQL),
  byParentCf: s.prepare<[code: string, canonical: string], AccountJoinRow>(
    `${SELECT_ACCOUNT} WHERE f.fiscal_code IN (?, ?) ${FAMILY_ORDER}`,
  ),
  byName: s.prepare<[NameSearchParams], NameSearchRow>(SEARCH_NAME_SQL),
  byNameWithParents: s.prepare<[NameSearchParams & { byParent: string }], NameSearchRow>(SEARCH_NAME_WITH_PARENTS_SQL),
  /**
   * Every account of the children linked to the same adulto di riferimento as the account's child
   * (children_family), or the child's own accounts when it has none; eldest child first.
   */
  family: s.prepare<[accountId: string], AccountJoinRow>(
    `WITH own AS (SELECT c.id, c.family_id FROM accounts a JOIN children c ON c.id = a.child_id WHERE a.id = ?)
     ${SELECT_ACCOUNT}
      WHERE c.id IN (SELECT id FROM own WHERE family_id IS NULL
                     UNION ALL
                     SELECT k.id FROM children k JOIN own ON k.family_id = own.family_id)
      ${FAMILY_ORDER}`,
  ),
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
    `SELECT l.id, l.kind, l.amount_cents, l.created_at, l.counter_code, l.business_date,
            COALESCE(r.receipt_no, l.receipt_ref) AS receipt_no,
            (SELECT p.lines FROM payments p WHERE p.id = l.payment_id) AS payment_lines,
            l.included_in_server_balance,
            EXISTS (SELECT 1 FROM ledger v WHERE v.voids_id = l.id) AS voided,
            (SELECT o.state FROM outbox o WHERE o.operation_id = l.id) AS outbox_state
       FROM ledger l LEFT JOIN receipts r ON r.operation_id = l.id
      WHERE l.account_id = ? ORDER BY l.created_at DESC LIMIT ${RECENT_OPERATIONS}`,
  ),
}));
