import type { Db } from '../db/open';
import type { Database } from '../db/schema';

/** The one row of sync_state, as the sync reads it. */
export interface SyncState {
  centralUrl: string | null;
  token: string | null;
  tokenRevoked: boolean;
  cursor: string;
  initialSyncDone: boolean;
  initialSyncProgress: number;
  lastSyncAt: string | null;
  serverOffsetMs: number | null;
  lastError: string | null;
}

/** A sync_state row as the schema declares it. */
type Row = Omit<Database['sync_state'], 'id'>;

export function readSyncState(db: Db): SyncState {
  const r = db.sqlite.prepare('SELECT * FROM sync_state WHERE id = 1').get() as Row;
  return {
    centralUrl: r.central_url,
    token: r.token,
    tokenRevoked: r.token_revoked === 1,
    cursor: r.cursor,
    initialSyncDone: r.initial_sync_done === 1,
    initialSyncProgress: r.initial_sync_progress,
    lastSyncAt: r.last_sync_at,
    serverOffsetMs: r.server_offset_ms,
    lastError: r.last_error,
  };
}

const COLUMNS = {
  centralUrl: 'central_url',
  token: 'token',
  tokenRevoked: 'token_revoked',
  cursor: 'cursor',
  initialSyncDone: 'initial_sync_done',
  initialSyncProgress: 'initial_sync_progress',
  lastSyncAt: 'last_sync_at',
  serverOffsetMs: 'server_offset_ms',
  lastError: 'last_error',
} as const satisfies Record<keyof SyncState, string>;

/** Updates the given fields only (column names come from the fixed map above, never from input). */
export function writeSyncState(db: Db, patch: Partial<SyncState>): void {
  const sets: string[] = [];
  const values: (string | number | null)[] = [];
  for (const key of Object.keys(patch) as (keyof SyncState)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    sets.push(`${COLUMNS[key]} = ?`);
    values.push(typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }
  if (sets.length === 0) return;
  db.sqlite.prepare(`UPDATE sync_state SET ${sets.join(', ')} WHERE id = 1`).run(...values);
}

/**
 * The central URL given at start (`serve --central`): stored the first time, or replaced when
 * another is given. A new central means a new enrolment and a full pull.
 */
export function configureCentralUrl(db: Db, url: string): void {
  const normalised = new URL(url).toString().replace(/\/+$/, '');
  const current = readSyncState(db);
  if (current.centralUrl === normalised) return;
  writeSyncState(db, {
    centralUrl: normalised,
    token: null,
    tokenRevoked: false,
    cursor: '',
    initialSyncDone: false,
    initialSyncProgress: 0,
    lastError: null,
  });
}
