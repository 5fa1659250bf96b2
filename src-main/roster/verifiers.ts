import type BetterSqlite3 from 'better-sqlite3';
import { CounterKind } from '../../shared/domain';
import { actsAt } from '../../shared/roles';
import { counterQueries, rosterQueries } from './queries';

/**
 * A counter keeps the verifiers (PIN hashes) of the people who may act at it and no other (issue 13
 * item 2): the central sends only those, and this removes what an older central or the demo seed
 * (which writes the whole roster into every data folder) left behind, such as a front-office
 * supervisor's hash on a pharmacy PC. Run at every start and after every page of the feed.
 * Returns how many were removed. Nothing refers to an operator row by key: reports show a
 * removed operator by code.
 */
export function forgetForeignVerifiers(sqlite: BetterSqlite3.Database, counterCode: string): number {
  const q = rosterQueries(sqlite);
  const kind = counterQueries(sqlite).counter.get(counterCode)?.kind;
  if (kind === undefined) return 0;
  const counter = { code: counterCode, kind: CounterKind.parse(kind) };
  let removed = 0;
  for (const row of q.operatorCounters.all()) {
    if (actsAt(row.counterCode, counter)) continue;
    q.deleteOperator.run(row.code);
    removed++;
  }
  return removed;
}
