import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoDataDir, openTestCore, pick, type TestCore } from '../../support/core-fixture';
import type BetterSqlite3 from 'better-sqlite3';
import { openCounterFile } from '../../support/counter-file';
import { familyOfTwo } from '../../support/family';

const CHILD = path.join(__dirname, '..', '..', 'support', 'crash-child.ts');

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function someAccounts(dataDir: string, n: number): string[] {
  const db = openCounterFile(dataDir, { readonly: true });
  const ids = (db.prepare('SELECT id FROM accounts ORDER BY papay_code LIMIT ?').all(n) as { id: string }[]).map(
    (r) => r.id,
  );
  db.close();
  return ids;
}

/** Runs the child; resolves with its exit signal once it is gone. `killAfter` kills it after that many commits. */
function runChild(
  dataDir: string,
  mode: string,
  killAfter?: number,
  env: Record<string, string> = {},
): Promise<{ signal: NodeJS.Signals | null; commits: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, mode], {
      env: { ...process.env, CRASH_ACCOUNTS: someAccounts(dataDir, 7).join(','), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let commits = 0;
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      commits += chunk.split('\n').filter((l) => l.startsWith('committed')).length;
      if (killAfter !== undefined && commits >= killAfter) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, commits, stderr }));
  });
}

function invariants(sql: BetterSqlite3.Database) {
  const p = pick(sql);
  const local = p.count('ledger', "origin = 'local'");
  const numbers = (
    sql.prepare("SELECT number FROM receipts WHERE counter_code = 'SE1' ORDER BY number").all() as { number: number }[]
  ).map((r) => r.number);
  return {
    local,
    receipts: p.count('receipts'),
    outbox: p.count('outbox'),
    audit: p.count('audit', "action LIKE 'topup.%'"),
    orphanLedger: p.count(
      'ledger l',
      "origin = 'local' AND NOT EXISTS (SELECT 1 FROM receipts r WHERE r.operation_id = l.id) ",
    ),
    orphanOutbox: p.count('outbox o', 'NOT EXISTS (SELECT 1 FROM ledger l WHERE l.id = o.operation_id)'),
    gapless: numbers.every((n, i) => n === i + 1),
    integrity: sql.pragma('integrity_check', { simple: true }) as string,
  };
}

