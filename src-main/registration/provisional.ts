import type BetterSqlite3 from 'better-sqlite3';
import { registrationSettles } from './queries';

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
  const s = registrationSettles(sqlite);
  const local = s.provisionalFor.get(central.childId, central.service, central.id);
  if (local === undefined) return;
  for (const move of s.moveAccount) move.run(central.id, local);
  s.removeProvisional.run(local);
}
