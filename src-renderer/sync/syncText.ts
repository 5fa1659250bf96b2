import type { OutboxType, SyncStatus } from '../../shared/contract';
import { OFFLINE_HINT } from '../../shared/errors';
import { formatRomeDateTime } from '../../shared/time';

/** Italian wording of the status bar, kept apart so every screen says the same thing. */

/** The kinds of operation the counter sends to the central, as the operator calls them. */
export const OUTBOX_TYPE_LABELS: Record<OutboxType, string> = {
  topup: 'Ricarica',
  void: 'Storno',
  notice: 'Avviso pagoPA',
  notice_cancel: 'Annullamento avviso',
  till: 'Cassa',
  registration: 'Iscrizione',
};

export function pendingText(count: number): string {
  if (count === 0) return 'Nessuna operazione da inviare';
  return count === 1 ? '1 operazione da inviare' : `${count} operazioni da inviare`;
}

export function lastSyncText(lastSyncAt: string | null): string {
  return `Ultima sincronizzazione: ${lastSyncAt === null ? 'mai' : formatRomeDateTime(lastSyncAt)}`;
}

export function problemsText(count: number): string {
  return `${count} da risolvere`;
}

/** Whole percent, never 100 before the core says the first sync is done. */
export function progressPercent(status: SyncStatus): number {
  if (status.initialSync.done) return 100;
  return Math.min(99, Math.floor(status.initialSync.progress * 100));
}

/** The central is configured but this PC holds no live token: it must be activated with a one-time code. */
export function needsEnrolment(status: SyncStatus | null): boolean {
  return status !== null && status.centralUrl !== null && !status.enrolled;
}

/** Enrolled, and the first complete download of the counter's data has not finished yet. */
export function initialSyncRunning(status: SyncStatus | null): boolean {
  return status !== null && status.centralUrl !== null && status.enrolled && !status.initialSync.done;
}

/** What Ctrl+Shift+S reports once the attempt is over. */
export function syncNowOutcome(status: SyncStatus): { ok: boolean; text: string } {
  if (status.online && status.lastError === null) {
    return {
      ok: true,
      text:
        status.pendingCount === 0
          ? 'Sincronizzazione eseguita: tutte le operazioni sono state inviate.'
          : `Sincronizzazione eseguita; ${pendingText(status.pendingCount).toLowerCase()} (nuovo tentativo a breve).`,
    };
  }
  // The status bar already says in plain words that the work goes on: the reply does not say it twice.
  if (status.lastError?.includes(OFFLINE_HINT)) {
    return { ok: false, text: 'Sincronizzazione non riuscita: il servizio centrale non è ancora raggiungibile.' };
  }
  const reason = status.lastError ? ` ${status.lastError}` : '';
  return {
    ok: false,
    text: `Sincronizzazione non riuscita.${reason} Le operazioni restano salvate e saranno inviate appena possibile.`,
  };
}
