import { EventEmitter } from 'node:events';
import { installationQueries } from './queries';
import { installationIdentity } from './installationId';
import { noticeSettleHooks } from '../notices/settled';
import { registrationSettleHooks } from '../registration/settled';
import { z } from 'zod';
import { contract, isChannel, type EventName, type EventPayload } from '../../shared/contract';
import { DISK_FULL_MESSAGE, DomainError, fail, isDiskFull, ok, type Reply } from '../../shared/errors';
import type { PrinterConfig } from '../../shared/config';
import type { DatabaseKeyStore } from '../db/key';
import { openDatabase } from '../db/open';
import { backupNow, DamagedCopyError } from '../db/backup';
import { applyRetention } from '../db/retention';
import { clearRestoredMarker, readRestoredMarker, writeRestoredMarker, type RestoredMarker } from '../db/recovery';
import { holdReceiptNumbers } from '../receipts/numbering';
import { journal } from '../journal/journal';
import { minimiseForPharmacy } from '../roster/minimise';
import { createLogger, type Logger } from '../log/logger';
import type { ReceiptPrinter } from '../printing/printer';
import { receiptPrinterFor } from '../printing/receiptPrinter';
import { readStationFile } from '../setup/stationFile';
import { completedSettings } from '../../shared/station';
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
import type { LocalCore } from './types';
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
  /** Where the database key is kept (default: the key file in the data folder; Electron: DPAPI). */
  keys?: DatabaseKeyStore;
}

const DEFAULT_SYNC_INTERVAL_MS = 30_000;

const RESTORED_HOLD =
  'Questo PC è stato ripristinato da una copia di sicurezza: prima di emettere una ricevuta deve rileggere dal servizio ' +
  "centrale l'ultima numerazione. Sincronizzare (Ctrl+Maiusc+S) con la rete collegata, poi ripetere. Nessuna operazione è stata registrata.";
const BACKUP_INTERVAL_MS = 60 * 60_000;

