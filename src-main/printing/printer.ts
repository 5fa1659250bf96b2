import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { drawerKickBytes, encodeReceipt } from './escpos';

export type PrintResult = { ok: true; where: 'printer' | 'file'; path?: string } | { ok: false; error: string };

/** Prints a stored receipt text. Never throws: a printer fault is reported, the receipt stays committed. */
export interface ReceiptPrinter {
  print(name: string, text: string, opts: { qr?: string }): Promise<PrintResult>;
  /** Opens the cash drawer on the printer's kick port (ESC p), as a job of its own; absent: no drawer can be kicked. */
  kick?(): Promise<PrintResult>;
}

export const DEFAULT_PRINT_TIMEOUT_MS = 5_000;

/** A network ESC/POS printer on raw TCP (JetDirect, usually port 9100). */
export function networkPrinter(
  cfg: { host: string; port: number },
  timeoutMs = DEFAULT_PRINT_TIMEOUT_MS,
): ReceiptPrinter {
  return {
    async print(_name, text, opts) {
      let bytes: Buffer;
      try {
        bytes = encodeReceipt(text, opts);
      } catch (err) {
        return { ok: false, error: `Ricevuta non stampabile: ${errorMessage(err)}` };
      }
      return sendRaw(cfg, bytes, timeoutMs);
    },
    kick: () => sendRaw(cfg, drawerKickBytes(), timeoutMs),
  };
}

/**
 * Sends the bytes and resolves only when they were all written and the printer closed its side too:
 * a printer that takes the connection and then stops answering is a failure, not a success.
 */
export function sendRaw(cfg: { host: string; port: number }, bytes: Buffer, timeoutMs: number): Promise<PrintResult> {
  const where = `${cfg.host}:${cfg.port}`;
  return new Promise((resolve) => {
    let settled = false;
    let allWritten = false;
    let socket: net.Socket | undefined;
    const finish = (result: PrintResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve(result);
    };
    const fail = (reason: string) => finish({ ok: false, error: `Stampante non raggiungibile (${where}): ${reason}` });
    const timer = setTimeout(() => fail(`nessuna risposta entro ${formatSeconds(timeoutMs)}`), timeoutMs);
    try {
      socket = net.connect({ host: cfg.host, port: cfg.port });
    } catch (err) {
      // net.connect throws synchronously on an invalid port.
      fail(errorMessage(err));
      return;
    }
    socket.on('error', (err) => fail(describeSocketError(err)));
    socket.on('connect', () => {
      // end() sends FIN after the data; the callback runs once everything was handed to the OS.
      socket?.end(bytes, () => {
        allWritten = true;
      });
    });
    // Whatever the printer sends back (status bytes) is discarded, but it must be read for 'close' to come.
    socket.resume();
    socket.on('close', (hadError) => {
      if (hadError) return; // 'error' already reported it
      if (allWritten) finish({ ok: true, where: 'printer' });
      else fail('connessione chiusa dalla stampante prima della fine della ricevuta');
    });
  });
}

/** No receipt printer configured: the receipt is saved as text (and its ESC/POS bytes) in a folder. */
export function fileOnlyPrinter(dir: string): ReceiptPrinter {
  return {
    async print(name, text, opts) {
      try {
        const bytes = encodeReceipt(text, opts);
        await fs.promises.mkdir(dir, { recursive: true });
        const base = await freeBaseName(dir, safeFileName(name));
        const textPath = path.join(dir, `${base}.txt`);
        await fs.promises.writeFile(path.join(dir, `${base}.bin`), bytes, { flag: 'wx' });
        await fs.promises.writeFile(textPath, `${text}\n`, { encoding: 'utf8', flag: 'wx' });
        return { ok: true, where: 'file', path: textPath };
      } catch (err) {
        return { ok: false, error: `Impossibile salvare la ricevuta in ${dir}: ${errorMessage(err)}` };
      }
    },
    async kick() {
      // The kick is kept as a file too, so a test (or a technician) can see it was sent.
      try {
        await fs.promises.mkdir(dir, { recursive: true });
        const base = await freeBaseName(dir, 'cassetto');
        const file = path.join(dir, `${base}.bin`);
        await fs.promises.writeFile(file, drawerKickBytes(), { flag: 'wx' });
        return { ok: true, where: 'file', path: file };
      } catch (err) {
        return { ok: false, error: `Impossibile salvare l'apertura del cassetto in ${dir}: ${errorMessage(err)}` };
      }
    },
  };
}

/** A receipt number like "SE1/2026/000042" becomes "SE1-2026-000042". */
export function safeFileName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return safe === '' ? 'ricevuta' : safe.slice(0, 100);
}

/** A reprint (COPIA) must not overwrite the file of the original: it gets "-2", "-3"... */
async function freeBaseName(dir: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    const taken = await Promise.all(
      ['.txt', '.bin'].map((ext) =>
        fs.promises.access(path.join(dir, candidate + ext)).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (!taken.includes(true)) return candidate;
  }
}

/** Socket error codes an operator can act on, in their words. */
const SOCKET_ERRORS: ReadonlyMap<string, string> = new Map([
  ['ECONNREFUSED', 'connessione rifiutata (stampante spenta o porta errata)'],
  ['ECONNRESET', 'connessione interrotta dalla stampante'],
  ['EPIPE', 'connessione interrotta dalla stampante'],
  ['ETIMEDOUT', 'tempo di connessione scaduto'],
  ['EHOSTUNREACH', 'indirizzo non raggiungibile sulla rete'],
  ['ENETUNREACH', 'indirizzo non raggiungibile sulla rete'],
  ['ENOTFOUND', 'nome della stampante non trovato'],
  ['EAI_AGAIN', 'nome della stampante non trovato'],
]);

function describeSocketError(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  return (code === undefined ? undefined : SOCKET_ERRORS.get(code)) ?? err.message;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('it-IT', { maximumFractionDigits: 1 })} s`;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
