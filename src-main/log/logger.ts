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

/** How a line reaches the file; tests hand one that fails like a full disk. */
export type WriteSync = (fd: number, data: Buffer) => number;

/**
 * The log file as pino's destination. A write that fails (a full disk: ENOSPC) drops the line and
 * never throws: a log must not take the counter down. The lines lost are counted and, once a write
 * succeeds again, one line says how many.
 */
export function fileDestination(file: string, writeSync: WriteSync = fs.writeSync): { write(text: string): void } {
  let fd: number | null = null;
  let lost = 0;
  const writeAll = (text: string) => {
    fd ??= fs.openSync(file, 'a');
    let rest = Buffer.from(text);
    while (rest.length > 0) {
      const written = writeSync(fd, rest);
      if (written <= 0) throw new Error('scrittura del log non riuscita');
      rest = rest.subarray(written);
    }
  };
  return {
    write(text) {
      try {
        if (lost > 0) {
          writeAll(
            `${JSON.stringify({ level: 40, time: Date.now(), msg: `${lost} righe di log perse (disco pieno?)` })}\n`,
          );
          lost = 0;
        }
        writeAll(text);
      } catch {
        lost += 1;
      }
    },
  };
}

/**
 * The one logger of the core: a file in the data folder, child scopes per area (`db`, `print`,
 * `session`, `http`...). Synchronous writes, so a crash does not lose the last lines; a write that
 * fails is dropped (fileDestination), never thrown.
 */
export function createLogger(dataDir: string, writeSync?: WriteSync): Logger {
  const dir = path.join(dataDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'sportello.log');
  try {
    rollIfLarge(file);
  } catch {
    // A log that cannot roll keeps growing: better than no counter.
  }
  return pino({ level: process.env['SPORTELLO_LOG_LEVEL'] ?? 'info', base: null }, fileDestination(file, writeSync));
}
