import { describe, expect, it } from 'vitest';
import { syncNowOutcome } from '../../../src-renderer/sync/syncText';
import type { SyncStatus } from '../../../shared/contract';
import { OFFLINE_HINT } from '../../../shared/errors';
import { CENTRAL_UNAVAILABLE, CENTRAL_UNREACHABLE } from '../../../src-main/sync/http';

const base = {
  enrolled: true,
  online: false,
  pendingCount: 1,
  lastError: null,
} as unknown as SyncStatus;

describe('what Ctrl+Shift+S says', () => {
  it('offline: says it failed once, without repeating the status bar’s reassurance or any technical code', () => {
    for (const lastError of [CENTRAL_UNREACHABLE, CENTRAL_UNAVAILABLE]) {
      const { ok, text } = syncNowOutcome({ ...base, lastError });
      expect(ok).toBe(false);
      expect(text).toBe('Sincronizzazione non riuscita: il servizio centrale non è ancora raggiungibile.');
      expect(text).not.toContain(OFFLINE_HINT);
    }
  });

  it('a refusal keeps its reason and says the operations are safe', () => {
    const lastError = 'Il servizio centrale ha rifiutato la richiesta: conto chiuso.';
    expect(syncNowOutcome({ ...base, online: true, lastError }).text).toBe(
      `Sincronizzazione non riuscita. ${lastError} Le operazioni restano salvate e saranno inviate appena possibile.`,
    );
  });

  it('the offline messages are plain words: no error code, status, address or parenthesis', () => {
    for (const m of [CENTRAL_UNREACHABLE, CENTRAL_UNAVAILABLE]) {
      expect(m).toContain(OFFLINE_HINT);
      expect(m).not.toMatch(/E[A-Z]{4,}|HTTP|\d+\.\d+\.\d+|\(/);
    }
  });
});
