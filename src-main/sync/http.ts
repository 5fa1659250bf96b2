import type { z } from 'zod';
import {
  CentralError,
  EnrolResponse,
  FeedResponse,
  INSTALLATION_HEADER,
  NoticeBlockResponse,
  PushResponse,
  type EnrolRequest,
  type NoticeBlockRequest,
  type Operation,
} from '../../shared/central';
import { OFFLINE_HINT } from '../../shared/errors';
import { INSECURE_URL, isSecureServiceUrl } from '../../shared/station';

/**
 * The HTTP client of the central service (shared/central.ts). Every reply is validated with zod;
 * failures are sorted into what the sync loop must do about them:
 * - CentralTransportError: no answer, timeout, reset, 5xx, an unreadable reply -> retry later;
 * - CentralRevokedError: our token is no longer valid -> stop and tell the operator;
 * - CentralRefusedError: the central understood and said no (bad code, bad cursor...).
 */

export const CENTRAL_UNREACHABLE = `Servizio centrale non raggiungibile: ${OFFLINE_HINT}`;
export const CENTRAL_UNAVAILABLE = `Servizio centrale momentaneamente non disponibile: ${OFFLINE_HINT}`;

/**
 * The link or the central failed; the operation is retried. `message` is plain Italian for the operator,
 * `detail` the technical reason (error code, HTTP status, path) for the log only.
 */
export class CentralTransportError extends Error {
  constructor(
    message: string,
    readonly detail: string = message,
  ) {
    super(message);
    this.name = 'CentralTransportError';
  }
}

export class CentralRevokedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CentralRevokedError';
  }
}

/** Another installation uses this counter's token (a copy of the data folder): this PC must stop. */
export class CentralSecondInstallationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CentralSecondInstallationError';
  }
}

export class CentralRefusedError extends Error {
  constructor(
    readonly code: CentralError['error']['code'],
    message: string,
  ) {
    super(message);
    this.name = 'CentralRefusedError';
  }
}

export interface TimedReply<T> {
  value: T;
  /** Local time (ms) half way through the call: compared with serverTime to estimate the offset. */
  localMidpointMs: number;
}

export interface CentralClientOptions {
  baseUrl: string;
  token?: string | null;
  /** This installation's id, sent with every authenticated call and at enrolment. */
  installationId?: string;
  timeoutMs?: number;
  /** Local time source (tests move it); the call's duration is measured with it too. */
  nowMs?: () => number;
  /** Aborts calls in flight (the core is closing). */
  signal?: AbortSignal;
}

export class CentralClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly nowMs: () => number;

  constructor(private readonly opts: CentralClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.nowMs = opts.nowMs ?? Date.now;
  }

  enrol(request: EnrolRequest): Promise<TimedReply<EnrolResponse>> {
    const withId =
      this.opts.installationId !== undefined ? { ...request, installationId: this.opts.installationId } : request;
    return this.call('POST', '/v1/enrol', withId, EnrolResponse, false);
  }

  feed(cursor: string, limit: number): Promise<TimedReply<FeedResponse>> {
    const q = new URLSearchParams({ cursor, limit: String(limit) });
    return this.call('GET', `/v1/feed?${q.toString()}`, null, FeedResponse, true);
  }

  push(operations: Operation[]): Promise<TimedReply<PushResponse>> {
    return this.call('POST', '/v1/operations', { operations }, PushResponse, true);
  }

  noticeBlock(request: NoticeBlockRequest): Promise<TimedReply<NoticeBlockResponse>> {
    return this.call('POST', '/v1/notice-blocks', request, NoticeBlockResponse, true);
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    pathAndQuery: string,
    body: unknown,
    schema: S,
    auth: boolean,
  ): Promise<TimedReply<z.output<S>>> {
    // An address stored before https was required: the token and the data do not leave on it.
    if (!isSecureServiceUrl(this.baseUrl)) throw new CentralTransportError(`${INSECURE_URL}.`, 'indirizzo http');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== null) headers['content-type'] = 'application/json';
    if (auth) {
      if (!this.opts.token) throw new CentralRevokedError('Sportello non attivato presso il servizio centrale.');
      headers.authorization = `Bearer ${this.opts.token}`;
      if (this.opts.installationId !== undefined) headers[INSTALLATION_HEADER] = this.opts.installationId;
    }
    const started = this.nowMs();
    let status: number;
    let text: string;
    // A controller and a timer of our own rather than AbortSignal.any(AbortSignal.timeout(...)): on
    // Node 20 such composed signals can be garbage-collected before they fire, and then a central
    // that never answers hangs the sync for good (seen in CI under load).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const closing = this.opts.signal;
    const onClosing = () => controller.abort();
    if (closing?.aborted) controller.abort();
    else closing?.addEventListener('abort', onClosing, { once: true });
    try {
      const res = await fetch(`${this.baseUrl}${pathAndQuery}`, {
        method,
        headers,
        ...(body !== null ? { body: JSON.stringify(body) } : {}),
        signal: controller.signal,
      });
      status = res.status;
      text = await res.text();
    } catch (e) {
      const why = timedOut ? 'tempo scaduto' : describe(e);
      throw new CentralTransportError(CENTRAL_UNREACHABLE, why);
    } finally {
      clearTimeout(timer);
      closing?.removeEventListener('abort', onClosing);
    }
    const localMidpointMs = (started + this.nowMs()) / 2;
    const json = parseJson(text);
    if (status >= 200 && status < 300) {
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        // A reply we cannot read is a fault of the link or the server, not of our data: retry.
        throw new CentralTransportError(CENTRAL_UNAVAILABLE, `risposta non valida (${method} ${pathAndQuery})`);
      }
      return { value: parsed.data, localMidpointMs };
    }
    const error = CentralError.safeParse(json);
    if (status >= 500 || status === 408 || status === 429 || !error.success) {
      throw new CentralTransportError(CENTRAL_UNAVAILABLE, `HTTP ${status}`);
    }
    const { code, message } = error.data.error;
    if (code === 'TOKEN_REVOKED' || code === 'UNAUTHORIZED') throw new CentralRevokedError(message);
    if (code === 'SECOND_INSTALLATION') throw new CentralSecondInstallationError(message);
    if (code === 'INTERNAL' || code === 'UNAVAILABLE') {
      throw new CentralTransportError(CENTRAL_UNAVAILABLE, `${code}: ${message}`);
    }
    throw new CentralRefusedError(code, message);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function describe(e: unknown): string {
  if (e instanceof Error) {
    const cause = e.cause;
    if (cause instanceof Error && 'code' in cause) return String(cause.code);
    return e.message;
  }
  return String(e);
}
