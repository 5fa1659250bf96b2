import { randomUUID } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataDir, pick } from '../../support/core-fixture';
import { openCounterFile } from '../../support/counter-file';
import { recordHeld } from '../../support/security-table';

const CHILD = path.join(import.meta.dirname, '../../support/host-child.ts');

let child: ChildProcess;
let port = 0;
let token = '';
let dataDir = '';
let stderr = '';

beforeAll(async () => {
  dataDir = demoDataDir();
  child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /HOST_URL=http:\/\/127\.0\.0\.1:(\d+) TOKEN=(\S+)/.exec(out);
      if (m) {
        port = Number(m[1]);
        token = m[2]!;
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`host child exited ${code}: ${stderr}`)));
  });
}, 60_000);

afterAll(() => {
  child?.kill('SIGKILL');
});

/** Sends bytes as they are (no client library to tidy them up) and returns the status line, if any. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (answer += c));
    socket.on('error', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.setTimeout(5_000, () => socket.destroy());
    socket.end(bytes, 'latin1');
  });
}

const get = (target: string, headers = '') =>
  raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}Connection: close\r\n\r\n`);
const post = (target: string, body: string, headers = '') =>
  raw(
    `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body, 'latin1')}\r\n${headers}` +
      `Connection: close\r\n\r\n${body}`,
  );

const MALFORMED_PATHS = ['/%', '/%%', '/%E0%A4%A', '/%C0', '/%FF%FE', '/assets/%', '/a%2', '/%u0041', '/%ZZ'];

describe('hostile requests against a counter in its own process', () => {
  it('answers malformed percent-encodings with 400 and stays up', async () => {
    for (const p of MALFORMED_PATHS) {
      expect(await get(p), p).toMatch(/^HTTP\/1\.1 400 /);
    }
    for (const p of MALFORMED_PATHS) {
      expect(await post(`/rpc${p}`, '{}'), `/rpc${p}`).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect(await get('/%00')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await get('/documents/%')).toMatch(/^HTTP\/1\.1 (400|401|404) /);
    expect(child.exitCode, stderr).toBeNull();
    recordHeld({
      attack: 'malformed percent-encodings in the URL (`GET /%`, `/%E0%A4%A`, on pages and on /rpc)',
      tried: MALFORMED_PATHS.length * 2 + 2,
      held: '400 (no token needed to try); the process stays up',
    });
  });

  it('survives malformed request lines, headers and bodies', async () => {
    const attempts = [
      'GET\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `GET /\x00 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Bad: a\x01b\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: -1\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
      `GET http://[::1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
      `GET //// HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: sportello_sid=%; =; ;;\r\n\r\n`,
      'x'.repeat(70_000),
    ];
    for (const a of attempts) await raw(a);
    for (const body of ['{', '[', '"\\ud800"', 'null', '{"__proto__":{"x":1}}', '\u00ff\u00fe']) {
      await post('/rpc/counter.info', body);
      await post('/rpc/topups.record', body);
    }
    await post('/rpc/counter.info', '{}', 'Content-Length: 5\r\n');
    expect(child.exitCode, stderr).toBeNull();
    recordHeld({
      attack: 'malformed request lines, headers and JSON bodies (prototype keys, lone surrogates, 70 kB lines)',
      tried: attempts.length + 6 * 2 + 1,
      held: 'refused by the HTTP parser or with 400; the process stays up',
    });
  });

  it('takes a top-up after all that', async () => {
    const rpc = async (channel: string, input: unknown, cookie?: string) => {
      const res = await fetch(`http://127.0.0.1:${port}/rpc/${channel}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: JSON.stringify(input),
      });
      return { body: (await res.json()) as { ok: boolean; value?: { receiptNo?: string } }, res };
    };
    const login = await rpc('session.login', { operator: 'sportello1', pin: '2468' });
    expect(login.body.ok).toBe(true);
    const cookie = (login.res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const sql = openCounterFile(dataDir, { readonly: true });
    const account = pick(sql).account();
    sql.close();
    const topup = await rpc(
      'topups.record',
      { requestId: randomUUID(), accountId: account.id, amountCents: 2000, method: 'cash' },
      cookie,
    );
    expect(topup.body).toMatchObject({ ok: true, value: { receiptNo: 'SE1/2026/000001' } });
    expect(child.exitCode, stderr).toBeNull();
    recordHeld({
      attack: 'a top-up right after those hostile requests',
      tried: 1,
      held: 'recorded with the next receipt number: nothing above wrote anything',
    });
  });
});
