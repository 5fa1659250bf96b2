import fs from 'node:fs';
import path from 'node:path';

/**
 * Which counter this PC is. It is set once: by the installer or a technician starting the app with
 * `--counter SE1`, and then remembered in a small JSON file beside the data folder, so that the
 * desktop shortcut needs no switch. A switch given later wins and replaces the remembered code.
 */

export const COUNTER_FILE_NAME = 'sportello-counter.json';
const COUNTER_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/**
 * The value of `--counter` in a command line. Chromium only understands `--counter=SE1`; the
 * spaced form `--counter SE1`, which people naturally type in a shortcut, is accepted too.
 */
export function counterSwitchFrom(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === undefined) continue;
    if (arg.startsWith('--counter=')) return arg.slice('--counter='.length);
    if (arg === '--counter') return argv[i + 1];
  }
  return undefined;
}

export function isCounterCode(value: string): boolean {
  return COUNTER_CODE.test(value);
}

export function resolveCounterCode(opts: { switchValue: string | undefined; configDir: string }): string | undefined {
  const file = path.join(opts.configDir, COUNTER_FILE_NAME);
  const fromSwitch = opts.switchValue?.trim();
  if (fromSwitch !== undefined && fromSwitch !== '') {
    if (!isCounterCode(fromSwitch)) throw new Error(`Codice sportello non valido: ${fromSwitch}`);
    if (readCounterFile(file) !== fromSwitch) {
      fs.mkdirSync(opts.configDir, { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify({ counterCode: fromSwitch }, null, 2)}\n`);
    }
    return fromSwitch;
  }
  return readCounterFile(file);
}

function readCounterFile(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // First run without a switch: the core uses its own default.
  }
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed === 'object' && parsed !== null && 'counterCode' in parsed) {
    const code = (parsed as { counterCode: unknown }).counterCode;
    if (typeof code === 'string' && isCounterCode(code)) return code;
  }
  throw new Error(`File ${file} non valido: manca "counterCode".`);
}
