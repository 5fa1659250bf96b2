import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger };

const MAX_LOG_BYTES = 10 * 1024 * 1024;
const KEEP = 3;

/** Rolls sportello.log -> .1 -> .2 ... at start when it grew past the limit. */
function rollIfLarge(file: string): void {
  try {
    if (fs.statSync(file).size < MAX_LOG_BYTES) return;
  } catch {
    return;
  }
  for (let i = KEEP - 1; i >= 1; i--) {
    const from = `${file}.${i}`;
    if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
  }
  fs.renameSync(file, `${file}.1`);
}

/**
 * The one logger of the core: a file in the data folder, child scopes per area (`db`, `print`,
 * `session`, `http`...). Synchronous writes, so a crash does not lose the last lines.
 */
export function createLogger(dataDir: string): Logger {
  const dir = path.join(dataDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'sportello.log');
  rollIfLarge(file);
  return pino(
    { level: process.env['SPORTELLO_LOG_LEVEL'] ?? 'info', base: null },
    pino.destination({ dest: file, sync: true, mkdir: true }),
  );
}
