import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ZipFile } from 'yazl';
import type { CoreContext } from '../core/context';
import { inDatabaseWorker } from '../db/backup';
import { DB_FILE } from '../db/open';
import { readSyncState } from '../sync/state';
import { appVersion } from '../version';
import { currentStation } from './station';

/** Keys whose values are secrets: never in a file that leaves the PC. */
const SECRET_KEY =
  /token|secret|passw|verifier|salt|cookie|authori[sz]ation|credential|^pin$|pin_?(hash|code|value)|hash$/i;

/** A copy of `value` without any field whose name says it holds a secret, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEY.test(k)) continue;
    out[k] = withoutSecrets(v);
  }
  return out;
}

/** SQLite's full integrity_check and its versions, read in a worker thread on a read-only connection of its own. */
function databaseFacts(
  file: string,
  key: Buffer,
): Promise<{ integrity: string[]; sqlite: string; migrations: string[] }> {
  return inDatabaseWorker(
    file,
    key,
    { readonly: true, fileMustExist: true },
    `return {
       integrity: db.pragma('integrity_check').map((r) => r.integrity_check),
       sqlite: db.prepare('SELECT sqlite_version()').pluck().get(),
       migrations: db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all(),
     };`,
  );
}

/**
 * "Esporta diagnostica": a zip for the help desk under <data>/documents/diagnostica: the logs, the
 * configuration without secrets (no token, no PIN verifier: the operators are not in it at all), the
 * database's integrity_check and the versions. Nothing in it lets anyone act as this counter.
 */
export async function exportDiagnostics(
  ctx: CoreContext,
): Promise<{ path: string; fileName: string; entries: string[] }> {
  const now = ctx.clock.now();
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const fileName = `diagnostica-${ctx.counter.code}-${stamp}.zip`;
  const dir = path.join(ctx.dataDir, 'documents', 'diagnostica');
  await fs.promises.mkdir(dir, { recursive: true });
  const zip = new ZipFile();
  const entries: string[] = [];
  const add = (name: string, content: string) => {
    zip.addBuffer(Buffer.from(content, 'utf8'), name, { mtime: now });
    entries.push(name);
  };
  const logsDir = path.join(ctx.dataDir, 'logs');
  const logs = fs.existsSync(logsDir)
    ? (await fs.promises.readdir(logsDir)).filter((f) => f.startsWith('sportello.log'))
    : [];
  for (const log of logs.sort()) add(`logs/${log}`, await fs.promises.readFile(path.join(logsDir, log), 'utf8'));
  const { token: _token, ...sync } = readSyncState(ctx.db);
  add(
    'configurazione.json',
    JSON.stringify(
      withoutSecrets({
        counter: { code: ctx.counter.code, name: ctx.counter.name, kind: ctx.counter.kind, config: ctx.counter.config },
        postazione: currentStation(ctx),
        sync: { ...sync, enrolled: _token !== null },
      }),
      null,
      2,
    ),
  );
  const facts = await databaseFacts(path.join(ctx.dataDir, DB_FILE), ctx.db.key);
  add('integrita.txt', `PRAGMA integrity_check (${now.toISOString()}):\n${facts.integrity.join('\n')}\n`);
  add(
    'versioni.json',
    JSON.stringify(
      {
        sportello: appVersion(),
        node: process.versions.node,
        electron: process.versions['electron'] ?? null,
        sqlite: facts.sqlite,
        migrations: facts.migrations,
        os: `${os.type()} ${os.release()} ${os.arch()}`,
      },
      null,
      2,
    ),
  );
  const target = path.join(dir, fileName);
  const temp = `${target}.tmp`;
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(temp);
    out.once('close', resolve);
    out.once('error', reject);
    zip.outputStream.pipe(out);
    zip.end();
  });
  await fs.promises.rename(temp, target);
  return { path: target, fileName, entries };
}
