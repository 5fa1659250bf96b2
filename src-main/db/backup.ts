import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open';

const KEEP = 7;

/**
 * Rolling daily copies of the counter database (SQLite's online backup: consistent while the app
 * keeps working), so a disk that corrupts the file does not take the day's money with it.
 * One copy per local day, the newest KEEP kept. Returns the path written, or null when today's exists.
 */
export async function dailyBackup(db: Db, dataDir: string, localDate: string): Promise<string | null> {
  const dir = path.join(dataDir, 'backup');
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `sportello-${localDate}.sqlite`);
  if (fs.existsSync(target)) return null;
  const partial = `${target}.partial`;
  await db.sqlite.backup(partial);
  fs.renameSync(partial, target);
  const copies = fs
    .readdirSync(dir)
    .filter((f) => /^sportello-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f))
    .sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - KEEP))) fs.rmSync(path.join(dir, old));
  return target;
}
