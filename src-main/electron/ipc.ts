import { CHANNELS, EVENT_NAMES, type EventName } from '../../shared/contract';
import { fail, type Reply } from '../../shared/errors';
import type { Core } from '../core/types';
import { isAppUrl } from './appUrl';

/**
 * Wires the contract's channels to the core over Electron IPC. Written against the few members of
 * ipcMain / WebContents it uses so it can be tested with stand-ins (no Electron import here).
 */

export interface InvokeSender {
  id: number;
}

export interface InvokeEvent {
  sender: InvokeSender;
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface ChannelWiring {
  /** The app page's URL: only frames showing the app may call the core. */
  appPageUrl: string;
  /** The core session of the window that sent the call; undefined for a window we did not make. */
  sessionIdFor(sender: InvokeSender): string | undefined;
  report?: (what: string, url?: string) => void;
}

const REFUSED_MESSAGE = 'Richiesta rifiutata: non proviene dalla finestra di Sportello.';

/** Registers one handler per contract channel; returns a function that removes them all. */
export function registerChannels(ipc: IpcMainLike, core: Core, wiring: ChannelWiring): () => void {
  for (const channel of CHANNELS) {
    ipc.handle(channel, async (event, ...args): Promise<Reply<unknown>> => {
      const url = event.senderFrame?.url;
      const sessionId = sessionIdOfAppFrame(event, url, wiring);
      if (sessionId === undefined) {
        wiring.report?.(`ipc refused: ${channel}`, url);
        return fail('FORBIDDEN', REFUSED_MESSAGE);
      }
      try {
        return await core.invoke(sessionId, channel, args[0]);
      } catch {
        // Core.invoke promises never to throw; if it does, the page still gets data, not a crash.
        return fail('INTERNAL', 'Errore interno di Sportello. Riprova; se continua, riavvia il programma.');
      }
    });
  }
  return () => {
    for (const channel of CHANNELS) ipc.removeHandler(channel);
  };
}

function sessionIdOfAppFrame(event: InvokeEvent, url: string | undefined, wiring: ChannelWiring): string | undefined {
  if (!isAppUrl(url, wiring.appPageUrl)) return undefined;
  return wiring.sessionIdFor(event.sender);
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * Forwards the core's events to a window, under the event's own contract name (the preload
 * listens to exactly EVENT_NAMES). Returns the unsubscribe function.
 */
export function forwardEvents(core: Core, target: EventTarget): () => void {
  const known: ReadonlySet<string> = new Set<EventName>(EVENT_NAMES);
  return core.on((event, payload) => {
    if (!known.has(event) || target.isDestroyed()) return;
    target.send(event, payload);
  });
}