describe('a counter process killed at the worst moments', () => {
  it('killed right after the commit: the operation is whole and its receipt waits to be printed', async () => {
    const dataDir = demoDataDir();
    const run = await runChild(dataDir, 'after-commit');
    expect(run.signal).toBe('SIGKILL');
    t = await openTestCore({ dataDir });
    const inv = invariants(t.sql);
    expect(inv).toEqual({
      local: 1,
      receipts: 1,
      outbox: 1,
      audit: 1,
      orphanLedger: 0,
      orphanOutbox: 0,
      gapless: true,
      integrity: 'ok',
    });
    await t.login('sportello1', '2468');
    const pending = await t.must('receipts.list', { unprintedOnly: true });
    expect(pending.items).toHaveLength(1);
    const printed = await t.must('receipts.printPending', { receiptNo: pending.items[0]!.receiptNo });
    expect(printed.printed).toBe(true);
    expect(t.printer.jobs[0]?.qr).toBe(pending.items[0]!.operationId);
    // The next operation continues the numbering.
    const acc = pick(t.sql).account();
    const next = await t.must('topups.record', { accountId: acc.id, amountCents: 1234, method: 'cash' });
    expect(next.receiptNo).toBe('SE1/2026/000002');
  });

  it('killed at random moments while recording: never a half-written operation, numbering gapless', async () => {
    const dataDir = demoDataDir();
    let committedSeen = 0;
    for (const killAfter of [3, 17, 41]) {
      const run = await runChild(dataDir, 'loop', killAfter);
      expect(run.signal, run.stderr).toBe('SIGKILL');
      committedSeen += run.commits;
      const sql = openCounterFile(dataDir);
      const inv = invariants(sql);
      sql.close();
      expect(inv.orphanLedger).toBe(0);
      expect(inv.orphanOutbox).toBe(0);
      expect(inv.receipts).toBe(inv.local);
      expect(inv.outbox).toBe(inv.local);
      expect(inv.audit).toBe(inv.local);
      expect(inv.gapless).toBe(true);
      expect(inv.integrity).toBe('ok');
      // Every commit the child announced is on disk (it may have committed one more it could not announce).
      expect(inv.local).toBeGreaterThanOrEqual(committedSeen);
      committedSeen = inv.local;
    }
  });

  it('killed in the middle of a close, again and again: each close is whole or absent', async () => {
    const dataDir = demoDataDir();
    const run = await runChild(dataDir, 'close-loop', 12);
    expect(run.signal, run.stderr).toBe('SIGKILL');
    t = await openTestCore({ dataDir });
    const p = pick(t.sql);
    const closes = p.count('till_closes');
    expect(closes).toBeGreaterThanOrEqual(12);
    // A session is closed exactly when its Z report exists; the audit and the numbering say the same.
    expect(p.count('till_sessions', 'closed_at IS NOT NULL')).toBe(closes);
    expect(
      p.count(
        'till_sessions s',
        'closed_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM till_closes c WHERE c.session_id = s.id)',
      ),
    ).toBe(0);
    expect(p.count('till_sessions', 'closed_at IS NULL')).toBeLessThanOrEqual(1);
    expect(p.count('audit', "action = 'till.close'")).toBe(closes);
    const last = t.sql.prepare("SELECT last_number FROM till_sequences WHERE kind = 'Z'").get() as {
      last_number: number;
    };
    expect(last.last_number).toBe(closes);
    expect(t.sql.pragma('integrity_check', { simple: true })).toBe('ok');
    // The counter goes on: the open session (if the kill fell between open and close) closes; else a new one opens.
    await t.login('sportello1', '2468');
    const status = await t.must('till.status', {});
    const session = status.session ?? (await t.must('till.open', { floatCounts: {} }));
    const reckoning = await t.must('till.reckon', { sessionId: session.id, countedCounts: {}, posTotalCents: 0 });
    await t.must('till.close', {
      sessionId: session.id,
      countedCounts: { '1000': reckoning.cash!.expectedCents / 1000 },
      posTotalCents: 0,
    });
    expect(p.count('till_closes')).toBe(closes + 1);
  });

  it('killed right after the commit of a split payment: whole, its one receipt waits, the same request records nothing more', async () => {
    const dataDir = demoDataDir();
    const sql = openCounterFile(dataDir, { readonly: true });
    const { a, b } = familyOfTwo(sql);
    sql.close();
    const requestId = '0190a000-0000-7000-8000-0000000c0001';
    const run = await runChild(dataDir, 'split-after-commit', undefined, {
      CRASH_FAMILY: `${a.id},${b.id}`,
      CRASH_REQUEST: requestId,
    });
    expect(run.signal, run.stderr).toBe('SIGKILL');
    t = await openTestCore({ dataDir });
    expect(splitInvariants(t.sql)).toEqual({ payments: 1, entries: 2, receipts: 1, outbox: 2, audit: 1, broken: 0 });
    await t.login('sportello1', '2468');
    const pending = await t.must('receipts.list', { unprintedOnly: true });
    expect(pending.items.map((r) => r.amountCents)).toEqual([1_001 + 2_001]);
    // The screen sends the same request again after the crash: the first reply, nothing recorded twice.
    const again = await t.must('payments.record', {
      requestId,
      method: 'cash',
      lines: [
        { accountId: a.id, amountCents: 1_001 },
        { accountId: b.id, amountCents: 2_001 },
      ],
      confirmDuplicate: true,
    });
    expect(again.receiptNo).toBe(pending.items[0]?.receiptNo);
    expect(splitInvariants(t.sql)).toMatchObject({ payments: 1, entries: 2, receipts: 1, outbox: 2 });
  });

  it('killed at random moments while recording split payments: each payment whole, never a part of one', async () => {
    const dataDir = demoDataDir();
    const sql = openCounterFile(dataDir, { readonly: true });
    const { a, b } = familyOfTwo(sql);
    sql.close();
    let seen = 0;
    for (const killAfter of [2, 9, 23]) {
      const run = await runChild(dataDir, 'split-loop', killAfter, { CRASH_FAMILY: `${a.id},${b.id}` });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      const db = openCounterFile(dataDir);
      const inv = splitInvariants(db);
      const integrity = db.pragma('integrity_check', { simple: true });
      db.close();
      expect(inv.broken).toBe(0);
      expect(inv.entries).toBe(inv.payments * 2);
      expect(inv.outbox).toBe(inv.entries);
      expect(inv.receipts).toBe(inv.payments);
      expect(inv.audit).toBe(inv.payments);
      expect(integrity).toBe('ok');
      expect(inv.payments).toBeGreaterThanOrEqual(seen + run.commits);
      seen = inv.payments;
    }
  });
});

/** What a split payment writes, counted; `broken` counts payments whose entries, receipt or outbox rows are not all there. */
function splitInvariants(sql: BetterSqlite3.Database) {
  const p = pick(sql);
  return {
    payments: p.count('payments'),
    entries: p.count('ledger', 'payment_id IS NOT NULL'),
    receipts: p.count('receipts r', 'EXISTS (SELECT 1 FROM payments p WHERE p.receipt_no = r.receipt_no)'),
    outbox: p.count(
      'outbox o',
      'EXISTS (SELECT 1 FROM ledger l WHERE l.id = o.operation_id AND l.payment_id IS NOT NULL)',
    ),
    audit: p.count('audit', "action = 'payment.record'"),
    broken: p.count(
      'payments p',
      `p.lines <> (SELECT COUNT(*) FROM ledger l WHERE l.payment_id = p.id)
        OR NOT EXISTS (SELECT 1 FROM receipts r WHERE r.receipt_no = p.receipt_no)
        OR p.lines <> (SELECT COUNT(*) FROM outbox o JOIN ledger l ON l.id = o.operation_id WHERE l.payment_id = p.id)`,
    ),
  };
}
