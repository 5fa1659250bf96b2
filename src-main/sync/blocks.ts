import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/open';
import { CentralRefusedError, type CentralClient, type TimedReply } from './http';

/**
 * Blocks of codice avviso bases (pagoPA notices issued offline). The counter asks the central
 * service for a new block when fewer than BLOCK_LOW_WATER bases remain, at every sync (the first
 * one after enrolment included), so it can go on issuing notices through hours without network.
 */
export const BLOCK_LOW_WATER = 100;
export const BLOCK_SIZE = 1000;

/** Bases still unused across the blocks received. */
export function remainingBases(db: Db): number {
  return db.sqlite
    .prepare(
      `SELECT COALESCE(SUM(last_base - next_base + 1), 0) FROM notice_blocks
        WHERE first_base IS NOT NULL AND next_base <= last_base`,
    )
    .pluck()
    .get() as number;
}

function issuesNotices(db: Db): boolean {
  const kind = db.sqlite
    .prepare('SELECT c.kind FROM installation i JOIN counters c ON c.code = i.counter_code WHERE i.id = 1')
    .pluck()
    .get() as string | undefined;
  // Pharmacies do not issue notices (they print the ones issued at the front office).
  return kind !== undefined && kind !== 'farmacia';
}

/**
 * Asks for a block when needed and stores it. The request id is stored BEFORE it is sent and
 * reused until an answer is stored: a reply lost on the way gets the same block again, never a
 * second one. Transport failures propagate (the sync loop retries later); a refusal does not stop
 * the sync (the rest of it works without notices): it is reported and asked again next time.
 */
export async function ensureNoticeBlock(
  db: Db,
  client: CentralClient,
  now: () => Date,
): Promise<{ received: boolean; lastReply: TimedReply<unknown> | null; refused?: string }> {
  if (!issuesNotices(db) || remainingBases(db) >= BLOCK_LOW_WATER) return { received: false, lastReply: null };
  const pending = db.sqlite
    .prepare('SELECT request_id FROM notice_blocks WHERE first_base IS NULL ORDER BY id LIMIT 1')
    .pluck()
    .get() as string | undefined;
  const requestId = pending ?? uuidv7({ msecs: now().getTime() });
  if (pending === undefined) {
    db.sqlite
      .prepare('INSERT INTO notice_blocks (request_id, requested_at) VALUES (?, ?)')
      .run(requestId, now().toISOString());
  }
  let reply;
  try {
    reply = await client.noticeBlock({ requestId, size: BLOCK_SIZE });
  } catch (e) {
    if (e instanceof CentralRefusedError) return { received: false, lastReply: null, refused: e.message };
    throw e;
  }
  const block = reply.value;
  const first = Number(block.firstBase);
  const last = Number(block.lastBase);
  if (block.requestId !== requestId || last < first) {
    throw new Error(`blocco di codici avviso incoerente dal servizio centrale (${JSON.stringify(block)})`);
  }
  db.sqlite
    .prepare(
      `UPDATE notice_blocks SET segregation_code = ?, first_base = ?, last_base = ?, next_base = ?, received_at = ?
        WHERE request_id = ? AND first_base IS NULL`,
    )
    .run(block.segregationCode, first, last, first, now().toISOString(), requestId);
  return { received: true, lastReply: reply };
}
