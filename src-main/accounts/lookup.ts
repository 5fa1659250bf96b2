import type { Db } from '../db/open';
import type { AccountItem, ChildView } from '../../shared/contract';
import { Service } from '../../shared/domain';
import type { ParsedQuery } from '../../shared/lookup';
import { surnameInitial } from '../../shared/roles';
import { accountQueries, type AccountJoinRow } from './queries';

/** Children per page of a name search (each with all its accounts). */
export const NAME_PAGE_SIZE = 20;

export type Visibility = 'full' | 'minimal';

export class AccountLookup {
  private readonly q;

  constructor(db: Db) {
    this.q = accountQueries(db.sqlite);
  }

  find(
    query: Exclude<ParsedQuery, { kind: 'invalid' }>,
    visibility: Visibility,
    page = 0,
  ): { items: AccountItem[]; nextPage: number | null } {
    switch (query.kind) {
      case 'papay':
        return { items: this.map(this.q.byCode.all(query.code), visibility), nextPage: null };
      case 'cf': {
        const asChild = this.q.byChildCf.all(query.canonical);
        const rows = asChild.length > 0 ? asChild : this.q.byParentCf.all(query.code, query.canonical);
        return { items: this.map(rows, visibility), nextPage: null };
      }
      case 'name': {
        const rows = this.q.byName.all(
          ftsQuery(query.words),
          NAME_PAGE_SIZE + 1,
          page * NAME_PAGE_SIZE,
          NAME_PAGE_SIZE,
        );
        // The extra child (found beyond this page) is not shown: it only says there is a next page.
        const extra = rows[0]?.extra_child ?? null;
        const shown = extra === null ? rows : rows.filter((r) => r.child_id !== extra);
        return { items: this.map(shown, visibility), nextPage: extra === null ? null : page + 1 };
      }
    }
  }

  get(accountId: string, visibility: Visibility): AccountItem | null {
    const row = this.q.byId.get(accountId);
    return row ? toItem(row, visibility) : null;
  }

  private map(rows: AccountJoinRow[], visibility: Visibility): AccountItem[] {
    return rows.map((r) => toItem(r, visibility));
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
