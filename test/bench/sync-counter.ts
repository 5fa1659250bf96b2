import { randomUUID } from 'node:crypto';
/**
 * The counter side of the sync bench, run as a child process of run.ts so that its peak RSS is the
 * counter's alone (the emulator, with its own database and HTTP server, stays in the parent).
 * Argument: one JSON CounterPlan. Progress on stderr; the figures go back over the IPC channel.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { SyncStatus } from '../../shared/contract';
import { openCore } from '../../src-main/core/core';
import type { Core } from '../../src-main/core/types';
import { BENCH_COUNTER, instantPrinter, loginFresh, valueOf } from './session';
import { openCounterFile } from '../support/counter-file';

export interface CounterPlan {
  centralUrl: string;
  accounts: number;
  /** Top-ups queued at the counter before the timed push. */
  operations: number;
  /** Central payments made before each timed incremental sync. */
  changes: number;
  runs: number;
}

export interface CounterFigures {
  initial: { accounts: number; seconds: number; peakRssMb: number };
  push: { operations: number; seconds: number; syncSeconds: number; queueSeconds: number };
  incremental: { changes: number; runsMs: number[] };
  /** Peak RSS of the counter process at the end of every part. */
  finalPeakRssMb: number;
}

export type CounterMessage = { type: 'figures'; figures: CounterFigures };

const HOUR = 3_600_000;

function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function seconds(from: bigint): number {
  return Number(process.hrtime.bigint() - from) / 1e9;
}

/**
 * The emulator's admin endpoints, one connection per call: the minutes spent queueing top-ups
 * would outlive a kept-alive socket, and a reused dead socket fails the request.
 */
function admin<T>(centralUrl: string, route: string, body?: unknown): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${centralUrl}${route}`,
      {
        method: payload === undefined ? 'GET' : 'POST',
        agent: false,
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`${route}: HTTP ${String(res.statusCode)} ${text}`));
          else resolve(JSON.parse(text) as T);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Resolves with the first status event that satisfies the predicate (listening starts now). */
function nextStatus(core: Core, predicate: (s: SyncStatus) => boolean): Promise<SyncStatus> {
  return new Promise((resolve) => {
    const off = core.on((event, payload) => {
      if (event === 'sync.status' && predicate(payload as SyncStatus)) {
        off();
        resolve(payload as SyncStatus);
      }
    });
  });
}

/** A sync that failed must stop the bench: its time would be the time of an error. */
function checkSynced(status: SyncStatus, what: string): void {
  if (status.lastError !== null || !status.online) throw new Error(`${what}: ${status.lastError ?? 'offline'}`);
}

async function initialSync(core: Core, plan: CounterPlan, sql: () => BetterSqlite3.Database) {
  const { code } = await admin<{ code: string }>(plan.centralUrl, '/admin/enrolment-codes', {
    counterCode: BENCH_COUNTER,
  });
  const finished = nextStatus(core, (s) => (s.initialSync.done && s.lastSyncAt !== null) || s.lastError !== null);
  progress(`sync iniziale: ${plan.accounts} conti dall'emulatore ...`);
  const started = process.hrtime.bigint();
  // Enrolment starts the first sync at once; it ends with the status that carries lastSyncAt.
  valueOf(await core.invoke('bench-enrol', 'sync.enrol', { code }), 'sync.enrol');
  const status = await finished;
  const elapsed = seconds(started);
  checkSynced(status, 'sync iniziale');
  const rss = peakRssMb();
  const pulled = sql().prepare('SELECT count(*) FROM accounts').pluck().get() as number;
  if (pulled !== plan.accounts) throw new Error(`sync iniziale: ${pulled} conti al banco, attesi ${plan.accounts}`);
  progress(`sync iniziale: ${elapsed.toFixed(1)} s, RSS massimo del banco ${rss} MB`);
  return { accounts: pulled, seconds: elapsed, peakRssMb: rss };
}

