import type { EventName, EventPayload } from '../../shared/contract';
import { fail, type Reply } from '../../shared/errors';
import type { Core } from '../core/types';
import {
  FromCore,
  type CoreProcessOptions,
  type OpenCoreMessage,
  type PortLike,
  type ToCore,
} from '../core/remote/wire';

/**
 * The Electron main process's view of a core running in a utility process: a `Core` like the one
 * openCore returns, so IPC, events and documents stay as they were, relayed over a MessagePort.
 * Written against the few members of UtilityProcess it uses (no Electron import) so it is tested
 * with a stand-in process.
 */

/** `Port` is the type of the MessagePort handed over to the process (MessagePortMain under Electron). */
export interface CoreProcessLike<Port> {
  postMessage(message: unknown, transfer: Port[]): void;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface RemoteCore extends Core {
  /** Resolves once the core is open; rejects with the core's Italian reason when it refuses to open. */
  readonly ready: Promise<void>;
}

export interface CoreProcessHooks {
  /** The process ended; `expected` when it was asked to close. */
  onExit?(code: number, expected: boolean): void;
}

/** Operator-facing: the answer to every call once the core's process is gone. */
export function coreStoppedMessage(code: number): string {
  return (
    `Il motore dei dati di Sportello si è fermato (codice ${code}): chiudere e riaprire il programma. ` +
    'Le operazioni già confermate sono salve.'
  );
}

/**
 * Opens the core in `child` (a forked utility process): sends it the options and the remote end of
 * a MessageChannel, and talks over the local end from then on.
 */
export function connectCoreProcess<Port>(
  child: CoreProcessLike<Port>,
  ports: { local: PortLike; remote: Port },
  options: CoreProcessOptions,
  hooks: CoreProcessHooks = {},
): RemoteCore {
  const { local } = ports;
  const pending = new Map<number, (reply: Reply<unknown>) => void>();
  const listeners = new Set<(event: EventName, payload: EventPayload<EventName>) => void>();
  let nextId = 0;
  let stoppedWith: number | null = null;
  let closeRequested = false;
  let exited: () => void = () => undefined;
  const exitedPromise = new Promise<void>((resolve) => (exited = resolve));
  let settleReady: { resolve(): void; reject(error: Error): void } | null = null;
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  // A refused start is reported to whoever awaits `ready`; nobody else must see an unhandled rejection.
  ready.catch(() => undefined);

  const send = (message: ToCore) => local.postMessage(message);

  local.on('message', ({ data }) => {
    const parsed = FromCore.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        settleReady?.resolve();
        settleReady = null;
        return;
      case 'failed':
        settleReady?.reject(new Error(message.message));
        settleReady = null;
        child.kill();
        return;
      case 'reply': {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.reply);
        return;
      }
      case 'event':
        for (const listener of listeners)
          listener(message.event as EventName, message.payload as EventPayload<EventName>);
        return;
    }
  });
  local.start();

  child.on('exit', (code) => {
    stoppedWith = code;
    const answer = fail('INTERNAL', coreStoppedMessage(code));
    for (const resolve of pending.values()) resolve(answer);
    pending.clear();
    settleReady?.reject(new Error(coreStoppedMessage(code)));
    settleReady = null;
    local.close();
    hooks.onExit?.(code, closeRequested);
    exited();
  });

  const open: OpenCoreMessage = { type: 'open', options };
  child.postMessage(open, [ports.remote]);

  return {
    ready,
    invoke(sessionId, channel, input) {
      if (stoppedWith !== null) return Promise.resolve(fail('INTERNAL', coreStoppedMessage(stoppedWith)));
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: 'invoke', id, sessionId, channel, input });
      });
    },
    on(listener) {
      const l = listener as (event: EventName, payload: EventPayload<EventName>) => void;
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
    close() {
      if (stoppedWith === null && !closeRequested) {
        closeRequested = true;
        send({ type: 'close' });
      }
      return exitedPromise;
    },
  };
}
