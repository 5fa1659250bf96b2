import path from 'node:path';
import { parseArgs } from 'node:util';
import { centralCommand } from '../central/cli';
import { runCommand } from '../src-main/cli/commands';
import { seedDemoDataDir } from './seed';

/**
 * The development half of the `sportello` command: demo data and the central service emulator.
 * It is not part of the app (not compiled into the installer); bin/sportello.cjs sends `serve` to
 * the counter's own command line (src-main/cli/main.ts) and everything else here.
 */
const USAGE = `Uso:
  sportello serve --port N --data DIR [--counter CODICE] [--printer host:porta | --no-printer] [--central URL]
      avvia lo sportello nel browser (host su 127.0.0.1); stampa SPORTELLO_URL=<indirizzo>;
      --central indica il servizio centrale con cui sincronizzarsi (ricordato per gli avvii successivi)
  sportello seed --demo --data DIR [--till-optional]
      crea il database con i dati dimostrativi; --till-optional: gli sportelli incassano anche
      senza una sessione di cassa aperta (per i test che non riguardano la cassa)
  sportello central --port N --data DIR [--demo [--till-optional]] [--faults SPEC]
      avvia l'emulatore del servizio centrale; stampa CENTRAL_URL=<indirizzo>
  sportello central enrolment-code --data DIR --counter CODICE
      crea un codice di attivazione monouso per uno sportello`;

/** The commands of this file; returns the exit code. Operator-facing text in Italian. */
export async function main(argv: string[]): Promise<number> {
  return runCommand(argv, USAGE, { seed, central: centralCommand });
}

async function seed(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      demo: { type: 'boolean', default: false },
      data: { type: 'string' },
      'till-optional': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.demo) throw new Error('indicare --demo: per ora esistono solo i dati dimostrativi.');
  if (!values.data) throw new Error('indicare la cartella dei dati con --data DIR');
  const dataDir = path.resolve(values.data);
  const started = Date.now();
  const summary = await seedDemoDataDir(dataDir, { tillRequired: !values['till-optional'] });
  process.stdout.write(
    `Dati dimostrativi creati in ${dataDir} (${JSON.stringify(summary)}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  return 0;
}
