import os from 'node:os';
import type { ReceiptNumbering } from '../../shared/central';
import type { SyncStatus } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import type { Clock } from '../core/clock';
import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import { enrolCounter } from './enrol';
import {
  CentralClient,
  CentralRefusedError,
  CentralRevokedError,
  CentralSecondInstallationError,
  CentralTransportError,
  type TimedReply,
} from './http';
import { ensureNoticeBlock } from './blocks';
import { alignReceiptNumbering, numberingWarning } from './numbering';
import { pullFeed } from './pull';
import { pushOutbox } from './push';
import { readSyncState, writeSyncState } from './state';
import { syncQueries } from './queries';
import type { SettleHooks } from './settled';

export const CLOCK_WARNING_MS = 2 * 60_000;

const REVOKED_MESSAGE =
  'Questo PC non è più abilitato al servizio centrale (attivazione revocata: lo sportello è stato attivato su un altro PC). ' +
  'Le operazioni restano salvate qui; per inviarle chiedere un nuovo codice di attivazione al supervisore.';

export interface SyncServiceOptions {
  db: Db;
  counterCode: string;
  /** This installation's id (installationId.ts): the central binds the token to it. */
  installationId?: string;
  clock: Clock;
  log: Logger;
  /** Called with every new status (the core turns it into the 'sync.status' event). */
  onStatus: (status: SyncStatus) => void;
  /** What each kind of operation changes here when the central settles it. */
  settleHooks: SettleHooks;
  /** Called after a pull that brought this counter's own record (its configuration may have changed). */
  onCounterChanged: () => void;
  /** Called each time the feed's last page gave the central's receipt numbering and it was applied here. */
  onNumberingRead?: () => void;
  requestTimeoutMs?: number;
  /** Delay between a money operation and the sync it triggers (several quick operations: one sync). */
  debounceMs?: number;
  random?: () => number;
}

/**
 * The sync loop: push the outbox, then pull the feed, on a timer and right after each money
 * operation. It never throws out and never blocks the money path: every failure is logged and
 * becomes part of the status. One attempt at a time; close() waits for the running one.
 */
export class SyncService {
  private timer: NodeJS.Timeout | null = null;
  private intervalMs: number | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private closed = false;
  /** Cuts calls in flight on close, so closing never waits for a slow central. */
  private readonly closing = new AbortController();
  private online = false;
  private numberingWarning: string | null = null;
  private databaseWarning: string | null = null;
  private lastEmitted = '';
  private readonly log: Logger;

  constructor(private readonly opts: SyncServiceOptions) {
    this.log = opts.log.child({ scope: 'sync' });
  }

  /** Starts the periodic sync (and one attempt right away). */
  start(intervalMs: number): void {
    if (this.closed || this.timer) return;
    this.intervalMs = intervalMs;
    this.timer = setInterval(() => void this.syncNow(), intervalMs);
    this.timer.unref();
    void this.syncNow();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = null;
  }

  /** Stops the loop and waits for a sync in progress, so the database can be closed after. */
  async close(): Promise<void> {
    this.closed = true;
    this.stop();
    this.closing.abort();
    await this.running;
  }