export async function openCore(opts: CoreOptions): Promise<LocalCore> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(opts.dataDir);
  // The PC's settings written by the first-run setup (postazione.json); a switch of the host wins over them.
  const station = completedSettings(readStationFile(opts.dataDir));
  opts = {
    ...opts,
    ...(opts.counterCode === undefined && station ? { counterCode: station.counterCode } : {}),
    ...(opts.printer === undefined && station ? { printer: station.receiptPrinter } : {}),
    ...(opts.centralUrl === undefined && station?.centralUrl ? { centralUrl: station.centralUrl } : {}),
  };
  const db = await openDatabase(opts.dataDir, opts.keys);
  const installation = installationIdentity(opts.dataDir);
  let counter: Counter;
  let restored: RestoredMarker | null = null;
  try {
    if (opts.centralUrl !== undefined) configureCentralUrl(db, opts.centralUrl);
    const syncConfigured = readSyncState(db).centralUrl !== null;
    const code = installationQueries(db.sqlite).counterCode.get() ?? opts.counterCode;
    if (syncConfigured && code !== undefined) ensureProvisionalCounter(db, code);
    counter = establishCounter(db, opts.counterCode, clock.now());
    // A database without an installation id (first start, or one before migration 0013) takes this folder's.
    if (installationQueries(db.sqlite).installationId.get() === null) {
      installationQueries(db.sqlite).setInstallationId.run(installation.id);
    }
    restored = readRestoredMarker(opts.dataDir);
    if (restored !== null && restored.audited !== true) {
      journal(db.sqlite).audit({
        at: clock.now().toISOString(),
        counterCode: counter.code,
        operatorCode: restored.operator,
        action: 'database.restored',
        detail: { restoredFrom: restored.restoredFrom, setAside: restored.setAside, restoredAt: restored.at },
      });
      writeRestoredMarker(opts.dataDir, { ...restored, audited: true });
    }
    // A copy restored on a PC that does not sync has nothing to re-read: it numbers on from the copy.
    if (restored !== null && readSyncState(db).centralUrl === null) {
      clearRestoredMarker(opts.dataDir);
      restored = null;
    }
    if (counter.kind === 'farmacia') {
      const reduced = minimiseForPharmacy(db);
      if (reduced > 0) log.info({ scope: 'core', reduced }, 'dati personali non necessari in farmacia rimossi');
    }
    if (opts.printer !== undefined) {
      counter = { ...counter, config: { ...counter.config, printer: opts.printer } };
      saveCounterConfig(db, counter.code, counter.config);
    }
  } catch (e) {
    await db.close();
    throw e;
  }
  const printer = opts.receiptPrinter ?? receiptPrinterFor(counter.config.printer, opts.dataDir);

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
    reloadCounter: () => {
      current = loadCounter(db, current.code);
    },
  };
  // A restored copy issues no receipt number before the sync re-read the central's numbering: the
  // numbers after the copy may already be at the central (issue 13 item 9).
  holdReceiptNumbers(db, () => (restored === null ? null : RESTORED_HOLD));
  const sync = new SyncService({
    db,
    counterCode: counter.code,
    installationId: installation.id,
    clock,
    log,
    ...(opts.syncRequestTimeoutMs !== undefined ? { requestTimeoutMs: opts.syncRequestTimeoutMs } : {}),
    ...(opts.syncDebounceMs !== undefined ? { debounceMs: opts.syncDebounceMs } : {}),
    settleHooks: { ...noticeSettleHooks, ...registrationSettleHooks },
    onStatus: (status) => ctx.emit('sync.status', status),
    onNumberingRead: () => {
      if (restored === null) return;
      clearRestoredMarker(opts.dataDir);
      restored = null;
      log.info({ scope: 'sync' }, 'numerazione delle ricevute riletta dal servizio centrale dopo il ripristino');
    },
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
  ctx.assertOwnData = () => {
    if (installationQueries(db.sqlite).installationId.get() !== installation.id) throw copiedDataError(current.code);
  };
  const sessions = new Sessions(db, liveCounter);
  const handlers = createHandlers(ctx, sessions, sync);
  if (readSyncState(db).centralUrl !== null) sync.start(opts.syncIntervalMs ?? DEFAULT_SYNC_INTERVAL_MS);
  log.info({ scope: 'core', counter: counter.code, dataDir: opts.dataDir }, 'core aperto');
  // A checked copy at start, every hour (one per Rome hour) and after each till close, never more
  // than one at a time; then the retention rule lets go of the personal data no longer needed.
  let backup: Promise<unknown> = Promise.resolve();
  const takeBackup = (replace = false) => {
    backup = backup
      .then(async () => {
        try {
          await backupNow(db, opts.dataDir, clock.now(), { replace });
          sync.noteDatabaseHealth(null);
        } catch (e) {
          // The operator sees it at once in the status bar; the next start offers the good copies.
          if (e instanceof DamagedCopyError) sync.noteDatabaseHealth(e.message);
          throw e;
        }
        const gone = applyRetention(db, opts.dataDir, liveCounter.code, liveCounter.config.retention, clock.now());
        if (gone.registrationPayloads + gone.receiptTexts + gone.documents > 0) {
          log.info({ scope: 'db', ...gone }, 'dati non più necessari rimossi (regola di conservazione)');
        }
      })
      .catch((e: unknown) => log.error({ scope: 'db', err: e }, 'copia di sicurezza non riuscita'));
  };
  ctx.afterTillClose = () => takeBackup(true);
  takeBackup();
  const backupTimer = setInterval(takeBackup, BACKUP_INTERVAL_MS);
  backupTimer.unref();

  return {
    invoke: (sessionId, channel, input) => invoke(handlers, sessions, ctx, sessionId, channel, input),
    signedIn: (sessionId) => sessions.isOpen(sessionId, clock.now()),
    on<E extends EventName>(listener: (event: E, payload: EventPayload<E>) => void) {
      const l = (event: E, payload: EventPayload<E>) => listener(event, payload);
      events.on('event', l);
      return () => {
        events.off('event', l);
      };
    },
    close: async () => {
      clearInterval(backupTimer);
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
    // Every answer is parsed with the channel's output schema, in production too. Measured on the bench
    // database (100,000 accounts, 2-core VM, 3 December 2026): 1.5-3 us for a lookup's answer (one
    // account; the core's p50 is 21-44 us, raw SQLite's 17-20 us), 24 us for a page of name results
    // (p50 2.2 ms), 1.3 us for a top-up's (p50 1.7-4 ms): no goal of the README moves. For that price
    // an answer that breaks the contract is logged and refused instead of sent, and what leaves is
    // exactly what the schema keeps (a field it does not name, perhaps personal data a pharmacy must
    // not get, is dropped).
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      ctx.log.error({ scope: 'core', channel, issues: checked.error.issues.slice(0, 5) }, 'risposta fuori contratto');
      return internalError(channel);
    }
    return ok(checked.data);
  } catch (e) {
    if (e instanceof DomainError) return fail(e.code, e.message);
    // A full disk fails the write inside its transaction, which SQLite rolls back: nothing was recorded.
    if (isDiskFull(e)) {
      ctx.log.error({ scope: 'core', channel, err: e }, 'disco pieno');
      return fail('DISK_FULL', DISK_FULL_MESSAGE);
    }
    ctx.log.error({ scope: 'core', channel, err: e }, 'errore interno');
    return internalError(channel);
  }
}

function internalError(channel: string) {
  return fail(
    'INTERNAL',
    `Errore interno (${channel}). Prima di ripetere un pagamento controllare l'elenco delle ricevute (F8); se l'errore si ripete, avvisare l'assistenza.`,
  );
}

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  return `Dati non validi: ${issues.join('; ')}.`;
}

/** What a copied data folder says when asked for a receipt number. */
function copiedDataError(counterCode: string): DomainError {
  return new DomainError(
    'WRONG_COUNTER',
    `Questi dati sono una copia di quelli dello sportello ${counterCode} (la cartella dati è stata copiata o spostata su ` +
      'un altro PC): per non ripetere numeri di ricevuta qui non si incassa. Se questo PC sostituisce quello dello ' +
      'sportello, un supervisore lo attivi di nuovo con un nuovo codice: la numerazione riprende da quella del servizio centrale.',
  );
}
