import type { Reply } from '../../shared/errors';

/**
 * What the preload hands to the page as `window.sportello`, built from an allowlist so that the
 * page can reach only the contract's channels and events, and never Electron's ipcRenderer itself.
 * Free of Electron imports so it can be tested with a stand-in ipcRenderer.
 */

export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface Allowlist {
  channels: readonly string[];
  events: readonly string[];
}

export interface SportelloBridge {
  invoke(channel: string, input: unknown): Promise<Reply<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export function createSportelloBridge(ipc: RendererIpc, allowlist: Allowlist): SportelloBridge {
  const channels = new Set(allowlist.channels);
  const events = new Set(allowlist.events);
  return {
    invoke(channel, input) {
      if (typeof channel !== 'string' || !channels.has(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `Operazione sconosciuta: ${String(channel)}` },
        });
      }
      // The main process answers with a Reply; it is checked again by the renderer client.
      return ipc.invoke(channel, input) as Promise<Reply<unknown>>;
    },
    on(event, listener) {
      if (typeof event !== 'string' || !events.has(event)) {
        throw new Error(`Evento sconosciuto: ${String(event)}`);
      }
      if (typeof listener !== 'function') throw new Error('Serve una funzione da chiamare.');
      // Only the payload goes to the page: the IPC event object would expose the sender.
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
      ipc.on(event, wrapped);
      return () => {
        ipc.removeListener(event, wrapped);
      };
    },
  };
}
