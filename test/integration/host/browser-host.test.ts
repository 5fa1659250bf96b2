import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host-browser/server';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security/csp';
import { createLogger } from '../../../src-main/log/logger';

let t: TestCore;
let host: BrowserHost;
let base: string;

beforeAll(async () => {
  t = await openTestCore();
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sportello</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startBrowserHost({ core: t.core, port: 0, rendererDir, log: createLogger(t.dataDir) });
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  await t.close();
});

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP so that every header (Host, Cookie, Origin) is ours to set. */
function request(
  method: string,
  p: string,
  opts: { headers?: Record<string, string>; body?: string } = {},
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, method, path: p, headers: opts.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

function rpc(channel: string, input: unknown, extra: Record<string, string> = {}): Promise<Res> {
  return request('POST', `/rpc/${channel}`, {
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...extra },
    body: JSON.stringify(input),
  });
}

describe('browser host', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(host.url).toBe(`${base}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('sends the security headers on pages and on RPC answers', async () => {
    for (const res of [await request('GET', '/'), await rpc('counter.info', {})]) {
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it('serves the renderer and nothing outside it', async () => {
    expect((await request('GET', '/')).body).toContain('<title>Sportello</title>');
    const js = await request('GET', '/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await request('GET', '/../../etc/passwd')).status).toBe(404);
    expect((await request('GET', '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('refuses RPC calls without the token or with a wrong one', async () => {
    const none = await request('POST', '/rpc/counter.info', { body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const wrong = await rpc('counter.info', {}, { Authorization: `Bearer ${host.token.slice(1)}x` });
    expect(wrong.status).toBe(401);
    expect(
      (await request('GET', '/rpc/counter.info', { headers: { Authorization: `Bearer ${host.token}` } })).status,
    ).toBe(405);
  });

  it('refuses foreign Host names (DNS rebinding) and foreign origins', async () => {
    const rebinding = await rpc('counter.info', {}, { Host: `evil.example:${host.port}` });
    expect(rebinding.status).toBe(421);
    const origin = await rpc('counter.info', {}, { Origin: 'http://evil.example' });
    expect(origin.status).toBe(403);
    expect((await rpc('counter.info', {}, { Origin: base })).status).toBe(200);
  });

  it('keeps the session in an HttpOnly cookie, renewed at login', async () => {
    const anon = await rpc('session.current', {});
    const first = anon.headers['set-cookie']?.[0] ?? '';
    expect(first).toMatch(/^sportello_sid=[\w-]+; HttpOnly; SameSite=Strict; Path=\//);
    const cookie = first.split(';')[0]!;
    const login = await rpc('session.login', { operator: 'sportello1', pin: '2468' }, { Cookie: cookie });
    expect(JSON.parse(login.body)).toMatchObject({ ok: true });
    const renewed = (login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    expect(renewed).not.toBe(cookie);
    // The old id is worth nothing; the new one carries the operator.
    expect(JSON.parse((await rpc('session.current', {}, { Cookie: cookie })).body)).toEqual({ ok: true, value: null });
    const current = JSON.parse((await rpc('session.current', {}, { Cookie: renewed })).body) as {
      value: { operator: { code: string } };
    };
    expect(current.value.operator.code).toBe('sportello1');
    const acc = pick(t.sql).account();
    const found = JSON.parse((await rpc('accounts.find', { query: acc.papay_code }, { Cookie: renewed })).body) as {
      value: { items: unknown[] };
    };
    expect(found.value.items).toHaveLength(1);
  });

  it('answers bad bodies and unknown channels as data', async () => {
    const notJson = await request('POST', '/rpc/session.login', {
      headers: { Authorization: `Bearer ${host.token}` },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    const unknown = await rpc('accounts.drop', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const big = await rpc('session.login', { operator: 'x'.repeat(70_000), pin: '1' });
    expect(big.status).toBe(413);
  });

  /** Opens /events (with a cookie when given) and collects what arrives. */
  function openStream(cookie?: string) {
    let buf = '';
    let connected!: () => void;
    const ready = new Promise<void>((r) => (connected = r));
    const req = http.get(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/events?token=${host.token}`,
        headers: cookie ? { Cookie: cookie } : {},
      },
      (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          buf += c;
          if (buf.startsWith(': sportello events')) connected();
        });
      },
    );
    req.on('error', () => undefined);
    return { ready, text: () => buf, close: () => req.destroy() };
  }

  it('streams events over SSE only with the token, and receipt numbers only to a signed-in session', async () => {
    expect((await request('GET', '/events')).status).toBe(401);
    const anon = await rpc('session.current', {});
    const staleCookie = (anon.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const login = await rpc('session.login', { operator: 'sportello1', pin: '2468' }, { Cookie: staleCookie });
    const cookie = (login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    const signedIn = openStream(cookie);
    const noSession = openStream();
    const preLogin = openStream(staleCookie);
    await Promise.all([signedIn.ready, noSession.ready, preLogin.ready]);
    // Cause an event: a top-up prints a receipt.
    const acc = pick(t.sql).account();
    const topup = JSON.parse(
      (
        await rpc(
          'topups.record',
          { requestId: randomUUID(), accountId: acc.id, amountCents: 1111, method: 'cash' },
          { Cookie: cookie },
        )
      ).body,
    ) as { ok: boolean; value: { receiptNo: string } };
    expect(topup.ok).toBe(true);
    await expect.poll(() => signedIn.text()).toContain('event: receipts.printed');
    expect(signedIn.text()).toContain(`"receiptNo":"${topup.value.receiptNo}","printed":true`);
    // One more round trip, so anything written to the other streams has arrived.
    await rpc('session.current', {}, { Cookie: cookie });
    for (const stream of [noSession, preLogin]) {
      expect(stream.text()).toMatch(/^: sportello events/);
      expect(stream.text()).not.toContain('event: receipts.printed');
      expect(stream.text()).toContain('event: sync.status');
      expect(stream.text()).not.toContain(topup.value.receiptNo);
    }
    for (const stream of [signedIn, noSession, preLogin]) stream.close();
  });
});
