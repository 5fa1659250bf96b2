import { completedSettings } from '../../shared/station';
import type { EventName, EventPayload } from '../../shared/contract';
import { openCore, type CoreOptions } from '../core/core';
import { systemClock } from '../core/clock';
import { installationQueries } from '../core/queries';
import type { LocalCore } from '../core/types';
import { DamagedDatabaseError, openDatabase } from '../db/open';
import { recoveryCore } from './recoveryCore';
import { setupCore } from './setupCore';
import { readStationFile } from './stationFile';

/**
 * Opens this PC's counter: the core when the PC is configured (a counter switch, a completed
 * postazione.json or a counter already stored in the database), else the first-run setup, which
 * hands over to the core in the same object once its last step is confirmed (the host keeps
 * serving the same address; the page reloads). A database SQLite finds damaged opens the recovery
 * screen instead, which hands over the same way once a good copy is restored.
 */
export async function openStation(opts: CoreOptions): Promise<LocalCore> {
  const clock = opts.clock ?? systemClock;
  try {
    if (!(await needsSetup(opts))) return await openCore(opts);
  } catch (e) {
    if (!(e instanceof DamagedDatabaseError)) throw e;
    opts.log?.error({ scope: 'db', problem: e.problem }, 'database danneggiato: schermata di ripristino');
    return handingOver(
      (handOver) =>
        recoveryCore({
          dataDir: opts.dataDir,
          clock,
          keys: opts.keys,
          log: opts.log,
          problem: e.message,
          onRestored: handOver,
        }),
      () => openCore(opts),
    );
  }
  return handingOver(
    (handOver) => setupCore({ dataDir: opts.dataDir, clock, keys: opts.keys, onFinished: handOver }),
    () => openCore(opts),
  );
}

/**
 * A core that starts as `first` (setup, recovery) and becomes the one `next` opens when `first`
 * calls its hand-over: the host's listeners move over, the first is closed.
 */
function handingOver(first: (handOver: () => Promise<void>) => LocalCore, next: () => Promise<LocalCore>): LocalCore {
  type Listener = (event: EventName, payload: unknown) => void;
  const listeners = new Set<Listener>();
  const unsubscribe = new Map<Listener, () => void>();
  const subscribe = (l: Listener) =>
    unsubscribe.set(
      l,
      current.on((event, payload) => l(event, payload)),
    );
  let current: LocalCore = first(async () => {
    const core = await next();
    const previous = current;
    current = core;
    for (const l of listeners) {
      unsubscribe.get(l)?.();
      subscribe(l);
    }
    await previous.close();
  });
  return {
    invoke: (sessionId, channel, input) => current.invoke(sessionId, channel, input),
    signedIn: (sessionId) => current.signedIn(sessionId),
    on<E extends EventName>(listener: (event: E, payload: EventPayload<E>) => void) {
      const l = listener as Listener;
      listeners.add(l);
      subscribe(l);
      return () => {
        listeners.delete(l);
        unsubscribe.get(l)?.();
        unsubscribe.delete(l);
      };
    },
    close: () => current.close(),
  };
}

async function needsSetup(opts: CoreOptions): Promise<boolean> {
  if (opts.counterCode !== undefined) return false;
  if (completedSettings(readStationFile(opts.dataDir)) !== null) return false;
  const db = await openDatabase(opts.dataDir, opts.keys);
  try {
    return installationQueries(db.sqlite).counterCode.get() === undefined;
  } finally {
    await db.close();
  }
}
