import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** An outbox row as the push reads it. */
export type PendingRow = Pick<
  Row<'outbox'>,
  'seq' | 'operation_id' | 'type' | 'payload' | 'attempts' | 'next_attempt_at'
>;
/** An outbox row as "Da risolvere" lists it. */
export type RejectedRow = Pick<
  Row<'outbox'>,
  'operation_id' | 'type' | 'payload' | 'rejected_reason' | 'attempts' | 'created_at'
>;
export type SyncStateRow = Omit<Row<'sync_state'>, 'id'>;
type CursorUpdate = { cursor: string; done: number; progress: number };

/** The sync's own tables (sync_state, outbox states, parked feed entries, notice blocks) and its ledger updates. */
export const syncQueries = preparedPerConnection((s) => ({
  state: s.prepare<[], SyncStateRow>(
    `SELECT central_url, token, token_revoked, cursor, initial_sync_done, initial_sync_progress, last_sync_at,
            server_offset_ms, last_error
       FROM sync_state WHERE id = 1`,
  ),
  writeState: s.prepare<[SyncStateRow]>(
    `UPDATE sync_state SET central_url = @central_url, token = @token, token_revoked = @token_revoked,
       cursor = @cursor, initial_sync_done = @initial_sync_done, initial_sync_progress = @initial_sync_progress,
       last_sync_at = @last_sync_at, server_offset_ms = @server_offset_ms, last_error = @last_error
     WHERE id = 1`,
  ),
  saveCursor: s.prepare<[CursorUpdate]>(
    `UPDATE sync_state SET cursor = @cursor, initial_sync_done = @done,
       initial_sync_progress = MAX(initial_sync_progress, @progress) WHERE id = 1`,
  ),

  // Push. Strictly in order: the queue waits behind its first operation's backoff, so nothing (a
  // void above all) can overtake the operation it depends on.
  pending: s.prepare<[limit: number], PendingRow>(
    `SELECT seq, operation_id, type, payload, attempts, next_attempt_at FROM outbox
      WHERE state = 'pending' ORDER BY seq LIMIT ?`,
  ),
  parkInvalid: s.prepare<[reason: string, error: string, seq: number]>(
    `UPDATE outbox SET state = 'rejected', rejected_reason = ?, last_error = ? WHERE seq = ? AND state = 'pending'`,
  ),
  postpone: s.prepare<[nextAttemptAt: string, error: string, seq: number]>(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE seq = ? AND state = 'pending'`,
  ),
  confirm: s.prepare<[serverSeq: number, seq: number]>(
    `UPDATE outbox SET state = 'confirmed', server_seq = ?, attempts = attempts + 1, next_attempt_at = NULL,
            last_error = NULL WHERE seq = ? AND state = 'pending'`,
  ),
  reject: s.prepare<[reason: string, error: string, seq: number]>(
    `UPDATE outbox SET state = 'rejected', rejected_reason = ?, attempts = attempts + 1, next_attempt_at = NULL,
            last_error = ? WHERE seq = ? AND state = 'pending'`,
  ),
  outboxCounts: s.prepare<[], { pending: number; rejected: number }>(
    `SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, COALESCE(SUM(state = 'rejected'), 0) AS rejected
       FROM outbox WHERE state != 'confirmed'`,
  ),

  // "Da risolvere".
  rejected: s.prepare<[], RejectedRow>(
    `SELECT operation_id, type, payload, rejected_reason, attempts, created_at FROM outbox
      WHERE state = 'rejected' ORDER BY seq`,
  ),
  rejectedReason: s.prepare<[operationId: string], Pick<Row<'outbox'>, 'rejected_reason'>>(
    `SELECT rejected_reason FROM outbox WHERE operation_id = ? AND state = 'rejected'`,
  ),
  childOfAccount: s.prepare<[accountId: string], { name: string; surname: string; service: string }>(
    `SELECT c.name, c.surname, a.service FROM accounts a JOIN children c ON c.id = a.child_id WHERE a.id = ?`,
  ),
  firstNavOfNotice: s
    .prepare<[noticeId: string], Row<'notice_payments'>['nav']>(
      'SELECT nav FROM notice_payments WHERE notice_id = ? ORDER BY installment NULLS FIRST LIMIT 1',
    )
    .pluck(),
  requeue: s.prepare<[operationId: string]>(
    `UPDATE outbox SET state = 'pending', next_attempt_at = NULL, rejected_reason = NULL
      WHERE operation_id = ? AND state = 'rejected'`,
  ),

  // The ledger as the central numbers it.
  ledgerOrigin: s.prepare<[id: string], Pick<Row<'ledger'>, 'origin'>>('SELECT origin FROM ledger WHERE id = ?'),
  learnSeq: s.prepare<[serverSeq: number, id: string]>(
    'UPDATE ledger SET server_seq = ? WHERE id = ? AND server_seq IS NULL',
  ),
  /**
   * The client balance rule in one statement: an entry stops counting on top of the pulled balance
   * exactly when its central seq is known and the account's pulled balance reaches it.
   */
  markIncluded: s.prepare<[]>(
    `UPDATE ledger SET included_in_server_balance = 1
      WHERE included_in_server_balance = 0 AND server_seq IS NOT NULL
        AND server_seq <= (SELECT a.server_seq FROM accounts a WHERE a.id = ledger.account_id)`,
  ),

  // Feed entries that came before their account.
  park: s.prepare<[id: string, accountId: string, item: string]>(
    'INSERT INTO sync_parked_entries (id, account_id, item) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET item = excluded.item',
  ),
  parkedWithAccount: s.prepare<[], Pick<Row<'sync_parked_entries'>, 'id' | 'item'>>(
    `SELECT p.id, p.item FROM sync_parked_entries p WHERE EXISTS (SELECT 1 FROM accounts a WHERE a.id = p.account_id)`,
  ),
  unpark: s.prepare<[id: string]>('DELETE FROM sync_parked_entries WHERE id = ?'),
  accountExists: s.prepare<[id: string], { x: number }>('SELECT 1 AS x FROM accounts WHERE id = ?'),

  // Blocks of codice avviso bases.
  remainingBases: s
    .prepare<[], number>(
      `SELECT COALESCE(SUM(last_base - next_base + 1), 0) FROM notice_blocks
        WHERE first_base IS NOT NULL AND next_base <= last_base`,
    )
    .pluck(),
  installedCounterKind: s
    .prepare<[], Row<'counters'>['kind']>(
      'SELECT c.kind FROM installation i JOIN counters c ON c.code = i.counter_code WHERE i.id = 1',
    )
    .pluck(),
  pendingBlockRequest: s
    .prepare<[], Row<'notice_blocks'>['request_id']>(
      'SELECT request_id FROM notice_blocks WHERE first_base IS NULL ORDER BY id LIMIT 1',
    )
    .pluck(),
  requestBlock: s.prepare<[requestId: string, requestedAt: string]>(
    'INSERT INTO notice_blocks (request_id, requested_at) VALUES (?, ?)',
  ),
  storeBlock: s.prepare<
    [segregationCode: string, first: number, last: number, next: number, receivedAt: string, requestId: string]
  >(
    `UPDATE notice_blocks SET segregation_code = ?, first_base = ?, last_base = ?, next_base = ?, received_at = ?
      WHERE request_id = ? AND first_base IS NULL`,
  ),
}));
