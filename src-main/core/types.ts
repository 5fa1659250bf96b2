import type { Reply } from '../../shared/errors';
import type { EventName, EventPayload } from '../../shared/contract';

/**
 * What a host (Electron main process, browser host) sees of the core. The host gives each
 * window / browser an opaque session id; the operator and the counter behind it live in the core,
 * never passed in by the renderer.
 */
export interface Core {
  /** Validates `input` and the answer against the contract (input as unknown); answers as data, never throws. */
  invoke(sessionId: string, channel: string, input: unknown): Promise<Reply<unknown>>;
  /** Subscribes to the core's events; returns the unsubscribe function. */
  on<E extends EventName>(listener: (event: E, payload: EventPayload<E>) => void): () => void;
  close(): Promise<void>;
}

/**
 * The core in the host's own process (the browser host): it can also say, without counting as the
 * operator's activity, whether a session is signed in, so events that name receipts reach only those.
 */
export interface LocalCore extends Core {
  signedIn(sessionId: string): boolean;
}
