import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/contract';
import { call, onEvent } from '../api';

/** The event normally brings every change; the poll only covers a lost event stream (host restart, sleep). */
const POLL_MS = 4_000;

export interface SyncStatusState {
  /** Null until the core answered once. */
  status: SyncStatus | null;
  /** Asks the core now (after an action whose effect on the status we want at once). */
  refresh: () => Promise<void>;
  /** Takes a status the core returned from another call (sync.now). */
  accept: (status: SyncStatus) => void;
}

export function useSyncStatus(): SyncStatusState {
  const [status, setStatus] = useState<SyncStatus | null>(null);

  const refresh = useCallback(async () => {
    const reply = await call('sync.status', {});
    // A failed poll keeps the last known status: the next one, or the next event, will correct it.
    if (reply.ok) setStatus(reply.value);
  }, []);

  useEffect(() => {
    const unsubscribe = onEvent('sync.status', setStatus);
    const poll = async () => {
      const reply = await call('sync.status', {});
      if (reply.ok) setStatus(reply.value);
    };
    void poll();
    const timer = window.setInterval(() => void poll(), POLL_MS);
    return () => {
      unsubscribe();
      window.clearInterval(timer);
    };
  }, []);

  return { status, refresh, accept: setStatus };
}
