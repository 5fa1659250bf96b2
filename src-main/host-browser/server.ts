import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { EVENT_NAMES, type EventName } from '../../shared/contract';
import { fail } from '../../shared/errors';
import type { LocalCore } from '../core/types';
import type { Logger } from '../log/logger';
import { CONTENT_SECURITY_POLICY, CSP_HEADER } from '../security/csp';
import { serveDocument } from './documents';

/**
 * The browser host: the same core behind an HTTP server bound to 127.0.0.1. It serves the built
 * renderer and answers the contract at POST /rpc/<channel>; events go out over SSE at /events.
 * A random token, carried in the URL it prints, is required on every RPC call (Bearer) and on the
 * event stream; the operator's session is an HttpOnly cookie, renewed at every login.
 */

export interface BrowserHostOptions {
  core: LocalCore;
  port: number;
  rendererDir: string;
  log: Logger;
  /** Fixed only by tests; otherwise 32 random bytes. */
  token?: string;
  /** `<dataDir>/documents`: saved PDFs (pagoPA notices) are served from here only, at GET /documents/... */
  documentsDir?: string;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SESSION_COOKIE = 'sportello_sid';
const MAX_BODY_BYTES = 64 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  [CSP_HEADER]: CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), payment=()',
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Events any holder of the page's token may receive: the sync status names no family and no receipt. */
const EVENTS_WITHOUT_SESSION: ReadonlySet<EventName> = new Set(['sync.status']);

export function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? crypto.randomBytes(32).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const log = opts.log.child({ scope: 'http' });
  /** Each event stream with the session cookie it was opened with ('' for none). */
  const sseClients = new Map<http.ServerResponse, string>();
  let port = 0;

  const unsubscribe = opts.core.on((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const [res, sid] of sseClients) {
      // A receipt's number (and whether it printed) goes only to a signed-in session's stream.
      if (EVENTS_WITHOUT_SESSION.has(event) || (sid !== '' && opts.core.signedIn(sid))) res.write(frame);
    }
  });

  const tokenOk = (presented: string | undefined): boolean => {
    if (!presented) return false;
    const b = Buffer.from(presented);
    return b.length === tokenBuf.length && crypto.timingSafeEqual(b, tokenBuf);
  };

  const server = http.createServer((req, res) => {
    // Nothing that arrives over HTTP may end the process: whatever a request throws ends that request.
    try {
      route(req, res);
    } catch (e: unknown) {
      log.error({ err: e }, 'richiesta non gestita');
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', 'Errore interno del server locale.'));
      else res.destroy();
    }
  });

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    // DNS rebinding: only our own loopback names may address this server.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return sendJson(res, 421, fail('FORBIDDEN', 'Indirizzo non consentito.'));
    }
    const url = parseUrl(req.url, host);
    if (url === null) return sendJson(res, 400, fail('INPUT_INVALID', 'Indirizzo della richiesta non valido.'));
    if (url.pathname.startsWith('/rpc/')) {
      void handleRpc(req, res, url).catch((e: unknown) => {
        log.error({ err: e }, 'rpc fallita');
        if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', 'Errore interno del server locale.'));
      });
      return;
    }
    if (url.pathname === '/events') return handleEvents(req, res, url);
    if (url.pathname.startsWith('/documents/')) {
      // A link opens it, so no Bearer header: the logged-in session cookie is what lets it through.
      void serveDocument(req, res, url, {
        documentsDir: opts.documentsDir ?? null,
        core: opts.core,
        sessionId: readCookie(req, SESSION_COOKIE),
      }).catch((e: unknown) => {
        log.error({ err: e }, 'documento non servito');
        if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', 'Errore interno del server locale.'));
      });
      return;
    }
    return serveStatic(req, res, url, opts.rendererDir);
  }

  async function handleRpc(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendJson(res, 405, fail('INPUT_INVALID', 'Usare POST.'));
    }
    const auth = req.headers.authorization;
    if (!tokenOk(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined)) {
      return sendJson(
        res,
        401,
        fail('FORBIDDEN', "Accesso negato: aprire Sportello dall'indirizzo completo mostrato all'avvio."),
      );
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return sendJson(res, 403, fail('FORBIDDEN', 'Origine non consentita.'));
    }
    const channel = decodePath(url.pathname.slice('/rpc/'.length));
    if (channel === null) return sendJson(res, 400, fail('INPUT_INVALID', 'Indirizzo della richiesta non valido.'));
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, fail('INPUT_INVALID', 'Richiesta troppo grande.'));
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, fail('INPUT_INVALID', 'Dati non validi: il corpo della richiesta non è JSON.'));
    }
    let sid = readCookie(req, SESSION_COOKIE);
    // A new session id at every login (no fixation) and whenever the browser has none.
    if (!sid || channel === 'session.login') {
      sid = crypto.randomBytes(24).toString('base64url');
      res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${sid}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const reply = await opts.core.invoke(sid, channel, input);
    const status = !reply.ok && reply.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200;
    sendJson(res, status, reply);
  }

  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (!tokenOk(url.searchParams.get('token') ?? undefined)) {
      return sendJson(res, 401, fail('FORBIDDEN', 'Accesso negato.'));
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(`: sportello events ${EVENT_NAMES.join(',')}\n\n`);
    sseClients.set(res, readCookie(req, SESSION_COOKIE) ?? '');
    req.on('close', () => sseClients.delete(res));
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/?token=${token}`;
      log.info({ port }, 'browser host in ascolto');
      resolve({
        url,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const r of sseClients.keys()) r.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The request's URL, or null when it cannot be one (such a request gets 400, never an exception). */
function parseUrl(raw: string | undefined, host: string): URL | null {
  try {
    return new URL(raw ?? '/', `http://${host}`);
  } catch {
    return null;
  }
}

/** A percent-decoded path, or null for a malformed encoding such as `/%` or `/%E0%A4%A`. */
function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function readCookie(req: http.IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, url: URL, root: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' });
    res.end();
    return;
  }
  const decoded = url.pathname === '/' ? 'index.html' : decodePath(url.pathname);
  if (decoded === null || decoded.includes('\0')) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Indirizzo non valido');
    return;
  }
  const rel = decoded.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) {
    res.writeHead(404);
    res.end();
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Non trovato');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': rel === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  });
}
