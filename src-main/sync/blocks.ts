import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/open';
import { syncQueries } from './queries';
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
  return syncQueries(db.sqlite).remainingBases.get() ?? 0;
}

function issuesNotices(db: Db): boolean {
  const kind = syncQueries(db.sqlite).installedCounterKind.get();
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
  const q = syncQueries(db.sqlite);
  const pending = q.pendingBlockRequest.get();
  const requestId = pending ?? uuidv7({ msecs: now().getTime() });
  if (pending === undefined) {
    q.requestBlock.run(requestId, now().toISOString());
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
  q.storeBlock.run(block.segregationCode, first, last, first, now().toISOString(), requestId);
  return { received: true, lastReply: reply };
}
