import { useEffect, useEffectEvent, useState } from 'react';
import type { SyncStatus } from '../../shared/contract';
import { call } from '../api';
import { isSyncNowKey } from './syncKeys';
import type { SyncNowResult } from './SyncStatusBar';
import { syncNowOutcome } from './syncText';

/** How long the outcome of a manual sync stays in the status bar (after that the counts speak for it). */
const RESULT_VISIBLE_MS = 20_000;

/**
 * Ctrl+Shift+S from any screen asks the core for one push and pull now and reports how it went. The
 * core needs an operator for it: on the login screen the key only says so (the automatic sync runs anyway).
 */
export function useSyncNowKey(loggedIn: boolean, accept: (status: SyncStatus) => void) {
  const [syncing, setSyncing] = useState(false);
  const [result, setResult] = useState<SyncNowResult | null>(null);

  const run = useEffectEvent(async () => {
    if (syncing) return;
    if (!loggedIn) {
      setResult({
        ok: false,
        text: 'Accedere per sincronizzare subito; intanto la sincronizzazione automatica continua.',
      });
      return;
    }
    setSyncing(true);
    setResult(null);
    const reply = await call('sync.now', {});
    setSyncing(false);
    if (reply.ok) {
      accept(reply.value);
      setResult(syncNowOutcome(reply.value));
    } else {
      setResult({ ok: false, text: reply.error.message });
    }
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!isSyncNowKey(event)) return;
      event.preventDefault();
      void run();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (result === null) return;
    const timer = window.setTimeout(() => setResult(null), RESULT_VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [result]);

  return { syncing, result };
}
