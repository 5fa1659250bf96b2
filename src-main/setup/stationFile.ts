import fs from 'node:fs';
import path from 'node:path';
import { StationFile } from '../../shared/station';

/** The PC's own settings (see shared/station.ts), in the data folder. */
export const STATION_FILE_NAME = 'postazione.json';

export function stationFilePath(dataDir: string): string {
  return path.join(dataDir, STATION_FILE_NAME);
}

/** The file as written; null when there is none. A damaged file is an error, never taken for "no setup". */
export function readStationFile(dataDir: string): StationFile | null {
  const file = stationFilePath(dataDir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Il file ${file} non è JSON valido: ripetere la configurazione o ripristinarlo.`);
  }
  const checked = StationFile.safeParse(parsed);
  if (!checked.success) throw new Error(`Il file ${file} non è valido: ${checked.error.issues[0]?.message ?? ''}`);
  return checked.data;
}

/**
 * Writes the whole file at once: a temporary file beside it, flushed, then renamed over it (a rename
 * on the same volume replaces the file in one step on Windows and Linux), so a crash leaves the old
 * file or the new one, never half of one.
 */
export function writeStationFile(dataDir: string, content: StationFile): void {
  const valid = StationFile.parse(content);
  fs.mkdirSync(dataDir, { recursive: true });
  const file = stationFilePath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, `${JSON.stringify(valid, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/** Applies one change to the file (a new file when there is none). */
export function updateStationFile(dataDir: string, change: (current: StationFile) => StationFile): StationFile {
  const next = change(readStationFile(dataDir) ?? { version: 1 });
  writeStationFile(dataDir, next);
  return next;
}
