import { randomUUID } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer';
import { decodeEscPos } from '../../support/escpos-decoder';
import { openCounterFile } from '../../support/counter-file';

/** The real `sportello` command, as npm installs it (needs `npm run build`, which `npm test` runs first). */
const BIN = path.join(__dirname, '..', '..', '..', 'bin', 'sportello.cjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-cli-'));
let printer: VirtualPrinter;

beforeAll(async () => {
  printer = await startVirtualPrinter();
});
afterAll(async () => {
  await printer.close();
});

function serve(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: string) => {
      stdout += c;
      const m = /^SPORTELLO_URL=(.+)$/m.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve uscito con ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => ({ stdout, stderr }) };
}

describe('the sportello command', () => {
  it('seeds the demo database, and refuses to seed it twice', () => {
    const first = spawnSync(process.execPath, [BIN, 'seed', '--demo', '--data', dataDir], { encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Dati dimostrativi creati/);
    const again = spawnSync(process.execPath, [BIN, 'seed', '--demo', '--data', dataDir], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^Errore: .+/);
  });

  it('serves on loopback, prints exactly one URL line, and prints receipts to a network printer', async () => {
    const s = serve(['--counter', 'SE1', '--printer', `127.0.0.1:${printer.port}`]);
    try {
      const url = await s.url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
      const { origin } = new URL(url);
      const token = new URL(url).searchParams.get('token')!;
      let cookie = '';
      const call = async (channel: string, input: unknown) => {
        const res = await fetch(`${origin}/rpc/${channel}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Cookie: cookie },
          body: JSON.stringify(input),
        });
        const set = res.headers.get('set-cookie');
        if (set) cookie = set.split(';')[0]!;
        return (await res.json()) as {
          ok: boolean;
          value: Record<string, unknown>;
          error?: { code: string; message: string };
        };
      };
      expect((await call('session.login', { operator: 'sportello1', pin: '2468' })).ok).toBe(true);
      const db = openCounterFile(dataDir, { readonly: true });
      const acc = db.prepare('SELECT id FROM accounts ORDER BY papay_code LIMIT 1').get() as { id: string };
      db.close();
      // The demo desk takes money only in an open till session, as the Comune runs it.
      const money = { accountId: acc.id, amountCents: 2500, method: 'cash' };
      const refused = await call('topups.record', { requestId: randomUUID(), ...money });
      expect(refused.error?.code).toBe('TILL_NOT_OPEN');
      const open = await call('till.open', { floatCounts: { '1000': 5 } });
      expect(open.ok, open.error?.message).toBe(true);
      const top = await call('topups.record', { requestId: randomUUID(), ...money });
      expect(top.ok, top.error?.message).toBe(true);
      expect(top.value['printed']).toBe(true);
      const [job] = await printer.waitForJobs(1);
      const decoded = decodeEscPos(job!);
      expect(decoded.qr).toEqual([top.value['operationId']]);
      expect(decoded.cuts).toBe(1);
      expect(decoded.codePages).toContain(19);
      const printedLines = decoded.text
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l !== '');
      const storedLines = String(top.value['receiptText'])
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l !== '');
      expect(printedLines).toEqual(storedLines);
      expect(decoded.text).toContain('€ 25,00');
      expect(s.output().stdout.trim().split('\n')).toHaveLength(1);
    } finally {
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    }
  });

  it('refuses a later start that names another counter, with a clear message', async () => {
    const s = serve(['--counter', 'SE2']);
    await expect(s.url).rejects.toThrow(/Questa installazione è lo sportello SE1: non può essere avviata come SE2/);
    expect(await s.exited).toBe(1);
  });
});
