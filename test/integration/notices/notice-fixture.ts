import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { parseFaultSpec, startCentral, type RunningCentral } from '../../../central';
import { openSyncCore, type SyncTestCore } from '../sync/sync-fixture';

export const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));

/** A due date after the test clock's day (30 November 2026). */
export const DUE = '2026-12-31';

export interface World {
  central: RunningCentral;
  counters: SyncTestCore[];
  /** Every call to the central is reset (the network is gone) or back to normal. */
  offline(on: boolean): void;
  admin<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A new PC for the counter, enrolled and through its first sync, operator logged in as session s1. */
  counter(code: string, operator: string, pin: string): Promise<SyncTestCore>;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const central = await startCentral({ dataDir: tmp(), demo: true, tillOptional: true });
  const counters: SyncTestCore[] = [];
  return {
    central,
    counters,
    offline(on) {
      central.faults.set(parseFaultSpec(on ? 'reset=1' : ''));
    },
    async admin<T>(method: 'GET' | 'POST', url: string, body?: unknown) {
      const res = await fetch(`${central.url}${url}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as T };
    },
    async counter(code, operator, pin) {
      const t = await openSyncCore({
        centralUrl: central.url,
        dataDir: tmp(),
        counter: code,
        syncRequestTimeoutMs: 5_000,
      });
      counters.push(t);
      await t.must('sync.enrol', { code: central.createEnrolmentCode(code) }, 'first-run');
      await t.waitForStatus((s) => s.initialSync.done);
      // The first sync asks for a block of codice avviso bases after the pull: wait for that attempt too.
      await t.must('session.login', { operator, pin });
      await t.must('sync.now', {});
      return t;
    },
    async close() {
      for (const t of counters.splice(0)) await t.close();
      await central.close();
    },
  };
}

/** An account of a child with an adulto di riferimento (the debtor of a notice). */
export function accountWithParent(sql: BetterSqlite3.Database, offset = 0) {
  return sql
    .prepare(
      `SELECT a.id, a.papay_code AS papayCode, c.fiscal_code AS childCf, c.name AS childName, c.surname AS childSurname,
              f.fiscal_code AS parentCf, f.name || ' ' || f.surname AS parentName
         FROM accounts a JOIN children c ON c.id = a.child_id JOIN families f ON f.id = c.family_id
        ORDER BY a.papay_code LIMIT 1 OFFSET ?`,
    )
    .get(offset) as {
    id: string;
    papayCode: string;
    childCf: string;
    childName: string;
    childSurname: string;
    parentCf: string;
    parentName: string;
  };
}

export function balanceOf(sql: BetterSqlite3.Database, accountId: string): number {
  return sql
    .prepare(
      `SELECT a.server_balance_cents + COALESCE((SELECT SUM(amount_cents) FROM ledger l
          WHERE l.account_id = a.id AND l.included_in_server_balance = 0), 0) FROM accounts a WHERE a.id = ?`,
    )
    .pluck()
    .get(accountId) as number;
}

export function remaining(sql: BetterSqlite3.Database): number {
  return sql
    .prepare(
      `SELECT COALESCE(SUM(last_base - next_base + 1), 0) FROM notice_blocks
        WHERE first_base IS NOT NULL AND next_base <= last_base`,
    )
    .pluck()
    .get() as number;
}
