import type BetterSqlite3 from 'better-sqlite3';

export interface FamilyAccount {
  id: string;
  papay_code: string;
  service: string;
  child_id: string;
  name: string;
  surname: string;
}

/** Demo data: two accounts of two children linked to the same adulto di riferimento, and an account of another family. */
export function familyOfTwo(sql: BetterSqlite3.Database): {
  a: FamilyAccount;
  b: FamilyAccount;
  stranger: FamilyAccount;
} {
  const select = `SELECT a.id, a.papay_code, a.service, c.id AS child_id, c.name, c.surname
                    FROM accounts a JOIN children c ON c.id = a.child_id`;
  const family = sql
    .prepare(
      `SELECT c.family_id FROM children c JOIN accounts a ON a.child_id = c.id
        WHERE c.family_id IS NOT NULL GROUP BY c.family_id HAVING COUNT(DISTINCT c.id) >= 2
        ORDER BY c.family_id LIMIT 1`,
    )
    .pluck()
    .get() as string;
  const a = sql
    .prepare(`${select} WHERE c.family_id = ? ORDER BY c.id, a.service LIMIT 1`)
    .get(family) as FamilyAccount;
  const b = sql
    .prepare(`${select} WHERE c.family_id = ? AND c.id <> ? ORDER BY c.id, a.service LIMIT 1`)
    .get(family, a.child_id) as FamilyAccount;
  const stranger = sql
    .prepare(`${select} WHERE c.family_id IS NOT NULL AND c.family_id <> ? ORDER BY a.id LIMIT 1`)
    .get(family) as FamilyAccount;
  return { a, b, stranger };
}
