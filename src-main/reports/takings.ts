import type BetterSqlite3 from 'better-sqlite3';
import type { Takings, TakingsLine } from '../../shared/reports/totals';
import { reportQueries } from './queries';

/** The takings lines of a counter in a period, straight from the ledger (see `reportQueries.takings`). */
export function takingsLines(sqlite: BetterSqlite3.Database, counterCode: string, from: string, to: string) {
  return reportQueries(sqlite)
    .takings.all(counterCode, from, to)
    .map((r): TakingsLine => ({
      counterCode,
      date: r.business_date,
      service: r.service as TakingsLine['service'],
      method: r.method,
      operator: r.operator_code,
      kind: r.kind,
      count: r.count,
      amountCents: r.amount,
    }));
}

/** Operator code -> name, for the sections by operator. */
export function operatorNames(sqlite: BetterSqlite3.Database): Map<string, string> {
  return new Map(
    reportQueries(sqlite)
      .operatorNames.all()
      .map((o) => [o.code, o.name]),
  );
}

/** A report cell as the contract spells it. */
export function cell<T extends object>(head: T, takings: Takings): T & Takings {
  return { ...head, ...takings };
}