async function push(core: Core, plan: CounterPlan, sql: () => BetterSqlite3.Database) {
  const ids = sql().prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as string[];
  const sessionId = await loginFresh(core, 'sync-push');
  // Opening the till (in loginFresh) is an operation to send too: count the top-ups on top of it.
  const baseline = (valueOf(await core.invoke(sessionId, 'sync.status', {}), 'sync.status') as SyncStatus).pendingCount;
  progress(`push: ${plan.operations} ricariche in coda (la sync non parte: il trigger è a un'ora) ...`);
  const queueStart = process.hrtime.bigint();
  for (let i = 0; i < plan.operations; i++) {
    // Spread over the roster; a small roster is topped up more than once (confirmDuplicate).
    const accountId = ids[Math.floor((i * ids.length) / plan.operations) % ids.length] ?? '';
    valueOf(
      await core.invoke(sessionId, 'topups.record', {
        requestId: randomUUID(),
        accountId,
        amountCents: 1000,
        method: 'cash',
        confirmDuplicate: true,
      }),
      `topup ${accountId}`,
    );
  }
  const queueSeconds = seconds(queueStart);
  const queued = valueOf(await core.invoke(sessionId, 'sync.status', {}), 'sync.status') as SyncStatus;
  if (queued.pendingCount - baseline !== plan.operations) {
    throw new Error(`push: ${queued.pendingCount - baseline} ricariche in coda, attese ${plan.operations}`);
  }
  const before = await admin<{ counts: { operations: number } }>(plan.centralUrl, '/admin/state');
  // The push ends when the status says nothing is pending; the same sync.now then pulls the
  // accounts the push changed (reported apart as syncSeconds).
  const drained = nextStatus(core, (s) => s.pendingCount === 0);
  const started = process.hrtime.bigint();
  const syncing = core.invoke(sessionId, 'sync.now', {});
  await drained;
  const pushSeconds = seconds(started);
  const status = valueOf(await syncing, 'sync.now') as SyncStatus;
  const syncSeconds = seconds(started);
  checkSynced(status, 'push');
  const after = await admin<{ counts: { operations: number } }>(plan.centralUrl, '/admin/state');
  const received = after.counts.operations - before.counts.operations;
  if (received !== plan.operations) throw new Error(`push: il centrale ha ${received} operazioni nuove`);
  progress(
    `push: ${plan.operations} operazioni in ${pushSeconds.toFixed(2)} s (sync completa ${syncSeconds.toFixed(2)} s)`,
  );
  return { operations: plan.operations, seconds: pushSeconds, syncSeconds, queueSeconds };
}

async function incremental(core: Core, plan: CounterPlan, sql: () => BetterSqlite3.Database) {
  const ids = sql().prepare('SELECT id FROM accounts ORDER BY papay_code').pluck().all() as string[];
  const payments = sql().prepare("SELECT count(*) FROM ledger WHERE kind = 'topup_pagopa'").pluck();
  const runsMs: number[] = [];
  for (let run = 0; run < plan.runs; run++) {
    // Each run pays other accounts: every payment is an entry and an account changed centrally.
    for (let i = 0; i < plan.changes; i++) {
      const accountId = ids[(run * plan.changes + i) % ids.length] ?? '';
      await admin(plan.centralUrl, '/admin/simulate/pagopa', { accountId, amountCents: 2500 });
    }
    const sessionId = await loginFresh(core, `sync-incremental-${run}`);
    const before = payments.get() as number;
    const started = process.hrtime.bigint();
    const status = valueOf(await core.invoke(sessionId, 'sync.now', {}), 'sync.now') as SyncStatus;
    const ms = seconds(started) * 1000;
    checkSynced(status, 'sync incrementale');
    const arrived = (payments.get() as number) - before;
    if (arrived !== plan.changes)
      throw new Error(`sync incrementale: ${arrived} pagamenti arrivati su ${plan.changes}`);
    runsMs.push(ms);
    progress(`sync incrementale run ${run + 1}/${plan.runs}: ${plan.changes} pagamenti in ${ms.toFixed(0)} ms`);
  }
  return { changes: plan.changes, runsMs };
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.argv[2] ?? '') as CounterPlan;
  // A new PC: an empty data folder, only the central's address and the counter code.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-counter-'));
  const core = await openCore({
    dataDir,
    counterCode: BENCH_COUNTER,
    centralUrl: plan.centralUrl,
    receiptPrinter: instantPrinter,
    // The bench says when to sync: no timer and no sync after each top-up.
    syncIntervalMs: HOUR,
    syncDebounceMs: HOUR,
    syncRequestTimeoutMs: 60_000,
  });
  // A second connection only to count what the core wrote, opened once the core has made the file.
  const reader: { sqlite: BetterSqlite3.Database | null } = { sqlite: null };
  const sql = () => (reader.sqlite ??= openCounterFile(dataDir, { readonly: true }));
  try {
    const initial = await initialSync(core, plan, sql);
    const pushed = await push(core, plan, sql);
    const changes = await incremental(core, plan, sql);
    const message: CounterMessage = {
      type: 'figures',
      figures: { initial, push: pushed, incremental: changes, finalPeakRssMb: peakRssMb() },
    };
    process.send?.(message);
  } finally {
    reader.sqlite?.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  progress(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
