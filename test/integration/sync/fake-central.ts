import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FeedItem, Operation, OperationResult } from '../../../shared/central';
import { PushRequest } from '../../../shared/central';

/**
 * A small central service under the test's control (real HTTP on loopback): the ledger dedups on
 * the operation id, feed items are whatever the test publishes, and faults are queued per request.
 * It is deliberately dumb: the precise failure cases are the point.
 * Why beside the emulator (central/): the emulator is faithful (its own ledger, random faults by
 * rate); these tests need one exact fault on one exact request and a feed they write item by item.
 */
export type Fault = 'http500' | 'reset' | 'hang' | 'garbage' | 'acceptThenReset';

/** The operations that move a balance (the fake keeps no notices or registrations). */
type LedgerOperation = Extract<Operation, { type: 'topup' | 'void' }>;

interface Stored {
  seq: number;
  op: LedgerOperation;
}

export class FakeCentral {
  url = '';
  token = 'T'.repeat(40);
  revoked = false;
  counterCode = 'SE1';
  enrolCodes = new Set<string>(['CODICE-UNO']);
  receiptNumbering: { year: number; lastNumber: number }[] = [];
  /** Added to the real time in serverTime (a PC clock that is off shows as the opposite offset). */
  serverClockOffsetMs = 0;
  /** The central's own time: the real time unless a test hands it the counter's test clock. */
  nowMs: () => number = Date.now;
  /** Faults for the next push requests, consumed one per request. */
  pushFaults: Fault[] = [];
  feedFaults: Fault[] = [];
  /** Operation ids the central refuses, with the reason. */
  rejections = new Map<string, string>();
  /** Every push request body as received (to check resends carry the same ids). */
  readonly pushes: Operation[][] = [];
  readonly feedRequests: string[] = [];
  readonly ledger = new Map<string, Stored>();
  seq: number;
  private readonly changes: FeedItem[] = [];
  private server: http.Server | null = null;
  private readonly hanging: http.ServerResponse[] = [];
  private hangListeners: (() => void)[] = [];

  /** Resolves when a request is being held by a 'hang' fault. */
  nextHang(): Promise<void> {
    return new Promise((resolve) => this.hangListeners.push(resolve));
  }

  constructor(startSeq = 0) {
    this.seq = startSeq;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Items the next feed reads will return, in change order. */
  publish(...items: FeedItem[]): void {
    this.changes.push(...items);
  }

  /** An account item with the balance the central derives: opening + its accepted operations. */
  accountItem(
    base: { id: string; childId: string; service: 'refezione' | 'trasporto' | 'asilo_nido'; papayCode: string },
    openingCents: number,
  ): Extract<FeedItem, { type: 'account' }> {
    let sum = 0;
    for (const s of this.ledger.values()) if (s.op.accountId === base.id) sum += s.op.amountCents;
    return {
      type: 'account',
      ...base,
      balanceCents: openingCents + sum,
      balanceSeq: this.seq,
      balanceAt: new Date().toISOString(),
    };
  }

  /** The echo of an accepted operation as a feed entry. */
  entryItem(id: string): FeedItem {
    const s = this.ledger.get(id);
    if (!s) throw new Error(`not on the fake ledger: ${id}`);
    return {
      type: 'entry',
      id,
      seq: s.seq,
      accountId: s.op.accountId,
      kind: s.op.type === 'void' ? 'void' : s.op.method === 'cash' ? 'topup_cash' : 'topup_card',
      amountCents: s.op.amountCents,
      createdAt: s.op.createdAt,
      counterCode: s.op.counterCode,
      voidsId: s.op.type === 'void' ? s.op.voidsId : null,
    };
  }

  private serverTime(): string {
    return new Date(this.nowMs() + this.serverClockOffsetMs).toISOString();
  }

  private json(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private error(res: http.ServerResponse, status: number, code: string, message: string): void {
    this.json(res, status, { serverTime: this.serverTime(), error: { code, message } });
  }

  private fault(res: http.ServerResponse, fault: Fault | undefined): boolean {
    switch (fault) {
      case undefined:
      case 'acceptThenReset':
        return false;
      case 'http500':
        this.error(res, 500, 'INTERNAL', 'guasto simulato');
        return true;
      case 'reset':
        res.socket?.destroy();
        return true;
      case 'hang':
        this.hanging.push(res);
        for (const l of this.hangListeners.splice(0)) l();
        return true;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"non":"valido"');
        return true;
    }
  }

  private authorised(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      this.error(res, 401, 'UNAUTHORIZED', 'token sconosciuto');
      return false;
    }
    if (this.revoked) {
      this.error(res, 401, 'TOKEN_REVOKED', 'token revocato: lo sportello è stato attivato su un altro PC');
      return false;
    }
    return true;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/v1/enrol') {
      const { code } = JSON.parse(body) as { code: string };
      if (!this.enrolCodes.delete(code)) return this.error(res, 400, 'CODE_INVALID', 'codice non valido o già usato');
      this.revoked = false;
      return this.json(res, 200, {
        serverTime: this.serverTime(),
        counterCode: this.counterCode,
        token: this.token,
        receiptNumbering: this.receiptNumbering,
      });
    }
    if (req.method === 'POST' && url.pathname === '/v1/operations') {
      const fault = this.pushFaults.shift();
      if (this.fault(res, fault)) return;
      if (!this.authorised(req, res)) return;
      const { operations } = PushRequest.parse(JSON.parse(body));
      this.pushes.push(operations);
      const results: OperationResult[] = operations.map((op) => {
        const reason = this.rejections.get(op.id);
        if (reason) return { id: op.id, status: 'rejected', reason };
        const known = this.ledger.get(op.id);
        if (known) return { id: op.id, status: 'accepted', seq: known.seq };
        this.seq += 1;
        if (op.type === 'topup' || op.type === 'void') this.ledger.set(op.id, { seq: this.seq, op });
        return { id: op.id, status: 'accepted', seq: this.seq };
      });
      // Stored, but the reply is lost on the way back.
      if (fault === 'acceptThenReset') return void res.socket?.destroy();
      return this.json(res, 200, { serverTime: this.serverTime(), results });
    }
    if (req.method === 'GET' && url.pathname === '/v1/feed') {
      if (this.fault(res, this.feedFaults.shift())) return;
      if (!this.authorised(req, res)) return;
      const cursor = url.searchParams.get('cursor') ?? '';
      const limit = Number(url.searchParams.get('limit') ?? '100');
      this.feedRequests.push(cursor);
      const from = cursor === '' ? 0 : Number(cursor);
      if (!Number.isInteger(from) || from < 0 || from > this.changes.length) {
        return this.error(res, 400, 'BAD_CURSOR', 'cursore sconosciuto');
      }
      const items = this.changes.slice(from, from + limit);
      const next = from + items.length;
      return this.json(res, 200, {
        serverTime: this.serverTime(),
        items,
        nextCursor: String(next),
        hasMore: next < this.changes.length,
        remaining: this.changes.length - next,
      });
    }
    this.error(res, 404, 'BAD_REQUEST', 'percorso sconosciuto');
  }
}
