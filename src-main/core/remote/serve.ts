import type { Core } from '../types';
import { OpenCoreMessage, ToCore, type CoreProcessOptions, type FromCore, type PortLike } from './wire';

/**
 * The core's side of a core run in its own process: waits for the host's `open` message on the
 * process's parent port, opens the core, then answers invokes and sends the core's events over the
 * MessagePort that message carried. Written against small interfaces (no Electron) so a test can
 * drive it with stand-ins; entry.ts gives it the real parent port.
 */

export interface ParentPortLike {
  once(event: 'message', listener: (event: { data: unknown; ports: readonly PortLike[] }) => void): unknown;
}

export interface CoreProcessDeps {
  open(options: CoreProcessOptions): Promise<Core>;
  /** Once the core is open: work that must not delay the first answers (the PDF engine's warm-up). */
  afterOpen?(core: Core): void;
  /** Ends the process (after a close, or after a refused open). */
  exit(code: number): void;
}

export function serveCoreProcess(parent: ParentPortLike, deps: CoreProcessDeps): void {
  parent.once('message', ({ data, ports }) => {
    const port = ports[0];
    const open = OpenCoreMessage.safeParse(data);
    if (port === undefined || !open.success) {
      // Not our host: nothing to answer on, nothing to open.
      deps.exit(2);
      return;
    }
    void serve(port, open.data.options, deps);
  });
}

async function serve(port: PortLike, options: CoreProcessOptions, deps: CoreProcessDeps): Promise<void> {
  const send = (message: FromCore) => port.postMessage(message);
  let core: Core;
  try {
    core = await deps.open(options);
  } catch (e) {
    // The host shows the reason and ends this process; the port delivers the message first.
    send({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
    return;
  }
  core.on((event, payload) => send({ type: 'event', event, payload }));
  let closing = false;
  port.on('message', ({ data }) => {
    const message = ToCore.safeParse(data);
    if (!message.success || closing) return;
    switch (message.data.type) {
      case 'invoke': {
        const { id, sessionId, channel, input } = message.data;
        void core.invoke(sessionId, channel, input).then((reply) => send({ type: 'reply', id, reply }));
        return;
      }
      case 'close':
        closing = true;
        void core.close().finally(() => {
          port.close();
          deps.exit(0);
        });
        return;
    }
  });
  send({ type: 'ready' });
  // Messages sent before the core was open waited in the port until now.
  port.start();
  deps.afterOpen?.(core);
}
