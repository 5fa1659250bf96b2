import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildNav3 } from '../../../shared/pagopa/nav';
import { demoDataDir, openTestCore, type TestCore } from '../../support/core-fixture';
import { accountWithParent } from './notice-fixture';
import { openCounterFile } from '../../support/counter-file';

const CHILD = path.join(__dirname, 'notice-crash-child.ts');
const FIRST_BASE = 5000;
const LAST_BASE = 5999;

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function runChild(
  dataDir: string,
  mode: 'after-commit' | 'loop',
  accountId: string,
  killAfter?: { commits: number; extraMs: number },
): Promise<{ signal: NodeJS.Signals | null; navs: string[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, mode, accountId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const navs: string[] = [];
    let stderr = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        const m = /^committed \d+ (\d{18})$/.exec(line);
        if (m?.[1]) navs.push(m[1]);
      }
      if (killAfter && !armed && navs.length >= killAfter.commits) {
        armed = true;
        // A random moment after that: inside the next transaction, the PDF, or between the two.
        setTimeout(() => child.kill('SIGKILL'), killAfter.extraMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, navs, stderr }));
  });
}

function invariants(dataDir: string) {
  const sql = openCounterFile(dataDir, { readonly: true });
  try {
    const block = sql.prepare('SELECT first_base, last_base, next_base, segregation_code FROM notice_blocks').get() as {
      first_base: number;
      last_base: number;
      next_base: number;
      segregation_code: string;
    };
    const payments = sql.prepare('SELECT nav, base FROM notice_payments ORDER BY base').all() as {
      nav: string;
      base: number;
    }[];
    const count = (q: string) => sql.prepare(q).pluck().get() as number;
    return {
      consumed: block.next_base - block.first_base,
      bases: payments.map((p) => p.base),
      navsMatchBases: payments.every(
        (p) => p.nav === buildNav3(block.segregation_code, String(p.base).padStart(13, '0')).nav,
      ),
      notices: count('SELECT COUNT(*) FROM notices'),
      withoutPayments: count(
        'SELECT COUNT(*) FROM notices n WHERE NOT EXISTS (SELECT 1 FROM notice_payments p WHERE p.notice_id = n.id)',
      ),
      withoutOutbox: count(
        "SELECT COUNT(*) FROM notices n WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.operation_id = n.id AND o.type = 'notice')",
      ),
      outbox: count("SELECT COUNT(*) FROM outbox WHERE type = 'notice'"),
      audit: count("SELECT COUNT(*) FROM audit WHERE action = 'notice.issue'"),
      integrity: sql.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    sql.close();
  }
}

/** A demo counter database holding one block of bases, as if the central had assigned it. */
async function prepare(): Promise<{ dataDir: string; accountId: string }> {
  const dataDir = demoDataDir();
  // Open the core once: the migrations run, then the block is stored as the sync would store it.
  t = await openTestCore({ dataDir });
  t.sql
    .prepare(
      `INSERT INTO notice_blocks (request_id, requested_at, segregation_code, first_base, last_base, next_base, received_at)
       VALUES ('0190b6e4-0000-7000-8000-000000000001', '2026-11-30T08:00:00.000Z', '01', ?, ?, ?, '2026-11-30T08:00:01.000Z')`,
    )
    .run(FIRST_BASE, LAST_BASE, FIRST_BASE);
  const accountId = accountWithParent(t.sql).id;
  await t.close();
  t = undefined;
  return { dataDir, accountId };
}

describe('codice avviso bases across SIGKILLs', () => {
  it('killed right after the commit: the notice is whole with its base, the PDF is made again by a reprint', async () => {
    const { dataDir, accountId } = await prepare();
    const run = await runChild(dataDir, 'after-commit', accountId);
    expect(run.signal, run.stderr).toBe('SIGKILL');
    expect(invariants(dataDir)).toEqual({
      consumed: 1,
      bases: [FIRST_BASE],
      navsMatchBases: true,
      notices: 1,
      withoutPayments: 0,
      withoutOutbox: 0,
      outbox: 1,
      audit: 1,
      integrity: 'ok',
    });
    const nav = buildNav3('01', String(FIRST_BASE).padStart(13, '0')).nav;
    expect(fs.existsSync(path.join(dataDir, 'documents', 'avvisi', `${nav}.pdf`))).toBe(false);
    t = await openTestCore({ dataDir });
    await t.login('sportello1', '2468');
    const found = (await t.must('notices.find', { query: nav })).items;
    expect(found).toHaveLength(1);
    const again = await t.must('notices.reprint', { noticeId: found[0]!.noticeId });
    expect(fs.readFileSync(again.pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    // The next notice takes the next base.
    const next = await t.must('notices.issue', { accountId, amountCents: 1000, subject: 'Dopo il riavvio' });
    expect(Number(next.nav.slice(3, 16))).toBe(FIRST_BASE + 1);
  });

  it('killed at random moments while issuing: no NAV twice, every consumed base belongs to exactly one notice', async () => {
    const { dataDir, accountId } = await prepare();
    const announced = new Set<string>();
    for (const [commits, extraMs] of [
      [2, 0],
      [5, Math.floor(Math.random() * 40)],
      [9, Math.floor(Math.random() * 80)],
      [3, Math.floor(Math.random() * 150)],
    ] as const) {
      const run = await runChild(dataDir, 'loop', accountId, { commits, extraMs });
      expect(run.signal, run.stderr).toBe('SIGKILL');
      for (const nav of run.navs) {
        expect(announced.has(nav)).toBe(false);
        announced.add(nav);
      }
      const inv = invariants(dataDir);
      expect(inv.integrity).toBe('ok');
      // Consumed in the notice's own transaction: used bases are exactly the consumed ones.
      expect(inv.bases).toEqual(Array.from({ length: inv.consumed }, (_, i) => FIRST_BASE + i));
      expect(inv.navsMatchBases).toBe(true);
      expect(inv.withoutPayments).toBe(0);
      expect(inv.withoutOutbox).toBe(0);
      expect(inv.outbox).toBe(inv.notices);
      expect(inv.audit).toBe(inv.notices);
      // Every notice the child announced is on disk (one more may have committed unannounced).
      const sql = openCounterFile(dataDir, { readonly: true });
      const stored = new Set(sql.prepare('SELECT nav FROM notice_payments').pluck().all() as string[]);
      sql.close();
      for (const nav of announced) expect(stored.has(nav)).toBe(true);
    }
  });
});
