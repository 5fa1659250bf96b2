import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startCentral, type CentralOptions, type RunningCentral } from '../../../central';
import { INSTALLATION_HEADER, type Operation } from '../../../shared/central';

/** Test helpers: an emulator in its own temp folder and a bare HTTP client of it. */
export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
}

export async function startTestCentral(options: Partial<CentralOptions> = {}): Promise<RunningCentral> {
  // A small benchmark roster: the same builders as the demo, fast to load.
  const withRoster = options.demo === true || options.benchAccounts !== undefined ? {} : { benchAccounts: 120 };
  return startCentral({ dataDir: tempDir(), ...withRoster, ...options });
}

export interface HttpReply {
  status: number;
  body: unknown;
}

export async function call(
  central: { url: string },
  method: 'GET' | 'POST',
  pathAndQuery: string,
  opts: { token?: string; body?: unknown; rawBody?: string; installationId?: string } = {},
): Promise<HttpReply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  if (opts.installationId !== undefined) headers[INSTALLATION_HEADER] = opts.installationId;
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const res = await fetch(`${central.url}${pathAndQuery}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

export async function enrolCounter(central: RunningCentral, counterCode: string): Promise<string> {
  const code = central.createEnrolmentCode(counterCode);
  const reply = await call(central, 'POST', '/v1/enrol', { body: { code, deviceName: `pc-${counterCode}` } });
  if (reply.status !== 200) throw new Error(`enrol ${reply.status}: ${JSON.stringify(reply.body)}`);
  return (reply.body as { token: string }).token;
}

export interface AccountRow {
  id: string;
  papayCode: string;
  service: string;
}

export function someAccounts(central: RunningCentral, n: number, service?: string): AccountRow[] {
  const where = service === undefined ? '' : 'WHERE service = ?';
  const rows = central.sqlite
    .prepare(`SELECT id, papay_code AS papayCode, service FROM accounts ${where} ORDER BY id LIMIT ?`)
    .all(...(service === undefined ? [n] : [service, n])) as AccountRow[];
  if (rows.length < n) throw new Error('troppo pochi conti nel roster di prova');
  return rows;
}

let receiptCounter = 0;
export function topup(
  account: AccountRow,
  counterCode: string,
  amountCents: number,
  extra: Partial<Extract<Operation, { type: 'topup' }>> = {},
): Extract<Operation, { type: 'topup' }> {
  receiptCounter++;
  return {
    type: 'topup',
    id: randomUUID(),
    accountId: account.id,
    counterCode,
    operatorCode: 'sportello1',
    receiptNo: `${counterCode}/2026/${String(receiptCounter).padStart(6, '0')}`,
    createdAt: new Date().toISOString(),
    papayCode: account.papayCode,
    amountCents,
    method: 'cash',
    payerCf: null,
    posAuthCode: null,
    ...extra,
  };
}

export function voidOf(
  original: Extract<Operation, { type: 'topup' }>,
  extra: Partial<Extract<Operation, { type: 'void' }>> = {},
): Extract<Operation, { type: 'void' }> {
  // A void takes the next number of its counter's sequence, as at the counter.
  receiptCounter++;
  return {
    type: 'void',
    id: randomUUID(),
    accountId: original.accountId,
    counterCode: original.counterCode,
    operatorCode: 'sportello1',
    receiptNo: `${original.counterCode}/2026/${String(receiptCounter).padStart(6, '0')}`,
    createdAt: new Date().toISOString(),
    voidsId: original.id,
    amountCents: -original.amountCents,
    reason: 'Importo sbagliato',
    approvedBy: 'supervisore',
    ...extra,
  };
}

/** opening + sum(entries) for every account, against the stored balance: the ledger invariant. */
export function balanceMismatches(central: RunningCentral): number {
  return central.sqlite
    .prepare(
      `SELECT count(*) FROM accounts a
       WHERE a.balance_cents <> a.opening_balance_cents +
         coalesce((SELECT sum(amount_cents) FROM ledger l WHERE l.account_id = a.id), 0)`,
    )
    .pluck()
    .get() as number;
}
