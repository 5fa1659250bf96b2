import type BetterSqlite3 from 'better-sqlite3';
import { createRng, type Rng } from '../../seeds/prng';

/**
 * What operators type, drawn from the data itself so the frequencies follow the roster: a Pa-Pay
 * code read off the parents' portal, a child's codice fiscale read off the health card, or the
 * start of a surname ("ross", "dell'amico", "bianchi m").
 */
export interface QuerySets {
  papayCodes: string[];
  childFiscalCodes: string[];
  names: string[];
  /** Accounts to top up, with an amount each (cents, within the counter's limits, cash). */
  topups: { accountId: string; amountCents: number }[];
}

interface ChildName {
  surname: string;
  name: string;
}

/** How an operator types a name, one way per draw. */
function typedName(rng: Rng, child: ChildName): string {
  const surname = child.surname.toLowerCase();
  switch (rng.int(0, 3)) {
    case 0:
      // The first letters of the surname, as typed before the list is short enough.
      return surname.replace(/[^\p{L}]/gu, '').slice(0, 4);
    case 1:
      return surname;
    case 2:
      return `${surname} ${child.name.toLowerCase().slice(0, 1)}`;
    default:
      return `${surname} ${child.name.toLowerCase()}`;
  }
}

export function sampleQueries(db: BetterSqlite3.Database, count: number, seed = 'sportello-bench'): QuerySets {
  const rng = createRng(seed);
  const codes = (db.prepare('SELECT papay_code FROM accounts').pluck().all() as string[]).sort();
  const cfs = (db.prepare('SELECT fiscal_code FROM children').pluck().all() as string[]).sort();
  const accountIds = (db.prepare('SELECT id FROM accounts').pluck().all() as string[]).sort();
  const children = db.prepare('SELECT surname, name FROM children ORDER BY id').all() as ChildName[];
  if (codes.length === 0 || cfs.length === 0 || children.length === 0) throw new Error('bench database is empty');
  const draw = <T>(items: readonly T[], map: (item: T) => string): string[] =>
    Array.from({ length: count }, () => map(rng.pick(items)));
  return {
    papayCodes: draw(codes, (c) => c),
    childFiscalCodes: draw(cfs, (c) => c),
    names: draw(children, (c) => typedName(rng, c)),
    topups: Array.from({ length: count }, () => ({
      accountId: rng.pick(accountIds),
      amountCents: rng.int(10, 200) * 50,
    })),
  };
}
