import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import {
  CENTRAL_ENDPOINTS,
  INSTALLATION_HEADER,
  type CentralError,
  type EnrolResponse,
  type FeedResponse,
  type NoticeBlockResponse,
  type PushResponse,
} from '../shared/central';
import { readAccount, readState, listOperations } from './admin';
import { centralTill } from './till';
import {
  checkToken,
  createEnrolmentCode,
  enrol,
  EnrolmentRefusedError,
  receiptNumbering,
  SecondInstallationError,
  UnknownCounterError,
  WrongCounterError,
} from './enrolment';
import { FaultInjector, NO_FAULTS, parseFaultSpec, type FaultSpec } from './faults';
import { BadCursorError, FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT, feedReader } from './feed';
import { isEmpty, loadBench, loadDemo, type LoadSummary } from './load';
import { pushHandler } from './push';
import { centralNotices, noticeAdmin, NoticeRefusal } from './notices';
import { openCentralDatabase, type CentralSqlite } from './schema';
import { DEFAULT_MEAL_PRICE_CENTS, simulateMeals, simulatePagopa, UnknownAccountError } from './simulate';

/**
 * The central service emulator over real HTTP on 127.0.0.1: the /v1 API of shared/central.ts
 * (with fault injection) and the /admin endpoints tests and demos use (never faulty, no auth:
 * loopback only, it is an emulator).
 */
export interface CentralOptions {
  dataDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Load the demo roster (same ids as `sportello seed --demo`) when the database is empty. */
  demo?: boolean;
  /** With demo: the demo counters take money outside a till session (for suites about other domains). */
  tillOptional?: boolean;
  /** Load the benchmark roster of exactly this many accounts when the database is empty. */
  benchAccounts?: number;
  faults?: FaultSpec | string;
  /** Price of a simulated meal (POST /admin/simulate/meals without priceCents). */
  mealPriceCents?: number;
  /** Skews the emulator's clock (serverTime and every time it records), to test clock-offset handling. */
  clockOffsetMs?: number;
}

export interface RunningCentral {
  url: string;
  port: number;
  sqlite: CentralSqlite;
  faults: FaultInjector;
  /** What the start loaded, null when the database already had data or nothing was asked. */
  loaded: LoadSummary | null;
  createEnrolmentCode(counterCode: string): string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: CentralError['error']['code'],
    message: string,
  ) {
    super(message);
  }
}

interface Reply {
  status: number;
  body: unknown;
}

const MealsRequest = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  priceCents: z.number().int().positive().optional(),
});
const PagopaRequest = z.object({
  accountId: z.string().min(1),
  amountCents: z.number().int().positive(),
  id: z.string().min(1).max(64).optional(),
});
const EnrolmentCodeRequest = z.object({ counterCode: z.string().min(1) });

