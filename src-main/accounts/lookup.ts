import type { Db } from '../db/open';
import type { AccountItem, ChildView } from '../../shared/contract';
import { Service } from '../../shared/domain';
import type { ParsedQuery } from '../../shared/lookup';
import { surnameInitial } from '../../shared/roles';
import { searchWords } from '../../shared/searchKey';
import { accountQueries, type AccountJoinRow } from './queries';

/** Children per page of a name search (each with all its accounts). */
export const NAME_PAGE_SIZE = 20;

export type Visibility = 'full' | 'minimal';

export interface Found {
  items: AccountItem[];
  nextPage: number | null;
  /** How many children the whole search found, beyond the page shown. */
  totalChildren: number;
}

export class AccountLookup {
  private readonly q;

  constructor(db: Db) {
    this.q = accountQueries(db.sqlite);
  }

  find(query: Exclude<ParsedQuery, { kind: 'invalid' }>, visibility: Visibility, page = 0): Found {
    switch (query.kind) {
      case 'papay':
        return this.whole(this.q.byCode.all(query.code), visibility);
      case 'cf': {
        const asChild = this.q.byChildCf.all(query.canonical);
        return this.whole(
          asChild.length > 0 ? asChild : this.q.byParentCf.all(query.code, query.canonical),
          visibility,
        );
      }
      case 'name': {
        const { byParent, ...fts } = nameSearch(query.words);
        const paging = { limit: NAME_PAGE_SIZE, offset: page * NAME_PAGE_SIZE };
        const rows =
          byParent === null
            ? this.q.byName.all({ ...fts, ...paging })
            : this.q.byNameWithParents.all({ ...fts, byParent, ...paging });
        const totalChildren = rows[0]?.total_children ?? 0;
        const more = (page + 1) * NAME_PAGE_SIZE < totalChildren;
        return { items: this.map(rows, visibility), nextPage: more ? page + 1 : null, totalChildren };
      }
    }
  }

  /**
   * The accounts of an account's family, grouped by child (eldest first), with the adulto di
   * riferimento; null when the account does not exist. Front office only: it names the parent.
   */
  family(accountId: string): {
    parent: NonNullable<ChildView['parent']> | null;
    children: { child: ChildView; accounts: AccountItem[] }[];
  } | null {
    const items = this.map(this.q.family.all(accountId), 'full');
    const first = items[0];
    if (first === undefined) return null;
    const children = new Map<string, { child: ChildView; accounts: AccountItem[] }>();
    for (const item of items) {
      const group = children.get(item.child.childId) ?? { child: item.child, accounts: [] };
      group.accounts.push(item);
      children.set(item.child.childId, group);
    }
    return { parent: first.child.parent ?? null, children: [...children.values()] };
  }

  get(accountId: string, visibility: Visibility): AccountItem | null {
    const row = this.q.byId.get(accountId);
    return row ? toItem(row, visibility) : null;
  }

  /** A search by code answers everything it found at once. */
  private whole(rows: AccountJoinRow[], visibility: Visibility): Found {
    return {
      items: this.map(rows, visibility),
      nextPage: null,
      totalChildren: new Set(rows.map((r) => r.child_id)).size,
    };
  }

  private map(rows: AccountJoinRow[], visibility: Visibility): AccountItem[] {
    return rows.map((r) => toItem(r, visibility));
  }
}

/** The FTS5 expressions of a name search: the children found by surname, those found by the name only, those found by their parent. */
export interface NameSearchFts {
  bySurname: string;
  byNameOnly: string;
  /**
   * The children of the adulti di riferimento whose surname starts with the first typed word and
   * whose surname or name holds each other one; null for a single word.
   */
  byParent: string | null;
}

/** Past this many words only the two extreme groupings are tried (each word alone, all joined). */
const MAX_GROUPED_WORDS = 5;

/**
 * The ways to read typed words as the words of a stored name, apostrophes and spaces being optional
 * on both sides: ["dell", "amico"] -> [["dell", "amico"], ["dellamico"]].
 */
function groupings(words: string[]): string[][] {
  const [first, ...rest] = words;
  if (first === undefined) return [];
  if (rest.length === 0) return [[first]];
  if (words.length > MAX_GROUPED_WORDS) return [words, [words.join('')]];
  return groupings(rest).flatMap((g) => [
    [first, ...g],
    [first + (g[0] ?? ''), ...g.slice(1)],
  ]);
}

const prefix = (word: string) => `"${word}"*`;

/**
 * Every typed word must start a word of the surname or name, or of their folded keys (so "dangelo"
 * starts "dangelo", the key of D'Angelo, and "russo" starts the second word of Lo Russo); a row
 * matches by surname when its surname starts with the first word or with the whole query.
 */
export function nameSearch(typed: string[]): NameSearchFts {
  const words = searchWords(typed.join(' '));
  const all = groupings(words)
    .map((g) => `(${g.map(prefix).join(' ')})`)
    .join(' OR ');
  const joined = words.join('');
  const starts = words.length > 1 ? `(${prefix(words[0] ?? '')} OR ${prefix(joined)})` : prefix(joined);
  const surname = `{surname surname_key} : ${starts}`;
  // A parent is typed as a person is named, surname first: the first word starts their surname,
  // every other word a word of their surname or name (families_fts has no folded keys). One word
  // alone finds the children only (see SEARCH_NAME_SQL).
  const [first, ...others] = words;
  const byParent =
    first === undefined || others.length === 0 ? null : `surname : ${prefix(first)} ${others.map(prefix).join(' ')}`;
  return { bySurname: `(${all}) AND (${surname})`, byNameOnly: `(${all}) NOT (${surname})`, byParent };
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