  /** After a money operation: the status changes now (one more pending), the sync follows shortly. */
  trigger(): void {
    this.emitIfChanged();
    if (this.closed || this.debounce) return;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.syncNow();
    }, this.opts.debounceMs ?? 500);
    this.debounce.unref();
  }

  /**
   * One full push + pull attempt (after the one in progress, if any). Never throws. `manual` (the
   * operator's "sincronizza ora") sends every pending operation at once, ignoring the backoff.
   */
  syncNow(opts: { manual?: boolean } = {}): Promise<SyncStatus> {
    const next = this.running.then(() => (this.closed ? undefined : this.attempt(opts.manual ?? false)));
    this.running = next.catch(() => undefined);
    return this.running.then(() => this.status());
  }

  status(): SyncStatus {
    const { db } = this.opts;
    const state = readSyncState(db);
    const counts = syncQueries(db.sqlite).outboxCounts.get() ?? { pending: 0, rejected: 0 };
    const offset = state.serverOffsetMs;
    return {
      enrolled: state.token !== null && !state.tokenRevoked,
      online: this.online,
      centralUrl: state.centralUrl,
      pendingCount: counts.pending,
      deadLetterCount: counts.rejected,
      lastSyncAt: state.lastSyncAt,
      serverTimeOffsetMs: offset,
      clockWarning: offset !== null && Math.abs(offset) > CLOCK_WARNING_MS ? clockWarning(offset) : null,
      numberingWarning: this.numberingWarning,
      databaseWarning: this.databaseWarning,
      initialSync: { done: state.initialSyncDone, progress: state.initialSyncDone ? 1 : state.initialSyncProgress },
      lastError: state.lastError,
    };
  }

  /** The hourly check's verdict on the database, for the status bar (null: sound). */
  noteDatabaseHealth(warning: string | null): void {
    this.databaseWarning = warning;
  }

  async enrol(code: string): Promise<{ counterCode: string }> {
    const state = readSyncState(this.opts.db);
    if (!state.centralUrl) throw noCentral();
    const client = this.client(state.centralUrl, null);
    const enrolled = await enrolCounter(
      this.opts.db,
      client,
      this.opts.counterCode,
      code,
      os.hostname(),
      this.opts.installationId,
    );
    this.noteServerTime(enrolled.serverTime, Date.parse(enrolled.serverTime) - this.nowMs());
    this.online = true;
    this.log.info({ counter: enrolled.counterCode }, 'sportello attivato presso il servizio centrale');
    this.emitIfChanged();
    // A loop stopped by a revoked token starts again with the new one.
    if (this.intervalMs !== null && !this.timer) this.start(this.intervalMs);
    else void this.syncNow();
    return { counterCode: enrolled.counterCode };
  }

  emitIfChanged(): void {
    try {
      const status = this.status();
      const json = JSON.stringify(status);
      if (json === this.lastEmitted) return;
      this.lastEmitted = json;
      this.opts.onStatus(status);
    } catch (e) {
      this.log.error({ err: e }, 'stato della sincronizzazione non leggibile');
    }
  }

  private async attempt(ignoreBackoff: boolean): Promise<void> {
    const { db } = this.opts;
    const state = readSyncState(db);
    if (!state.centralUrl || !state.token || state.tokenRevoked) return;
    const client = this.client(state.centralUrl, state.token);
    try {
      // A push that cannot get through does not hold back the pull: balances, meal charges and
      // the roster still arrive (and a pulled balance may settle an operation whose ack was lost).
      let pushFailure: CentralTransportError | null = null;
      let pushed = null;
      try {
        pushed = await pushOutbox(db, client, () => this.opts.clock.now(), this.opts.random, {
          ignoreBackoff,
          settleHooks: this.opts.settleHooks,
        });
        this.noteReply(pushed.lastReply);
      } catch (e) {
        if (!(e instanceof CentralTransportError)) throw e;
        pushFailure = e;
      }
      this.emitIfChanged();
      const pulled = await pullFeed(db, client, this.opts.counterCode, (page) => {
        if (page.ownCounterChanged) this.opts.onCounterChanged();
        this.emitIfChanged();
      });
      this.noteReply(pulled.lastReply);
      if (pulled.receiptNumbering !== undefined) this.checkNumbering(pulled.receiptNumbering);
      // After the pull, so the counter's kind is known (a new PC starts as a stand-in pharmacy).
      const block = await ensureNoticeBlock(db, client, () => this.opts.clock.now());
      this.noteReply(block.lastReply);
      if (block.refused !== undefined) this.log.warn({ err: block.refused }, 'blocco di codici avviso rifiutato');
      if (pushFailure) throw pushFailure;
      this.online = true;
      writeSyncState(db, { lastSyncAt: this.opts.clock.now().toISOString(), lastError: null });
      if ((pushed?.sent ?? 0) > 0 || pulled.items > 0) {
        this.log.info(
          { sent: pushed?.sent, confirmed: pushed?.confirmed, rejected: pushed?.rejected, pulled: pulled.items },
          'sincronizzazione completata',
        );
      }
    } catch (e) {
      this.onFailure(e);
    } finally {
      this.emitIfChanged();
    }
  }

  /** Continues the receipt numbering after the central's where it is ahead, and says so once. */
  private checkNumbering(central: ReceiptNumbering): void {
    const behind = alignReceiptNumbering(this.opts.db, this.opts.counterCode, central, this.opts.clock.now());
    this.opts.onNumberingRead?.();
    if (behind.length === 0) return;
    this.numberingWarning = numberingWarning(this.opts.counterCode, behind);
    this.log.error({ behind }, 'numerazione delle ricevute indietro rispetto al servizio centrale');
  }

  private onFailure(e: unknown): void {
    const { db } = this.opts;
    if (e instanceof CentralSecondInstallationError) {
      // Another installation holds this counter's token: this one stops, the real counter goes on.
      this.online = true;
      writeSyncState(db, { tokenRevoked: true, lastError: e.message });
      this.log.error({ err: e.message }, "token in uso su un'altra installazione: sincronizzazione fermata");
      this.stop();
      return;
    }
    if (e instanceof CentralRevokedError) {
      this.online = true; // the central answered: the network is fine, our token is not
      writeSyncState(db, { tokenRevoked: true, lastError: REVOKED_MESSAGE });
      this.log.warn({ err: e.message }, 'token revocato: sincronizzazione fermata');
      this.stop();
      return;
    }
    if (e instanceof CentralTransportError) {
      this.online = false;
      writeSyncState(db, { lastError: e.message });
      this.log.warn({ err: e.detail }, 'servizio centrale non raggiungibile');
      return;
    }
    if (e instanceof CentralRefusedError) {
      this.online = true;
      writeSyncState(db, { lastError: `Il servizio centrale ha rifiutato la richiesta: ${e.message}` });
      this.log.warn({ code: e.code, err: e.message }, 'richiesta rifiutata dal servizio centrale');
      return;
    }
    this.log.error({ err: e }, 'errore della sincronizzazione');
    writeSyncState(db, {
      lastError: `Errore interno della sincronizzazione (${e instanceof Error ? e.message : String(e)}): avvisare l'assistenza.`,
    });
  }

  private noteReply(reply: TimedReply<unknown> | null): void {
    if (!reply) return;
    const serverTime = (reply.value as { serverTime?: unknown }).serverTime;
    if (typeof serverTime !== 'string') return;
    this.noteServerTime(serverTime, Date.parse(serverTime) - reply.localMidpointMs);
  }

  private noteServerTime(serverTime: string, offsetMs: number): void {
    if (!Number.isFinite(offsetMs)) return;
    const rounded = Math.round(offsetMs);
    writeSyncState(this.opts.db, { serverOffsetMs: rounded });
    if (Math.abs(rounded) > CLOCK_WARNING_MS) {
      this.log.warn({ serverTime, offsetMs: rounded }, "l'orologio del PC non è allineato al servizio centrale");
    }
  }

  private client(baseUrl: string, token: string | null): CentralClient {
    return new CentralClient({
      baseUrl,
      token,
      ...(this.opts.installationId !== undefined ? { installationId: this.opts.installationId } : {}),
      nowMs: () => this.nowMs(),
      signal: this.closing.signal,
      ...(this.opts.requestTimeoutMs !== undefined ? { timeoutMs: this.opts.requestTimeoutMs } : {}),
    });
  }

  private nowMs(): number {
    return this.opts.clock.now().getTime();
  }
}

function noCentral(): DomainError {
  return new DomainError(
    'INPUT_INVALID',
    'Il servizio centrale non è configurato su questo PC: avviare lo sportello indicando il suo indirizzo (--central).',
  );
}

function clockWarning(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const direction = offsetMs > 0 ? 'indietro' : 'avanti';
  return (
    `L'orologio di questo PC è ${minutes} minuti ${direction} rispetto al servizio centrale: ` +
    "correggere data e ora del PC (gli orari delle ricevute dipendono dall'orologio)."
  );
}
