import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDataDir } from '../../support/core-fixture';
import { openCounterFile } from '../../support/counter-file';

/** `sportello serve --central URL` (needs the build, like the other CLI tests). */
const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'sportello.cjs');

async function serveOnce(dataDir: string, extra: string[]): Promise<void> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--data', dataDir, '--counter', 'SE1', ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
      const m = /^SPORTELLO_URL=(.+)$/m.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve uscito con ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // One answered request: the server is past its start (and listening for SIGTERM).
  await fetch(url);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}

const storedUrl = (dataDir: string) => {
  const sql = openCounterFile(dataDir, { readonly: true });
  try {
    return sql.prepare('SELECT central_url FROM sync_state').pluck().get();
  } finally {
    sql.close();
  }
};

describe('serve --central', () => {
  it('stores the URL on the first start, keeps it on the next, replaces it when another is given', async () => {
    const dataDir = demoDataDir();
    await serveOnce(dataDir, ['--central', 'http://127.0.0.1:9/']);
    expect(storedUrl(dataDir)).toBe('http://127.0.0.1:9');
    await serveOnce(dataDir, []);
    expect(storedUrl(dataDir)).toBe('http://127.0.0.1:9');
    await serveOnce(dataDir, ['--central', 'https://centrale.example.it/api']);
    expect(storedUrl(dataDir)).toBe('https://centrale.example.it/api');
  });

  it('refuses an address that is not http(s), in Italian', () => {
    const r = spawnSync(process.execPath, [BIN, 'serve', '--data', demoDataDir(), '--central', 'ftp://x'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/indirizzo del servizio centrale non valido.*http:\/\/ o https:\/\//);
  });
});
