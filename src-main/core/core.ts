import path from 'node:path';
import { EventEmitter } from 'node:events';
import { z } from 'zod';
import { contract, isChannel, PUBLIC_CHANNELS, type EventName, type EventPayload } from '../../shared/contract';
import { DomainError, fail, ok, type Reply } from '../../shared/errors';
import type { PrinterConfig } from '../../shared/config';
import { openDatabase } from '../db/open';
import { dailyBackup } from '../db/backup';
import { romeDate } from '../../shared/time';
import { createLogger, type Logger } from '../log/logger';
import { fileOnlyPrinter, networkPrinter, type ReceiptPrinter } from '../printing/printer';
import { Sessions } from '../session/sessions';
import { systemClock, type Clock } from './clock';
import type { CoreContext } from './context';
import { createHandlers, type Handlers } from './handlers';
import { establishCounter, saveCounterConfig } from './installation';
import type { Core } from './types';

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
}

export async function openCore(opts: CoreOptions): Promise<Core> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(opts.dataDir);
  const db = await openDatabase(opts.dataDir);
  let counter;
  try {
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
  const ctx: CoreContext = {
    db,
    counter,
    clock,
    log,
    printer,
    emit: (event, payload) => {
      events.emit('event', event, payload);
    },
  };
  const sessions = new Sessions(db, counter);
  const handlers = createHandlers(ctx, sessions);
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
    const operator = PUBLIC_CHANNELS.has(channel) ? null : sessions.require(sessionId, ctx.clock.now());
    const handler = handlers[channel] as (call: {
      sessionId: string;
      input: unknown;
      operator: typeof operator;
    }) => unknown;
    const value = await handler({ sessionId, input: parsed.data, operator });
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
