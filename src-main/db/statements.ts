import type BetterSqlite3 from 'better-sqlite3';

/**
 * Prepared statements made once per connection: preparing costs far more than running, and the hot
 * loops (a feed page of 5,000 items, 100,000 seeded rows) must not pay it per row.
 */
export function preparedPerConnection<S>(
  prepare: (sqlite: BetterSqlite3.Database) => S,
): (sqlite: BetterSqlite3.Database) => S {
  const cache = new WeakMap<BetterSqlite3.Database, S>();
  return (sqlite) => {
    let statements = cache.get(sqlite);
    if (statements === undefined) {
      statements = prepare(sqlite);
      cache.set(sqlite, statements);
    }
    return statements;
  };
}
