import { DomainError } from '../../shared/errors';
import { INSECURE_URL, isSecureServiceUrl } from '../../shared/station';
import type { Db } from '../db/open';
import { syncQueries, type SyncStateRow } from './queries';

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

export function readSyncState(db: Db): SyncState {
  const r = syncQueries(db.sqlite).state.get();
  if (r === undefined) throw new Error('sync_state senza la sua riga (migrazione 0002)');
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

/** Updates the given fields only: the others keep what is stored. */
export function writeSyncState(db: Db, patch: Partial<SyncState>): void {
  const next = { ...readSyncState(db) };
  let changed = false;
  for (const key of Object.keys(patch) as (keyof SyncState)[]) {
    if (patch[key] === undefined) continue;
    Object.assign(next, { [key]: patch[key] });
    changed = true;
  }
  if (!changed) return;
  syncQueries(db.sqlite).writeState.run(toRow(next));
}

function toRow(s: SyncState): SyncStateRow {
  return {
    central_url: s.centralUrl,
    token: s.token,
    token_revoked: s.tokenRevoked ? 1 : 0,
    cursor: s.cursor,
    initial_sync_done: s.initialSyncDone ? 1 : 0,
    initial_sync_progress: s.initialSyncProgress,
    last_sync_at: s.lastSyncAt,
    server_offset_ms: s.serverOffsetMs,
    last_error: s.lastError,
  };
}

/**
 * The central URL given at start (`serve --central`): stored the first time, or replaced when
 * another is given. A new central means a new enrolment and a full pull.
 */
export function configureCentralUrl(db: Db, url: string): void {
  if (!isSecureServiceUrl(url)) throw new DomainError('INPUT_INVALID', `${INSECURE_URL}: ${url}`);
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