export async function startCentral(options: CentralOptions): Promise<RunningCentral> {
  const sqlite = openCentralDatabase(options.dataDir);
  let server: http.Server | null = null;
  try {
    let loaded: LoadSummary | null = null;
    if (isEmpty(sqlite)) {
      if (options.benchAccounts !== undefined) loaded = loadBench(sqlite, options.benchAccounts);
      else if (options.demo === true) loaded = loadDemo(sqlite, { tillRequired: options.tillOptional !== true });
    }
    const faults = new FaultInjector(
      typeof options.faults === 'string' ? parseFaultSpec(options.faults) : (options.faults ?? NO_FAULTS),
    );
    const clockOffsetMs = options.clockOffsetMs ?? 0;
    const mealPriceCents = options.mealPriceCents ?? DEFAULT_MEAL_PRICE_CENTS;
    const now = () => new Date(Date.now() + clockOffsetMs);
    const feed = feedReader(sqlite);
    const pusher = pushHandler(sqlite);
    const notices = centralNotices(sqlite);

    function authenticate(req: http.IncomingMessage): string {
      const header = req.headers.authorization ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1])
        throw new HttpError(401, 'UNAUTHORIZED', 'Manca il token dello sportello: attivare lo sportello.');
      const installation = req.headers[INSTALLATION_HEADER];
      const check = checkToken(sqlite, match[1], typeof installation === 'string' ? installation.slice(0, 64) : null);
      switch (check.status) {
        case 'valid':
          return check.counterCode;
        case 'secondInstallation':
          throw new HttpError(409, 'SECOND_INSTALLATION', new SecondInstallationError(check.counterCode).message);
        case 'revoked':
          throw new HttpError(
            401,
            'TOKEN_REVOKED',
            "Questo PC non è più attivo per lo sportello: è stato attivato un altro PC. Ripetere l'attivazione.",
          );
        case 'unknown':
          throw new HttpError(401, 'UNAUTHORIZED', 'Token dello sportello non riconosciuto: attivare lo sportello.');
        default: {
          const never: never = check;
          throw new Error(`esito sconosciuto: ${JSON.stringify(never)}`);
        }
      }
    }

    function parseBody<T>(schema: z.ZodType<T>, raw: string): T {
      let json: unknown;
      try {
        json = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        throw new HttpError(400, 'BAD_REQUEST', 'Il corpo della richiesta non è JSON valido.');
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(corpo)'}: ${i.message}`);
        throw new HttpError(400, 'BAD_REQUEST', `Richiesta non valida: ${issues.join('; ')}`);
      }
      return parsed.data;
    }

    /** One /v1 call, computed without touching the socket (so a duplicate can run it twice). */
    function v1(req: http.IncomingMessage, url: URL, raw: string, serverTime: string): Reply {
      const route = `${req.method ?? ''} ${url.pathname}`;
      switch (route) {
        case `${CENTRAL_ENDPOINTS.enrol.method} ${CENTRAL_ENDPOINTS.enrol.path}`: {
          const request = parseBody(CENTRAL_ENDPOINTS.enrol.request, raw);
          const body: EnrolResponse = { serverTime, ...enrol(sqlite, request, new Date(serverTime)) };
          return { status: 200, body };
        }
        case `${CENTRAL_ENDPOINTS.feed.method} ${CENTRAL_ENDPOINTS.feed.path}`: {
          const counterCode = authenticate(req);
          const limitText = url.searchParams.get('limit');
          const limit = limitText === null || limitText === '' ? FEED_DEFAULT_LIMIT : Number(limitText);
          if (!Number.isInteger(limit) || limit < 1) {
            throw new HttpError(400, 'BAD_REQUEST', `Limite non valido: "${limitText}".`);
          }
          const page = feed.page(counterCode, url.searchParams.get('cursor') ?? '', Math.min(limit, FEED_MAX_LIMIT));
          const body: FeedResponse = {
            serverTime,
            ...page,
            ...(page.hasMore ? {} : { receiptNumbering: receiptNumbering(sqlite, counterCode) }),
          };
          return { status: 200, body };
        }
        case `${CENTRAL_ENDPOINTS.push.method} ${CENTRAL_ENDPOINTS.push.path}`: {
          const counterCode = authenticate(req);
          const request = parseBody(CENTRAL_ENDPOINTS.push.request, raw);
          const body: PushResponse = { serverTime, results: pusher.push(counterCode, request, serverTime) };
          return { status: 200, body };
        }
        case `${CENTRAL_ENDPOINTS.noticeBlocks.method} ${CENTRAL_ENDPOINTS.noticeBlocks.path}`: {
          const counterCode = authenticate(req);
          const request = parseBody(CENTRAL_ENDPOINTS.noticeBlocks.request, raw);
          const body: NoticeBlockResponse = {
            serverTime,
            ...notices.assignBlock(counterCode, request, new Date(serverTime)),
          };
          return { status: 200, body };
        }
        case `${CENTRAL_ENDPOINTS.time.method} ${CENTRAL_ENDPOINTS.time.path}`:
          authenticate(req);
          return { status: 200, body: { serverTime } };
        default:
          throw new HttpError(404, 'BAD_REQUEST', `Risorsa sconosciuta: ${route}`);
      }
    }

    function admin(req: http.IncomingMessage, url: URL, raw: string): Reply {
      const method = req.method ?? '';
      const path = url.pathname;
      const faultState = () => ({ faults: faults.current(), injected: faults.injected() });
      if (method === 'GET' && path === '/admin/faults') return { status: 200, body: faultState() };
      if (method === 'POST' && path === '/admin/faults') {
        try {
          faults.set(parseFaultSpec(raw));
        } catch (e) {
          throw new HttpError(400, 'BAD_REQUEST', e instanceof Error ? e.message : String(e));
        }
        return { status: 200, body: faultState() };
      }
      if (method === 'GET' && path === '/admin/operations') {
        return { status: 200, body: { operations: listOperations(sqlite) } };
      }
      if (method === 'GET' && path === '/admin/closings') {
        return { status: 200, body: { closings: centralTill(sqlite).closings() } };
      }
      if (method === 'GET' && path === '/admin/state') {
        return { status: 200, body: { ...readState(sqlite), ...faultState() } };
      }
      const accountMatch = /^\/admin\/accounts\/([^/]+)$/.exec(path);
      if (method === 'GET' && accountMatch?.[1]) {
        const account = readAccount(sqlite, decodeURIComponent(accountMatch[1]));
        if (account === null) throw new HttpError(404, 'BAD_REQUEST', `Conto ${accountMatch[1]} sconosciuto.`);
        return { status: 200, body: account };
      }
      const noticeReply = noticeAdmin(notices, method, path, raw, now());
      if (noticeReply !== null) return noticeReply;
      if (method === 'POST' && path === '/admin/enrolment-codes') {
        const { counterCode } = parseBody(EnrolmentCodeRequest, raw);
        return { status: 200, body: { code: createEnrolmentCode(sqlite, counterCode, now()) } };
      }
      if (method === 'POST' && path === '/admin/simulate/meals') {
        const request = parseBody(MealsRequest, raw);
        return { status: 200, body: simulateMeals(sqlite, request.date, request.priceCents ?? mealPriceCents, now()) };
      }
      if (method === 'POST' && path === '/admin/simulate/pagopa') {
        const request = parseBody(PagopaRequest, raw);
        const payment = { accountId: request.accountId, amountCents: request.amountCents };
        return {
          status: 200,
          body: simulatePagopa(sqlite, request.id === undefined ? payment : { ...payment, id: request.id }, now()),
        };
      }
      throw new HttpError(404, 'BAD_REQUEST', `Risorsa sconosciuta: ${method} ${path}`);
    }

    /** Turns any failure of a handler into the CentralError reply it deserves. */
    function guarded(compute: () => Reply, serverTime: string): Reply {
      try {
        return compute();
      } catch (e) {
        const error = asHttpError(e);
        const body: CentralError = { serverTime, error: { code: error.code, message: error.message } };
        return { status: error.status, body };
      }
    }

    async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let raw: string;
      try {
        raw = await readBody(req);
      } catch (e) {
        send(
          res,
          guarded(() => {
            throw e;
          }, now().toISOString()),
        );
        return;
      }
      if (url.pathname.startsWith('/admin/')) {
        send(
          res,
          guarded(() => admin(req, url, raw), now().toISOString()),
        );
        return;
      }
      if (!url.pathname.startsWith('/v1/')) {
        send(
          res,
          guarded(() => {
            throw new HttpError(404, 'BAD_REQUEST', `Risorsa sconosciuta: ${url.pathname}`);
          }, now().toISOString()),
        );
        return;
      }
      const spec = faults.current();
      if (spec.latency > 0) await delay(spec.latency);
      const fault = faults.draw();
      const serverTime = now().toISOString();
      switch (fault) {
        case 'error500':
          send(
            res,
            guarded(() => {
              throw new HttpError(500, 'INTERNAL', 'Errore interno del servizio centrale (simulato).');
            }, serverTime),
          );
          return;
        case 'error503':
          res.setHeader('Retry-After', '1');
          send(
            res,
            guarded(() => {
              throw new HttpError(503, 'UNAVAILABLE', 'Servizio centrale non disponibile (simulato).');
            }, serverTime),
          );
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'dropAfterCommit':
          guarded(() => v1(req, url, raw, serverTime), serverTime);
          req.socket.destroy();
          return;
        case 'duplicate': {
          const first = guarded(() => v1(req, url, raw, serverTime), serverTime);
          // Only a push is worth delivering twice: the other calls would just read again.
          const isPush = req.method === CENTRAL_ENDPOINTS.push.method && url.pathname === CENTRAL_ENDPOINTS.push.path;
          send(res, isPush ? guarded(() => v1(req, url, raw, serverTime), serverTime) : first);
          return;
        }
        case 'none':
          send(
            res,
            guarded(() => v1(req, url, raw, serverTime), serverTime),
          );
          return;
        default: {
          const never: never = fault;
          throw new Error(`guasto sconosciuto: ${String(never)}`);
        }
      }
    }

    const httpServer = http.createServer((req, res) => {
      handle(req, res).catch((e: unknown) => {
        if (!res.headersSent && !res.destroyed) {
          send(res, {
            status: 500,
            body: { serverTime: now().toISOString(), error: { code: 'INTERNAL', message: String(e) } },
          });
        }
      });
    });
    server = httpServer;
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? 0, '127.0.0.1', () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
    const port = (httpServer.address() as AddressInfo).port;
    let closing: Promise<void> | null = null;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      sqlite,
      faults,
      loaded,
      createEnrolmentCode: (counterCode) => createEnrolmentCode(sqlite, counterCode, now()),
      close() {
        closing ??= new Promise<void>((resolve) => {
          httpServer.close(() => resolve());
          httpServer.closeAllConnections();
        }).then(() => {
          sqlite.close();
        });
        return closing;
      },
    };
  } catch (e) {
    server?.close();
    sqlite.close();
    throw e;
  }
}

function asHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if (e instanceof BadCursorError) return new HttpError(400, 'BAD_CURSOR', e.message);
  if (e instanceof NoticeRefusal) return new HttpError(e.status, 'BAD_REQUEST', e.message);
  if (e instanceof EnrolmentRefusedError) return new HttpError(401, 'CODE_INVALID', e.message);
  if (e instanceof WrongCounterError) return new HttpError(409, 'WRONG_COUNTER', e.message);
  if (e instanceof UnknownCounterError || e instanceof UnknownAccountError) {
    return new HttpError(404, 'BAD_REQUEST', e.message);
  }
  return new HttpError(
    500,
    'INTERNAL',
    `Errore interno del servizio centrale: ${e instanceof Error ? e.message : String(e)}`,
  );
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(400, 'BAD_REQUEST', 'Richiesta troppo grande.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, reply: Reply): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
