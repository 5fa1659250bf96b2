import { Operation, type OperationResult } from '../../shared/central';
import type { Db } from '../db/open';
import { backoffDelayMs } from './backoff';
import { CentralTransportError, type CentralClient, type TimedReply } from './http';
import { markIncludedEntries } from './inclusion';
import { settleHookFor, type SettleHooks } from './settled';
import { syncQueries, type PendingRow } from './queries';

export const PUSH_BATCH = 200;

type OutboxRow = Omit<PendingRow, 'next_attempt_at'>;

export interface PushOutcome {
  sent: number;
  confirmed: number;
  rejected: number;
  /** The last reply, for the clock offset; null when nothing was due. */
  lastReply: TimedReply<unknown> | null;
}

/**
 * Sends the outbox in seq order, in batches. Each operation is settled on its own result:
 * `accepted` -> confirmed with its server seq; `rejected` -> "Da risolvere" with the reason.
 * A transport failure leaves the batch pending with a later next_attempt_at; the ids sent are
 * always the ones stored at the counter (a resend is the same operation, the central dedups it).
 */
export async function pushOutbox(
  db: Db,
  client: CentralClient,
  now: () => Date,
  random: () => number = Math.random,
  opts: { ignoreBackoff?: boolean; settleHooks?: SettleHooks } = {},
): Promise<PushOutcome> {
  // Strictly in order: the queue waits behind its first operation's backoff, so nothing (a void
  // above all) can overtake the operation it depends on.
  const { pending } = syncQueries(db.sqlite);
  const outcome: PushOutcome = { sent: 0, confirmed: 0, rejected: 0, lastReply: null };
  // A batch that is settled leaves the due set, so this ends; the cap guards against a central that
  // answers without settling anything.
  for (let round = 0; round < 1_000; round++) {
    const rows = pending.all(PUSH_BATCH);
    const head = rows[0];
    if (head === undefined) break;
    // A manual sync sends what waits for its backoff too; a transport failure still ends the round.
    if (!opts.ignoreBackoff && head.next_attempt_at !== null && head.next_attempt_at > now().toISOString()) break;
    const { valid, invalid } = toOperations(rows);
    if (invalid.length > 0) settleInvalid(db, invalid);
    if (valid.length === 0) continue;
    let reply;
    try {
      reply = await client.push(valid.map((v) => v.operation));
    } catch (e) {
      if (e instanceof CentralTransportError)
        postpone(
          db,
          valid.map((v) => v.row),
          e.message,
          now(),
          random,
        );
      throw e;
    }
    outcome.lastReply = reply;
    outcome.sent += valid.length;
    const settled = settle(
      db,
      valid.map((v) => v.row),
      reply.value.results,
      now(),
      random,
      opts.settleHooks ?? {},
    );
    outcome.confirmed += settled.confirmed;
    outcome.rejected += settled.rejected;
    if (settled.confirmed + settled.rejected === 0) break;
  }
  return outcome;
}

function toOperations(rows: OutboxRow[]) {
  const valid: { row: OutboxRow; operation: Operation }[] = [];
  const invalid: { row: OutboxRow; reason: string }[] = [];
  for (const row of rows) {
    const parsed = Operation.safeParse({ ...(JSON.parse(row.payload) as object), type: row.type });
    if (parsed.success) valid.push({ row, operation: parsed.data });
    else invalid.push({ row, reason: `Dati dell'operazione non validi: ${parsed.error.issues[0]?.message ?? ''}` });
  }
  return { valid, invalid };
}

/** An operation we cannot even send is parked where a supervisor sees it, never dropped. */
function settleInvalid(db: Db, invalid: { row: OutboxRow; reason: string }[]): void {
  const park = syncQueries(db.sqlite).parkInvalid;
  db.sqlite.transaction(() => {
    for (const { row, reason } of invalid) park.run(reason, reason, row.seq);
  })();
}

function postpone(db: Db, rows: OutboxRow[], error: string, now: Date, random: () => number): void {
  const stmt = syncQueries(db.sqlite).postpone;
  // One draw for the batch: operations that failed together are retried together.
  const draw = random();
  db.sqlite.transaction(() => {
    for (const row of rows) {
      const next = new Date(now.getTime() + backoffDelayMs(row.attempts + 1, () => draw)).toISOString();
      stmt.run(next, error, row.seq);
    }
  })();
}

function settle(
  db: Db,
  rows: OutboxRow[],
  results: OperationResult[],
  now: Date,
  random: () => number,
  hooks: SettleHooks,
): { confirmed: number; rejected: number } {
  const byId = new Map(results.map((r) => [r.id, r]));
  const { confirm, learnSeq: ledgerSeq, reject, postpone: missing } = syncQueries(db.sqlite);
  let confirmed = 0;
  let rejected = 0;
  db.sqlite.transaction(() => {
    for (const row of rows) {
      const result = byId.get(row.operation_id);
      if (!result) {
        const next = new Date(now.getTime() + backoffDelayMs(row.attempts + 1, random)).toISOString();
        missing.run(next, 'Nessun esito per questa operazione: sarà inviata di nuovo.', row.seq);
        continue;
      }
      switch (result.status) {
        case 'accepted':
          confirm.run(result.seq, row.seq);
          ledgerSeq.run(result.seq, row.operation_id);
          confirmed++;
          break;
        case 'rejected':
          reject.run(result.reason, result.reason, row.seq);
          rejected++;
          break;
      }
      settleHookFor(hooks, row.type)?.(db, row.operation_id, result, now.toISOString());
    }
    // A balance pulled before this ack may already count the operation (the ack of an earlier
    // send was lost): the seq just learned settles that.
    markIncludedEntries(db);
  })();
  return { confirmed, rejected };
}
