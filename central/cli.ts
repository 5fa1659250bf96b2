import { parseArgs } from 'node:util';
import { createEnrolmentCode } from './enrolment';
import { parseFaultSpec } from './faults';
import { openCentralDatabase } from './schema';
import { startCentral, type CentralOptions } from './server';

/**
 * `sportello central ...`: the central service emulator.
 *   sportello central --port N --data DIR [--demo [--till-optional] | --bench-accounts N] [--faults SPEC]
 *       [--meal-price CENTS]
 *       prints exactly one line CENTRAL_URL=http://127.0.0.1:<port> when ready; stops on SIGTERM/SIGINT.
 *   sportello central enrolment-code --data DIR --counter CODE
 *       prints a one-time enrolment code (valid 24 h) as its last line.
 */
export async function centralCommand(args: string[]): Promise<number> {
  if (args[0] === 'enrolment-code') return enrolmentCode(args.slice(1));
  return serve(args);
}

function requireDataDir(data: string | undefined): string {
  if (data === undefined || data === '') throw new Error('indicare la cartella dati con --data DIR');
  return data;
}

function enrolmentCode(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, counter: { type: 'string' } },
    strict: true,
  });
  const dataDir = requireDataDir(values.data);
  if (values.counter === undefined || values.counter === '')
    throw new Error('indicare lo sportello con --counter CODICE');
  const sqlite = openCentralDatabase(dataDir);
  try {
    const code = createEnrolmentCode(sqlite, values.counter);
    process.stdout.write(
      `Codice di attivazione per lo sportello ${values.counter} (valido 24 ore, una sola volta):\n${code}\n`,
    );
    return Promise.resolve(0);
  } finally {
    sqlite.close();
  }
}

function integerOption(text: string | undefined, what: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${what} non valido: ${text}`);
  return n;
}

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'till-optional': { type: 'boolean', default: false },
      'bench-accounts': { type: 'string' },
      faults: { type: 'string' },
      'meal-price': { type: 'string' },
      'clock-offset-ms': { type: 'string' },
    },
    strict: true,
  });
  const options: CentralOptions = {
    dataDir: requireDataDir(values.data),
    port: integerOption(values.port, 'porta', 0, 65535) ?? 0,
    demo: values.demo,
    tillOptional: values['till-optional'],
  };
  const benchAccounts = integerOption(values['bench-accounts'], 'numero di conti', 1, 10_000_000);
  if (benchAccounts !== undefined) options.benchAccounts = benchAccounts;
  if (values.faults !== undefined) options.faults = parseFaultSpec(values.faults);
  const mealPrice = integerOption(values['meal-price'], 'prezzo del pasto', 1, 100_000);
  if (mealPrice !== undefined) options.mealPriceCents = mealPrice;
  const offset = integerOption(values['clock-offset-ms'], 'scarto di orologio', -1e12, 1e12);
  if (offset !== undefined) options.clockOffsetMs = offset;

  const central = await startCentral(options);
  process.stdout.write(`CENTRAL_URL=${central.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await central.close();
  return 0;
}
