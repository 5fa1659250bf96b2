import net from 'node:net';

/**
 * A receipt printer on loopback for tests: accepts raw TCP like a JetDirect port 9100 and keeps the
 * bytes of each connection as one job. A job is complete when the client closes its side.
 *
 * Modes change how the next connections are treated:
 * - 'capture': read everything, close when the client closes (a healthy printer);
 * - 'hang': accept and read, but never answer or close (a printer stuck on a paper jam);
 * - 'reset': accept and reset the connection at once (a printer rebooting).
 */
export type VirtualPrinterMode = 'capture' | 'hang' | 'reset';

export interface VirtualPrinter {
  host: '127.0.0.1';
  port: number;
  /** Completed jobs so far, in order of completion. */
  jobs(): Buffer[];
  /** Resolves once at least n jobs completed; rejects after timeoutMs so a broken test does not hang. */
  waitForJobs(n: number, timeoutMs?: number): Promise<Buffer[]>;
  /** Connections accepted so far (also those that hang or are reset). */
  connections(): number;
  /** Resolves once at least n connections were accepted. */
  waitForConnections(n: number, timeoutMs?: number): Promise<void>;
  setMode(mode: VirtualPrinterMode): void;
  close(): Promise<void>;
}

interface Waiter {
  ready: () => boolean;
  resolve: () => void;
}

export async function startVirtualPrinter(initialMode: VirtualPrinterMode = 'capture'): Promise<VirtualPrinter> {
  let mode = initialMode;
  const completed: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let waiters: Waiter[] = [];
  const notify = () => {
    const still: Waiter[] = [];
    for (const w of waiters) {
      if (w.ready()) w.resolve();
      else still.push(w);
    }
    waiters = still;
  };
  const waitFor = (ready: () => boolean, what: string, timeoutMs: number): Promise<void> =>
    new Promise((resolve, reject) => {
      if (ready()) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        waiters = waiters.filter((w) => w !== waiter);
        reject(new Error(`virtual printer: ${what} not reached within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        ready,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      waiters.push(waiter);
    });

  // allowHalfOpen: we decide when to close our side; 'hang' must keep it open after the client's FIN.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {
      // A client that gives up (timeout test) resets us; nothing to record.
    });
    const modeForThis = mode;
    if (modeForThis === 'reset') {
      socket.resetAndDestroy();
      notify();
      return;
    }
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => {
      if (modeForThis === 'hang') return;
      completed.push(Buffer.concat(chunks));
      socket.end();
      notify();
    });
    notify();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('virtual printer: no TCP address');

  return {
    host: '127.0.0.1',
    port: address.port,
    jobs: () => [...completed],
    waitForJobs: async (n, timeoutMs = 10_000) => {
      await waitFor(() => completed.length >= n, `${n} jobs`, timeoutMs);
      return [...completed];
    },
    connections: () => accepted,
    waitForConnections: (n, timeoutMs = 10_000) => waitFor(() => accepted >= n, `${n} connections`, timeoutMs),
    setMode: (next) => {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port where nothing listens (bound then released), for the "connection refused" path. */
export async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}
