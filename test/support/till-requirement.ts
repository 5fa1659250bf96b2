import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Turns on, in a seeded data folder, the till requirement of every counter that has a till block: no
 * money is then taken outside an open till session (the demo seed ships with it off so that every
 * other walkthrough works as before). The till's end-to-end test runs the counters this way.
 */
export function requireOpenTill(dataDir: string): void {
  const file = path.join(dataDir, 'sportello.sqlite');
  if (!fs.existsSync(file)) throw new Error(`nessun database da configurare in ${dataDir}`);
  const db = new BetterSqlite3(file);
  try {
    const rows = db.prepare('SELECT code, config FROM counters').all() as { code: string; config: string }[];
    const update = db.prepare('UPDATE counters SET config = ? WHERE code = ?');
    for (const row of rows) {
      const config = JSON.parse(row.config) as { till?: { requireOpenSession: boolean } };
      if (!config.till) continue;
      config.till.requireOpenSession = true;
      update.run(JSON.stringify(config), row.code);
    }
  } finally {
    db.close();
  }
}
