import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drawerKickBytes, encodeReceipt } from './escpos';
import type { PrintResult, ReceiptPrinter } from './printer';
import { SPOOLER_SCRIPT } from './spoolerScript';

/** Generous: the first Add-Type of a PowerShell session compiles C#, which takes a few seconds. */
export const WINDOWS_PRINT_TIMEOUT_MS = 20_000;

export interface WindowsQueueOptions {
  /** The executable, and arguments before the helper's own: a stand-in in the tests (node and a script). */
  command?: string;
  commandArgs?: readonly string[];
  timeoutMs?: number;
  /** Where the script and the bytes are written for the helper (removed afterwards). */
  tempRoot?: string;
}

/** The arguments of one helper run: no profile, no prompt, the script as a file, the queue name as one argument. */
export function spoolerArgs(scriptPath: string, printerName: string, bytesPath: string): string[] {
  return [
    '-NoProfile',
    '-NonInteractive',
    '-ExecutionPolicy',
    'Bypass',
    '-File',
    scriptPath,
    '-Printer',
    printerName,
    '-Path',
    bytesPath,
  ];
}

/** What each exit code of the helper means to the operator. */
const EXIT_REASONS: ReadonlyMap<number, string> = new Map([
  [2, 'stampante non trovata tra quelle di Windows'],
  [3, 'Windows ha rifiutato la stampa'],
  [4, 'la stampante ha ricevuto solo una parte della ricevuta'],
  [5, 'file temporaneo della ricevuta non leggibile'],
]);

/** A receipt printer installed in Windows (a USB printer appears as a queue), fed raw ESC/POS bytes. */
export function windowsQueuePrinter(printerName: string, opts: WindowsQueueOptions = {}): ReceiptPrinter {
  return {
    async print(_name, text, printOpts) {
      let bytes: Buffer;
      try {
        bytes = encodeReceipt(text, printOpts);
      } catch (err) {
        return { ok: false, error: `Ricevuta non stampabile: ${errorMessage(err)}` };
      }
      return sendToQueue(printerName, bytes, opts);
    },
    kick: () => sendToQueue(printerName, drawerKickBytes(), opts),
  };
}

/** Hands the bytes to the queue; never throws. Also used for the cash drawer kick. */
export async function sendToQueue(
  printerName: string,
  bytes: Buffer,
  opts: WindowsQueueOptions = {},
): Promise<PrintResult> {
  const fail = (reason: string): PrintResult => ({
    ok: false,
    error: `Stampante non raggiungibile (${printerName}): ${reason}`,
  });
  if (printerName.trim() === '') return fail('nome della stampante mancante');
  let dir: string;
  try {
    dir = await fs.promises.mkdtemp(path.join(opts.tempRoot ?? os.tmpdir(), 'sportello-print-'));
  } catch (err) {
    return fail(`cartella temporanea non disponibile: ${errorMessage(err)}`);
  }
  try {
    const scriptPath = path.join(dir, 'print-raw.ps1');
    const bytesPath = path.join(dir, 'receipt.bin');
    // The BOM makes Windows PowerShell 5.1 read the script as UTF-8.
    await fs.promises.writeFile(scriptPath, `\uFEFF${SPOOLER_SCRIPT}`, 'utf8');
    await fs.promises.writeFile(bytesPath, bytes);
    const outcome = await run(
      opts.command ?? 'powershell.exe',
      [...(opts.commandArgs ?? []), ...spoolerArgs(scriptPath, printerName, bytesPath)],
      opts,
    );
    if (outcome.kind === 'done') return { ok: true, where: 'printer' };
    if (outcome.kind === 'timeout')
      return fail(`nessuna risposta entro ${(opts.timeoutMs ?? WINDOWS_PRINT_TIMEOUT_MS) / 1000} s`);
    if (outcome.kind === 'missing') return fail('PowerShell non disponibile su questo PC');
    const reason = (outcome.code === null ? undefined : EXIT_REASONS.get(outcome.code)) ?? 'errore di stampa';
    return fail(outcome.detail === '' ? reason : `${reason} (${outcome.detail})`);
  } catch (err) {
    return fail(errorMessage(err));
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

type Outcome =
  | { kind: 'done' }
  | { kind: 'timeout' }
  | { kind: 'missing' }
  | { kind: 'failed'; code: number | null; detail: string };

function run(command: string, args: string[], opts: WindowsQueueOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: opts.timeoutMs ?? WINDOWS_PRINT_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' },
      (err, _stdout, stderr) => {
        if (err === null) return resolve({ kind: 'done' });
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: number | string | null };
        if (e.code === 'ENOENT') return resolve({ kind: 'missing' });
        if (e.killed === true) return resolve({ kind: 'timeout' });
        const code = typeof e.code === 'number' ? e.code : null;
        resolve({ kind: 'failed', code, detail: stderr.trim().split(/\r?\n/)[0] ?? '' });
      },
    );
  });
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
