import type { ReceiptNumbering } from '../../shared/central';
import type { Db } from '../db/open';
import { applyFeedPage } from './apply';
import { CentralRefusedError, type CentralClient, type TimedReply } from './http';
import { readSyncState, writeSyncState } from './state';

// Changes per page. Each page is one HTTP round trip and one durable transaction: at 500 a new
// PC's first sync of 100,000 accounts took 1,073 pages; 5,000 (the central's maximum) makes it 108
// (first sync 31.7 s -> 26.2-27.3 s against 2,000 on the same loaded VM, peak RSS 174 -> 226 MB) while a
// page still applies in a fraction of a second (a top-up waits at most that).
export const FEED_PAGE_LIMIT = 5000;

export interface PullOutcome {
  pages: number;
  items: number;
  ownCounterChanged: boolean;
  lastReply: TimedReply<unknown> | null;
  /** The central's receipt numbering of this counter, from the last page. */
  receiptNumbering?: ReceiptNumbering;
}

/**
 * Reads the feed from the stored cursor until it has no more, each page applied with its cursor
 * in one transaction (apply.ts). After each page `onPage` hears whether this counter's own record
 * came (to reload it before anyone reads the status) and, during the first sync, how far it is
 * (0..1, from the `remaining` the central reports; null once the first sync is done).
 */
export async function pullFeed(
  db: Db,
  client: CentralClient,
  ownCounterCode: string,
  onPage: (page: { ownCounterChanged: boolean; initialProgress: number | null }) => void,
): Promise<PullOutcome> {
  const outcome: PullOutcome = { pages: 0, items: 0, ownCounterChanged: false, lastReply: null };
  // The first sync of a new PC writes every page once: SQLite's automatic checkpoint would copy the
  // same index pages back to the database file again and again (random UUID keys touch thousands of
  // them per page). It waits until the first sync ends, then runs once; a crash in between only
  // leaves a longer WAL, which the next open checkpoints as usual.
  const firstSync = !readSyncState(db).initialSyncDone;
  if (firstSync) db.sqlite.pragma('wal_autocheckpoint = 0');
  try {
    return await readPages(db, client, ownCounterCode, onPage, outcome);
  } finally {
    if (firstSync) {
      db.sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
      db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    }
  }
}

const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

async function readPages(
  db: Db,
  client: CentralClient,
  ownCounterCode: string,
  onPage: (page: { ownCounterChanged: boolean; initialProgress: number | null }) => void,
  outcome: PullOutcome,
): Promise<PullOutcome> {
  let cursorResetDone = false;
  // The next page is asked for while this one is applied (its cursor is known from the reply), so
  // the central builds it and the network carries it in the meantime.
  let prefetched: { cursor: string; reply: ReturnType<CentralClient['feed']> } | null = null;
  for (;;) {
    const state = readSyncState(db);
    let reply: Awaited<ReturnType<CentralClient['feed']>>;
    try {
      reply =
        prefetched !== null && prefetched.cursor === state.cursor
          ? await prefetched.reply
          : await client.feed(state.cursor, FEED_PAGE_LIMIT);
    } catch (e) {
      prefetched = null;
      // The central forgot our cursor (restored from a backup, for instance): read it all again;
      // every write of a page is an upsert, so nothing doubles.
      if (e instanceof CentralRefusedError && e.code === 'BAD_CURSOR' && !cursorResetDone) {
        cursorResetDone = true;
        writeSyncState(db, { cursor: '' });
        continue;
      }
      throw e;
    }
    prefetched = null;
    const page = reply.value;
    if (page.hasMore) {
      const next = client.feed(page.nextCursor, FEED_PAGE_LIMIT);
      next.catch(() => undefined); // awaited (and its failure handled) on the next round, if that comes
      prefetched = { cursor: page.nextCursor, reply: next };
    }
    outcome.lastReply = reply;
    outcome.pages++;
    outcome.items += page.items.length;
    const progress = outcome.items + page.remaining === 0 ? 1 : outcome.items / (outcome.items + page.remaining);
    const applied = applyFeedPage(db, page, ownCounterCode, {
      initialSyncDone: state.initialSyncDone,
      initialSyncProgress: progress,
    });
    if (applied.ownCounterChanged) outcome.ownCounterChanged = true;
    onPage({
      ownCounterChanged: applied.ownCounterChanged,
      initialProgress: state.initialSyncDone ? null : page.hasMore ? progress : 1,
    });
    if (!page.hasMore) {
      if (page.receiptNumbering !== undefined) outcome.receiptNumbering = page.receiptNumbering;
      return outcome;
    }
  }
}
