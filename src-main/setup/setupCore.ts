import { contract, isChannel, type Channel, type EventName, type EventPayload } from '../../shared/contract';
import { DEFAULT_COUNTER_CONFIG } from '../../shared/config';
import { DomainError, fail, ok, type Reply } from '../../shared/errors';
import type { StationFile } from '../../shared/station';
import type { Clock } from '../core/clock';
import type { LocalCore } from '../core/types';
import type { DatabaseKeyStore } from '../db/key';
import { openDatabase } from '../db/open';
import { counterQueries } from '../roster/queries';
import { appVersion } from '../version';
import { readStationFile, updateStationFile } from './stationFile';
import { printTestReceipt } from './testReceipt';
import type { SetupStep } from '../../shared/contract';

const NOT_YET = 'Configurazione iniziale di questo PC da completare: nessuna operazione è possibile prima.';

/**
 * The core of a PC with no configuration: it answers only the setup's channels (and a quiet sync
 * status for the status bar). Each confirmed step is written to postazione.json at once; nothing
 * else is. `finish` checks every step was confirmed, marks the file complete and hands over to
 * `onFinished`, which opens the real core (see station.ts).
 */
export function setupCore(opts: {
  dataDir: string;
  clock: Clock;
  keys?: DatabaseKeyStore | undefined;
  onFinished: () => Promise<void>;
}): LocalCore {
  const { dataDir } = opts;
  const draft = (): StationFile => readStationFile(dataDir) ?? { version: 1 };
  const counters = async () => {
    const db = await openDatabase(dataDir, opts.keys);
    try {
      return counterQueries(db.sqlite).list.all();
    } finally {
      await db.close();
    }
  };

  const handlers: Partial<Record<Channel, (input: never) => unknown>> = {
    'setup.state': async () => ({ needed: true, draft: draft(), counters: await counters(), version: appVersion() }),
    'setup.saveStep': async (step: SetupStep) => {
      if (step.step === 'counter') {
        const known = await counters();
        if (known.length > 0 && !known.some((c) => c.code === step.counterCode)) {
          throw new DomainError(
            'INPUT_INVALID',
            `Lo sportello ${step.counterCode} non è nell'anagrafica di questo PC.`,
          );
        }
      }
      const next = updateStationFile(dataDir, (file) => {
        switch (step.step) {
          case 'counter':
            return { ...file, counterCode: step.counterCode };
          case 'receiptPrinter':
            return { ...file, receiptPrinter: step.printer };
          case 'a4Printer':
            return { ...file, a4Printer: step.a4Printer };
          case 'central':
            return { ...file, centralUrl: step.centralUrl };
        }
      });
      return { draft: next };
    },
    'setup.testPrint': (input: { printer: Parameters<typeof printTestReceipt>[0]['printer'] }) =>
      printTestReceipt({
        printer: input.printer,
        dataDir,
        header: DEFAULT_COUNTER_CONFIG.receiptHeader,
        counterCode: draft().counterCode ?? '-',
        at: opts.clock.now(),
      }),
    'setup.finish': async () => {
      const file = draft();
      const missing = missingSteps(file);
      if (missing.length > 0) throw new DomainError('INPUT_INVALID', `Da confermare ancora: ${missing.join(', ')}.`);
      const known = await counters();
      if (!known.some((c) => c.code === file.counterCode) && !file.centralUrl) {
        throw new DomainError(
          'INPUT_INVALID',
          `Lo sportello ${file.counterCode} arriva dal servizio centrale: indicarne l'indirizzo.`,
        );
      }
      updateStationFile(dataDir, (f) => ({ ...f, completedAt: opts.clock.now().toISOString() }));
      try {
        await opts.onFinished();
      } catch (e) {
        // The real core did not open: the setup stays open and the file says so.
        updateStationFile(dataDir, ({ completedAt: _done, ...f }) => f);
        throw new DomainError(
          'INPUT_INVALID',
          `Configurazione non avviabile: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      return { counterCode: file.counterCode };
    },
    'sync.status': () => quietSyncStatus(draft().centralUrl ?? null),
    'recovery.state': () => ({ damaged: null }),
  };

  return channelsOnlyCore(handlers, NOT_YET);
}

/**
 * A core that answers only `handlers` (each input and answer checked against the contract) and
 * `refusal` to every other channel: the first-run setup and the recovery of a damaged database,
 * where no operator can log in. No sessions, no events.
 */
export function channelsOnlyCore(
  handlers: Partial<Record<Channel, (input: never) => unknown>>,
  refusal: string,
): LocalCore {
  return {
    async invoke(_sessionId: string, channel: string, input: unknown): Promise<Reply<unknown>> {
      if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', `Operazione sconosciuta: ${channel}.`);
      const handler = handlers[channel];
      if (handler === undefined) return fail('NOT_CONFIGURED', refusal);
      const spec = contract[channel];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail('INPUT_INVALID', `Dati non validi: ${issue?.message ?? ''}.`);
      }
      try {
        return ok(spec.output.parse(await handler(parsed.data as never)));
      } catch (e) {
        if (e instanceof DomainError) return fail(e.code, e.message);
        return fail('INTERNAL', `Errore interno (${channel}): ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    signedIn: () => false,
    on<E extends EventName>(_listener: (event: E, payload: EventPayload<E>) => void) {
      return () => undefined;
    },
    close: () => Promise.resolve(),
  };
}

/** A sync status that says nothing is configured yet (the status bar of the setup and recovery screens). */
export function quietSyncStatus(centralUrl: string | null) {
  return {
    enrolled: false,
    online: false,
    centralUrl,
    pendingCount: 0,
    deadLetterCount: 0,
    lastSyncAt: null,
    serverTimeOffsetMs: null,
    clockWarning: null,
    numberingWarning: null,
    databaseWarning: null,
    initialSync: { done: false, progress: 0 },
    lastError: null,
  };
}

/** The steps of the setup not yet confirmed, in the operator's words. */
export function missingSteps(file: StationFile): string[] {
  const missing: string[] = [];
  if (file.counterCode === undefined) missing.push('lo sportello');
  if (!('receiptPrinter' in file)) missing.push('la stampante delle ricevute');
  if (!('a4Printer' in file)) missing.push('la stampante A4');
  if (!('centralUrl' in file)) missing.push('il servizio centrale');
  return missing;
}
