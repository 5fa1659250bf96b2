import type BetterSqlite3 from 'better-sqlite3';
import { openCore, type CoreOptions } from '../../../src-main/core/core';
import type { Core } from '../../../src-main/core/types';
import type { Channel, ChannelOutput, EventPayload, SyncStatus } from '../../../shared/contract';
import type { Reply } from '../../../shared/errors';
import { callersOf, demoDataDir, ManualClock, RecordingPrinter, type TestInput } from '../../support/core-fixture';
import { openCounterFile } from '../../support/counter-file';

export const HOUR = 3_600_000;

export interface SyncTestCore {
  core: Core;
  dataDir: string;
  clock: ManualClock;
  sql: BetterSqlite3.Database;
  statuses: SyncStatus[];
  call<C extends Channel>(channel: C, input: TestInput<C>, sessionId?: string): Promise<Reply<ChannelOutput<C>>>;
  must<C extends Channel>(channel: C, input: TestInput<C>, sessionId?: string): Promise<ChannelOutput<C>>;
  /** A top-up as the logged-in operator of session s1. */
  topup(accountId: string, amountCents: number): Promise<ChannelOutput<'topups.record'>>;
  /** Resolves with the first status event (already seen or coming) that satisfies the predicate. */
  waitForStatus(predicate: (s: SyncStatus) => boolean): Promise<SyncStatus>;
  close(): Promise<void>;
}

/**
 * A core on a copy of the demo database, configured for the given central. The timer and the
 * trigger after money operations are pushed an hour away: the tests drive the sync with sync.now.
 */
export async function openSyncCore(
  opts: { centralUrl: string; dataDir?: string; counter?: string } & Partial<CoreOptions>,
): Promise<SyncTestCore> {
  const dataDir = opts.dataDir ?? demoDataDir();
  const clock = opts.clock instanceof ManualClock ? opts.clock : new ManualClock();
  const core = await openCore({
    dataDir,
    counterCode: opts.counter ?? 'SE1',
    clock,
    receiptPrinter: new RecordingPrinter(),
    centralUrl: opts.centralUrl,
    syncIntervalMs: opts.syncIntervalMs ?? HOUR,
    syncDebounceMs: opts.syncDebounceMs ?? HOUR,
    syncRequestTimeoutMs: opts.syncRequestTimeoutMs ?? 1_000,
  });
  const sql = openCounterFile(dataDir);
  const statuses: SyncStatus[] = [];
  core.on((event, payload) => {
    if (event === 'sync.status') statuses.push(payload as EventPayload<'sync.status'>);
  });
  const { call, must } = callersOf(core);
  return {
    core,
    dataDir,
    clock,
    sql,
    statuses,
    call,
    must,
    waitForStatus: (predicate) =>
      new Promise((resolve) => {
        const seen = statuses.find(predicate);
        if (seen) return resolve(seen);
        const off = core.on((event, payload) => {
          if (event === 'sync.status' && predicate(payload as SyncStatus)) {
            off();
            resolve(payload as SyncStatus);
          }
        });
      }),
    topup: (accountId, amountCents) =>
      must('topups.record', { accountId, amountCents, method: 'cash', confirmDuplicate: true }),
    close: async () => {
      sql.close();
      await core.close();
    },
  };
}

export interface DemoAccount {
  id: string;
  childId: string;
  service: 'refezione' | 'trasporto' | 'asilo_nido';
  papayCode: string;
  serverBalanceCents: number;
  serverSeq: number;
}

export function demoAccounts(sql: BetterSqlite3.Database, n: number): DemoAccount[] {
  return (
    sql
      .prepare(
        `SELECT id, child_id, service, papay_code, server_balance_cents, server_seq FROM accounts ORDER BY papay_code LIMIT ?`,
      )
      .all(n) as {
      id: string;
      child_id: string;
      service: DemoAccount['service'];
      papay_code: string;
      server_balance_cents: number;
      server_seq: number;
    }[]
  ).map((r) => ({
    id: r.id,
    childId: r.child_id,
    service: r.service,
    papayCode: r.papay_code,
    serverBalanceCents: r.server_balance_cents,
    serverSeq: r.server_seq,
  }));
}

export function maxServerSeq(sql: BetterSqlite3.Database): number {
  return (sql.prepare('SELECT MAX(server_seq) AS m FROM accounts').get() as { m: number }).m;
}

export function outboxRows(sql: BetterSqlite3.Database) {
  return sql
    .prepare(
      'SELECT operation_id, state, attempts, next_attempt_at, rejected_reason, server_seq FROM outbox ORDER BY seq',
    )
    .all() as {
    operation_id: string;
    state: string;
    attempts: number;
    next_attempt_at: string | null;
    rejected_reason: string | null;
    server_seq: number | null;
  }[];
}

/** The error of a reply that must have failed. */
export function failure(reply: Reply<unknown>): { code: string; message: string } {
  if (reply.ok) throw new Error(`atteso un errore, ricevuto ${JSON.stringify(reply.value)}`);
  return reply.error;
}
