import path from 'node:path';
import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { contract, isChannel, type EventName, type EventPayload } from '../../shared/contract';
import { DomainError, fail, ok, type Reply } from '../../shared/errors';
import type { PrinterConfig } from '../../shared/config';
import { openDatabase } from '../db/open';
import { dailyBackup } from '../db/backup';
import { romeDate } from '../../shared/time';
import { createLogger, type Logger } from '../log/logger';
import { fileOnlyPrinter, networkPrinter, type ReceiptPrinter } from '../printing/printer';
import { Sessions } from '../session/sessions';
import { checkAccess } from './access';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import type { Handlers } from './call';
import { createHandlers } from './handlers';
import {
  ensureProvisionalCounter,
  establishCounter,
  loadCounter,
  saveCounterConfig,
  type Counter,
} from './installation';
import type { Core } from './types';
import { SyncService } from '../sync/service';
import { configureCentralUrl, readSyncState } from '../sync/state';

// Validation messages of the contract reach the operator: in Italian.
z.config(z.locales.it());

export interface CoreOptions {
  dataDir: string;
  /** Which counter this installation is; fixed at the first start, refused if different later. */
  counterCode?: string;
  /** Sets (and stores) the counter's receipt printer; null removes it. */
  printer?: PrinterConfig | null;
  clock?: Clock;
  /** Tests may hand their own printer (for example one that fails). */
  receiptPrinter?: ReceiptPrinter;
  /** The host's logger, so both write one file; otherwise the core opens it. */
  log?: Logger;
  /** The central service's URL: stored (first start, or when it changes); the sync runs when one is stored. */
  centralUrl?: string;
  /** How often the sync runs on its own (default 30 s). */
  syncIntervalMs?: number;
  /** Timeout of one call to the central service (default 15 s). */
  syncRequestTimeoutMs?: number;
  /** Delay between a money operation and the sync it starts (default 500 ms). */
  syncDebounceMs?: number;
}

const DEFAULT_SYNC_INTERVAL_MS = 30_000;

export async function openCore(opts: CoreOptions): Promise<Core> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(opts.dataDir);
  const db = await openDatabase(opts.dataDir);
  let counter: Counter;
  try {
    if (opts.centralUrl !== undefined) configureCentralUrl(db, opts.centralUrl);
    const syncConfigured = readSyncState(db).centralUrl !== null;
    const installed = db.sqlite.prepare('SELECT counter_code FROM installation WHERE id = 1').get() as
      { counter_code: string } | undefined;
    const code = installed?.counter_code ?? opts.counterCode;
    if (syncConfigured && code !== undefined) ensureProvisionalCounter(db, code);
    counter = establishCounter(db, opts.counterCode, clock.now());
    if (opts.printer !== undefined) {
      counter = { ...counter, config: { ...counter.config, printer: opts.printer } };
      saveCounterConfig(db, counter.code, counter.config);
    }
  } catch (e) {
    await db.close();
    throw e;
  }
  const printerConfig = counter.config.printer;
  const printer =
    opts.receiptPrinter ??
    (printerConfig ? networkPrinter(printerConfig) : fileOnlyPrinter(path.join(opts.dataDir, 'ricevute')));

  const events = new EventEmitter();
  // Handlers and sessions keep this object; its fields always read the current record, which a
  // pull from the central service may replace (a new configuration takes effect at once).
  let current = counter;
  const liveCounter: Counter = {
    get code() {
      return current.code;
    },
    get name() {
      return current.name;
    },
    get kind() {
      return current.kind;
    },
    get address() {
      return current.address;
    },
    get config() {
      return current.config;
    },
  };
  const ctx: CoreContext = {
    db,
    dataDir: opts.dataDir,
    counter: liveCounter,
    clock,
    log,
    printer,
    emit: (event, payload) => {
      events.emit('event', event, payload);
    },
  };
  const sync = new SyncService({
    db,
    counterCode: counter.code,
    clock,
    log,
    ...(opts.syncRequestTimeoutMs !== undefined ? { requestTimeoutMs: opts.syncRequestTimeoutMs } : {}),
    ...(opts.syncDebounceMs !== undefined ? { debounceMs: opts.syncDebounceMs } : {}),
    onStatus: (status) => ctx.emit('sync.status', status),
    onCounterChanged: () => {
      try {
        current = loadCounter(db, current.code);
        log.info({ scope: 'sync', counter: current.code }, 'configurazione dello sportello aggiornata');
      } catch (e) {
        log.error({ scope: 'sync', err: e }, 'configurazione dello sportello non leggibile');
      }
    },
  });
  ctx.afterMoneyCommit = () => sync.trigger();
  const sessions = new Sessions(db, liveCounter);
  const handlers = createHandlers(ctx, sessions, sync);
  if (readSyncState(db).centralUrl !== null) sync.start(opts.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS);
  log.info({ scope: 'core', counter: counter.code, dataDir: opts.dataDir }, 'core aperto');
  const backup = dailyBackup(db, opts.dataDir, romeDate(clock.now())).catch((e: unknown) => {
    log.error({ scope: 'db', err: e }, 'copia di sicurezza non riuscita');
    return null;
  });

  return {
    invoke: (sessionId, channel, input) => invoke(handlers, sessions, ctx, sessionId, channel, input),
    on<E extends EventName>(listener: (event: E, payload: EventPayload<E>) => void) {
      const l = (event: E, payload: EventPayload<E>) => listener(event, payload);
      events.on('event', l);
      return () => {
        events.off('event', l);
      };
    },
    close: async () => {
      await sync.close();
      await backup;
      events.removeAllListeners();
      await db.close();
      log.flush();
    },
  };
}

async function invoke(
  handlers: Handlers,
  sessions: Sessions,
  ctx: CoreContext,
  sessionId: string,
  channel: string,
  input: unknown,
): Promise<Reply<unknown>> {
  if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `Operazione sconosciuta: ${channel}.`);
  const spec = contract[channel];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) return fail('INPUT_INVALID', describeIssues(parsed.error));
  try {
    const handler = handlers[channel] as (call: object) => unknown;
    let value: unknown;
    if (spec.access.who === 'public') {
      value = await handler({ sessionId, input: parsed.data, operator: null });
    } else {
      // The channel's declared access, checked here for every call: no handler checks it again.
      const operator = sessions.require(sessionId, ctx.clock.now());
      const visibility = checkAccess(spec.access, operator, ctx.counter.kind);
      value = await handler({ sessionId, input: parsed.data, operator, visibility });
    }
    return ok(value);
  } catch (e) {
    if (e instanceof DomainError) return fail(e.code, e.message);
    ctx.log.error({ scope: 'core', channel, err: e }, 'errore interno');
    return fail(
      'INTERNAL',
      `Errore interno (${channel}). Prima di ripetere un pagamento controllare l'elenco delle ricevute (F8); se l'errore si ripete, avvisare l'assistenza.`,
    );
  }
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return `Dati non validi: ${issues.join('; ')}.`;
}
