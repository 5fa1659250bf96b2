import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStation } from '../setup/station';
import { warmUpDocuments } from '../documents/warmup';
import { startBrowserHost } from '../host-browser/server';
import { createLogger } from '../log/logger';
import { runCommand } from './commands';
import type { PrinterConfig } from '../../shared/config';

const USAGE = `Uso:
  sportello serve --port N --data DIR [--counter CODICE] [--printer host:porta | --no-printer] [--central URL]
      avvia lo sportello nel browser (host su 127.0.0.1); stampa SPORTELLO_URL=<indirizzo>;
      senza --counter un PC mai configurato apre la configurazione iniziale (postazione.json nei dati);
      --central indica il servizio centrale con cui sincronizzarsi (ricordato per gli avvii successivi)`;

/**
 * The counter's own command line: `serve`. The development commands (demo data, the central
 * emulator) are dev/cli.ts, outside the app; bin/sportello.cjs sends each command to its side.
 * Returns the exit code. Operator-facing text in Italian.
 */
export async function main(argv: string[]): Promise<number> {
  return runCommand(argv, USAGE, { serve });
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      counter: { type: 'string' },
      printer: { type: 'string' },
      'no-printer': { type: 'boolean', default: false },
      central: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = requireDataDir(values.data);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`porta non valida: ${values.port}`);
  const log = createLogger(dataDir);
  // Without --counter, a PC that was never configured opens the first-run setup in the page.
  const core = await openStation({
    dataDir,
    ...(values.counter !== undefined ? { counterCode: values.counter } : {}),
    log,
    ...(values.printer !== undefined ? { printer: parsePrinter(values.printer) } : {}),
    ...(values['no-printer'] ? { printer: null } : {}),
    ...(values.central !== undefined ? { centralUrl: parseCentralUrl(values.central) } : {}),
  });
  const host = await startBrowserHost({
    core,
    port,
    rendererDir: path.resolve(__dirname, '..', '..', 'renderer'),
    log,
    documentsDir: path.join(dataDir, 'documents'),
  });
  process.stdout.write(`SPORTELLO_URL=${host.url}\n`);
  warmUpDocuments(core).catch((err: unknown) => log.warn({ err }, 'preparazione del motore PDF non riuscita'));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await core.close();
  return 0;
}

function requireDataDir(value: string | undefined): string {
  if (!value) throw new Error('indicare la cartella dei dati con --data DIR');
  return path.resolve(value);
}

function parseCentralUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `indirizzo del servizio centrale non valido "${value}": scrivere per esempio http://127.0.0.1:8080`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`indirizzo del servizio centrale non valido "${value}": deve iniziare con http:// o https://`);
  }
  return url.toString();
}

function parsePrinter(value: string): PrinterConfig {
  const m = /^(?:tcp:\/\/)?([^:]+):(\d{1,5})$/.exec(value);
  if (!m) throw new Error(`stampante non valida "${value}": scrivere host:porta, per esempio 192.168.1.50:9100`);
  return { host: m[1]!, port: Number(m[2]) };
}
