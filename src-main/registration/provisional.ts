import type BetterSqlite3 from 'better-sqlite3';
import { preparedPerConnection } from '../db/statements';

/**
 * The feed brings an account for a child and service that this counter holds under another id,
 * as a provisional account of a registration the central refused (e.g. the family had just opened
 * that service on the portal). accounts is UNIQUE (child_id, service): without this the page could
 * never be applied and the sync would stop for good. The central account wins; what pointed at the
 * provisional one (the refused enrolment, a top-up or notice made on it, which stay "Da risolvere"
 * if the central refused them) now points at it, and the provisional row goes. Runs in the page's
 * transaction, with foreign keys deferred, just before the central account is written.
 */
export function yieldProvisionalAccount(
  sqlite: BetterSqlite3.Database,
  central: { id: string; childId: string; service: string },
): void {
  const s = statements(sqlite);
  const local = s.provisional.get(central.childId, central.service, central.id) as string | undefined;
  if (local === undefined) return;
  for (const move of s.moves) move.run(central.id, local);
  s.remove.run(local);
}

const statements = preparedPerConnection(prepare);

function prepare(sqlite: BetterSqlite3.Database) {
  return {
    provisional: sqlite
      .prepare('SELECT id FROM accounts WHERE child_id = ? AND service = ? AND id != ? AND papay_provisional = 1')
      .pluck(),
    moves: ['enrolments', 'ledger', 'notices'].map((table) =>
      sqlite.prepare(`UPDATE ${table} SET account_id = ? WHERE account_id = ?`),
    ),
    remove: sqlite.prepare('DELETE FROM accounts WHERE id = ? AND papay_provisional = 1'),
  };
}
