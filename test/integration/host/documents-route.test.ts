import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host-browser/server';
import { createLogger } from '../../../src-main/log/logger';
import { openTestCore, type TestCore } from '../../support/core-fixture';

/** GET /documents/...: saved PDFs, for a logged-in front-office session only, and nothing outside the folder. */

const PDF = Buffer.from('%PDF-1.7\n% avviso di prova\n%%EOF\n');
const NAV = '301000000001234519';

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(port: number, method: string, p: string, headers: Record<string, string> = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Logs in through the host as the renderer does and returns the session cookie ("sportello_sid=..."). */
async function loginCookie(host: BrowserHost, operator: string, pin: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${host.port}/rpc/session.login`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ operator, pin }),
  });
  expect(await res.json()).toMatchObject({ ok: true });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(cookie).toMatch(/^sportello_sid=/);
  return cookie;
}

async function startHost(t: TestCore): Promise<BrowserHost> {
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sportello</title>');
  return startBrowserHost({
    core: t.core,
    port: 0,
    rendererDir,
    log: createLogger(t.dataDir),
    documentsDir: path.join(t.dataDir, 'documents'),
  });
}

describe('browser host: saved documents', () => {
  let t: TestCore;
  let host: BrowserHost;
  let cookie: string;

  beforeAll(async () => {
    t = await openTestCore();
    const avvisi = path.join(t.dataDir, 'documents', 'avvisi');
    fs.mkdirSync(avvisi, { recursive: true });
    fs.writeFileSync(path.join(avvisi, `${NAV}.pdf`), PDF);
    // Bait outside the folder and next to it, each reachable only by escaping.
    fs.writeFileSync(path.join(t.dataDir, 'segreto.pdf'), PDF);
    fs.writeFileSync(path.join(avvisi, 'note.txt'), 'non un pdf');
    fs.symlinkSync(path.join(t.dataDir, 'segreto.pdf'), path.join(avvisi, 'collegamento.pdf'));
    host = await startHost(t);
    cookie = await loginCookie(host, 'sportello1', '2468');
  });
  afterAll(async () => {
    await host.close();
    await t.close();
  });

  it('serves a saved notice to a logged-in session as application/pdf', async () => {
    const res = await request(host.port, 'GET', `/documents/avvisi/${NAV}.pdf`, { Cookie: cookie });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.equals(PDF)).toBe(true);
  });

  it('refuses without a session, with an unknown one and after logout', async () => {
    const p = `/documents/avvisi/${NAV}.pdf`;
    expect((await request(host.port, 'GET', p)).status).toBe(401);
    expect((await request(host.port, 'GET', p, { Cookie: 'sportello_sid=inventato' })).status).toBe(401);
    const other = await loginCookie(host, 'sportello1', '2468');
    expect((await request(host.port, 'GET', p, { Cookie: other })).status).toBe(200);
    await fetch(`http://127.0.0.1:${host.port}/rpc/session.logout`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', Cookie: other },
      body: '{}',
    });
    const after = await request(host.port, 'GET', p, { Cookie: other });
    expect(after.status).toBe(401);
    expect(after.body.includes(PDF)).toBe(false);
  });

  it('answers 404 outside the folder, for traversal attempts, symbolic links and non-PDF files', async () => {
    const attempts = [
      '/documents/segreto.pdf',
      '/documents/../segreto.pdf',
      '/documents/%2e%2e/segreto.pdf',
      '/documents/avvisi/..%2f..%2fsegreto.pdf',
      '/documents/avvisi%2f..%2f..%2fsegreto.pdf',
      `/documents/${encodeURIComponent(path.join(t.dataDir, 'segreto.pdf'))}`,
      '/documents/avvisi/collegamento.pdf',
      '/documents/avvisi/note.txt',
      '/documents/avvisi/%00.pdf',
      '/documents/avvisi/%E0%A4%A.pdf',
      '/documents/avvisi/',
      '/documents/avvisi/000000000000000000.pdf',
    ];
    for (const p of attempts) {
      const res = await request(host.port, 'GET', p, { Cookie: cookie });
      expect(res.status, p).toBe(404);
      expect(res.body.includes(PDF), p).toBe(false);
    }
  });

  it('accepts only GET and HEAD', async () => {
    const head = await request(host.port, 'HEAD', `/documents/avvisi/${NAV}.pdf`, { Cookie: cookie });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await request(host.port, 'POST', `/documents/avvisi/${NAV}.pdf`, { Cookie: cookie })).status).toBe(405);
  });
});

describe('browser host: saved documents at a pharmacy', () => {
  it('refuses them even to a logged-in pharmacy operator (a notice carries the codice fiscale)', async () => {
    const t = await openTestCore({ counter: 'FAR-CAVATORE' });
    const avvisi = path.join(t.dataDir, 'documents', 'avvisi');
    fs.mkdirSync(avvisi, { recursive: true });
    fs.writeFileSync(path.join(avvisi, `${NAV}.pdf`), PDF);
    const host = await startHost(t);
    try {
      const cookie = await loginCookie(host, 'cavatore', '1234');
      const res = await request(host.port, 'GET', `/documents/avvisi/${NAV}.pdf`, { Cookie: cookie });
      expect(res.status).toBe(403);
      expect(res.body.toString('utf8')).toContain('farmacia');
    } finally {
      await host.close();
      await t.close();
    }
  });
});
