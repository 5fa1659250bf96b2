import fs from 'node:fs';
import path from 'node:path';

/**
 * Which counter this PC is, for the first start: from the `--counter` switch (a technician's
 * shortcut) or else from a small JSON file `{"counterCode": "SE1"}` that the technician puts in
 * the app's user-data folder before the first start. The core stores the code in the database at
 * the first start and refuses a different one later, so nothing is written back here.
 */

export const COUNTER_FILE_NAME = 'sportello-counter.json';
const COUNTER_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/**
 * The value of `--counter` in a command line. Chromium only understands `--counter=SE1`; the
 * spaced form `--counter SE1`, which people naturally type in a shortcut, is accepted too.
 */
export function counterSwitchFrom(argv: readonly string[]): string | undefined {
  return switchFrom(argv, 'counter');
}

/**
 * The central service's address from `--central=<url>` (stored by the core at the first start that
 * names it, like `sportello serve --central`).
 */
export function centralSwitchFrom(argv: readonly string[]): string | undefined {
  const value = switchFrom(argv, 'central')?.trim();
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Indirizzo del servizio centrale non valido: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Indirizzo del servizio centrale non valido: ${value}`);
  }
  return value;
}

function switchFrom(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === undefined) continue;
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
    if (arg === `--${name}`) return argv[i + 1];
  }
  return undefined;
}

export function isCounterCode(value: string): boolean {
  return COUNTER_CODE.test(value);
}

export function resolveCounterCode(opts: { switchValue: string | undefined; configDir: string }): string | undefined {
  const fromSwitch = opts.switchValue?.trim();
  if (fromSwitch !== undefined && fromSwitch !== '') {
    if (!isCounterCode(fromSwitch)) throw new Error(`Codice sportello non valido: ${fromSwitch}`);
    return fromSwitch;
  }
  return readCounterFile(path.join(opts.configDir, COUNTER_FILE_NAME));
}

function readCounterFile(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // No file: the core uses the code it stored at the first start.
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Il file ${file} non è JSON valido.`);
  }
  if (typeof parsed === 'object' && parsed !== null && 'counterCode' in parsed) {
    const code = parsed.counterCode;
    if (typeof code === 'string' && isCounterCode(code)) return code;
  }
  throw new Error(`Il file ${file} non è valido: serve {"counterCode": "SE1"}.`);
}
