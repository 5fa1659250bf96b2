import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../shared/contract';
import type { ErrorCode, Reply } from '../shared/errors';

/**
 * The renderer's only door to the core. Everything is typed from the contract: a channel name
 * that is not in it does not compile. Two transports, chosen once at start: the Electron preload
 * (`window.sportello`) or the browser host (HTTP + SSE on 127.0.0.1).
 */

/** What the Electron preload exposes through contextBridge. */
export interface PreloadBridge {
  invoke(channel: string, input: unknown): Promise<Reply<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    sportello?: PreloadBridge;
  }
}

interface Transport {
  invoke(channel: Channel, input: unknown): Promise<Reply<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
}

const TOKEN_KEY = 'sportello.token';

const UNREACHABLE: Reply<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'Il servizio locale di Sportello non risponde. Riprova; se il problema continua, riavvia il programma.',
  },
};

/**
 * The browser host gives the token once in the address; we keep it for this tab only and take it
 * out of the address bar so it does not end up in history, bookmarks or a screenshot.
 */
function readBrowserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in value;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

function browserTransport(): Transport {
  const token = readBrowserToken();
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function listen(target: EventSource, event: EventName): void {
    target.addEventListener(event, (message: MessageEvent<string>) => {
      let payload: unknown;
      try {
        payload = JSON.parse(message.data);
      } catch {
        return; // A malformed event carries nothing we could show.
      }
      for (const listener of listeners.get(event) ?? []) listener(payload);
    });
  }

  function openSource(): EventSource {
    // EventSource cannot send headers: the host accepts the token in the query for this one route,
    // and sends the events that name receipts only to a stream whose session cookie is signed in.
    const opened = new EventSource(`events?token=${encodeURIComponent(token)}`);
    for (const event of listeners.keys()) listen(opened, event);
    return opened;
  }

  function ensureSource(event: EventName): void {
    source ??= openSource();
    if (listeners.has(event)) return;
    listeners.set(event, new Set());
    listen(source, event);
  }

  /** A login gives the browser a new session cookie: the event stream reconnects to carry it. */
  function reopenSource(): void {
    if (source === null) return;
    source.close();
    source = openSource();
  }

  return {
    async invoke(channel, input) {
      try {
        const response = await fetch(`rpc/${channel}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
          credentials: 'same-origin',
        });
        const body: unknown = await response.json();
        if (channel === 'session.login' && isReply(body) && body.ok) reopenSource();
        return isReply(body) ? body : UNREACHABLE;
      } catch {
        return UNREACHABLE;
      }
    },
    on(event, listener) {
      ensureSource(event);
      const set = listeners.get(event);
      set?.add(listener);
      return () => {
        set?.delete(listener);
      };
    },
  };
}

function electronTransport(bridge: PreloadBridge): Transport {
  return {
    async invoke(channel, input) {
      try {
        const reply = await bridge.invoke(channel, input);
        return isReply(reply) ? reply : UNREACHABLE;
      } catch {
        return UNREACHABLE;
      }
    },
    on(event, listener) {
      return bridge.on(event, listener);
    },
  };
}

let transport: Transport | null = null;
function getTransport(): Transport {
  transport ??= window.sportello ? electronTransport(window.sportello) : browserTransport();
  return transport;
}

/** Reads the token (browser host) before React renders, so the address bar is cleaned at once. */
export function startTransport(): void {
  getTransport();
}

/** Codes that mean "the operator must log in again": the UI goes back to the login screen. */
const SESSION_LOST: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['SESSION_LOCKED', 'NOT_LOGGED_IN']);
const sessionLostListeners = new Set<(code: ErrorCode) => void>();

export function onSessionLost(listener: (code: ErrorCode) => void): () => void {
  sessionLostListeners.add(listener);
  return () => {
    sessionLostListeners.delete(listener);
  };
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Reply<ChannelOutput<C>>> {
  const reply = await getTransport().invoke(channel, input);
  if (!reply.ok && SESSION_LOST.has(reply.error.code) && channel !== 'session.login') {
    for (const listener of sessionLostListeners) listener(reply.error.code);
  }
  // The core validated the output against the same contract before answering.
  return reply as Reply<ChannelOutput<C>>;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return getTransport().on(event, (payload) => listener(payload as EventPayload<E>));
}
