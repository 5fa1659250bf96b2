import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { DEFAULT_COUNTER_CONFIG } from '../../shared/config';
import type { CoreContext } from '../../src-main/core/context';
import { openDatabase } from '../../src-main/db/open';
import { Till } from '../../src-main/till/till';
import { percentiles } from './stats';
import { BENCH_ACCOUNTS, insertCounterAndAccounts } from './ledgerAccounts';

/** The close of a day, as the issue names it in the bench JSON. */
export interface CloseDayReport {
  /** Median of the runs: the blind close of a till session holding 2,000 operations (one transaction, Z numbered). */
  close_day_ms: number;
  close_day: { operations: number; voids: number; movements: number; runs: number };
}

export interface CloseDayGoals {
  close_day_under_1s: boolean;
}

const OPERATIONS = 2_000;
const RUNS = 7;
const RECEIPT_TEXT = `${'x'.repeat(47)}\n`.repeat(30);

/**
 * A front-office counter's database with seven till sessions of 2,000 operations each (cash and card
 * top-ups over 300 accounts, one in twenty voided, their receipts and outbox rows unsent, three
 * movements), written as the counter writes them; then each session is closed with its blind count:
 * the close's transaction (totals by method and service, differences, Z number, Z text, audit) timed.
 * The print and the A4 PDF come after the commit and are not part of the figure.
 */
export async function benchCloseDay(progress: (line: string) => void): Promise<CloseDayReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-close-'));
  const db = await openDatabase(dir);
  try {
    const s = db.sqlite;
    s.pragma('synchronous = OFF');
    const at = new Date(Date.UTC(2026, 9, 5, 8)).toISOString();
    const insertLedger = s.prepare(
      `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, operator_code,
                           voids_id, origin, till_session_id) VALUES (?, ?, ?, ?, ?, '2026-10-05', 'SE1', 'op', ?, 'local', ?)`,
    );
    const insertReceipt = s.prepare(
      `INSERT INTO receipts (receipt_no, counter_code, year, number, kind, operation_id, created_at, business_date, text)
       VALUES (?, 'SE1', 2026, ?, ?, ?, ?, '2026-10-05', ?)`,
    );
    const insertOutbox = s.prepare(
      `INSERT INTO outbox (operation_id, type, payload, created_at, state, attempts) VALUES (?, 'topup', '{}', ?, 'pending', 0)`,
    );
    let number = 0;
    let voids = 0;
    s.transaction(() => {
      insertCounterAndAccounts(s, { code: 'SE1', name: 'Sportello 1', kind: 'sportello' });
      for (let run = 0; run < RUNS; run++) {
        const session = `s${run}`;
        s.prepare(
          `INSERT INTO till_sessions (id, counter_code, opened_at, opened_by, business_date, float_cents, float_counts, closed_at)
           VALUES (?, 'SE1', ?, 'op', '2026-10-05', 10000, '{"5000":2}', ?)`,
        ).run(session, at, run === 0 ? null : at);
        for (let i = 0; i < OPERATIONS;) {
          const id = `t${run}-${i}`;
          const amount = 500 + (i % 97) * 50;
          insertLedger.run(
            id,
            `a${i % BENCH_ACCOUNTS}`,
            i % 3 === 0 ? 'topup_card' : 'topup_cash',
            amount,
            at,
            null,
            session,
          );
          insertReceipt.run(`SE1/2026/${String(++number).padStart(6, '0')}`, number, 'ricarica', id, at, RECEIPT_TEXT);
          insertOutbox.run(id, at);
          i++;
          if (i % 20 === 0 && i < OPERATIONS) {
            voids += 1;
            insertLedger.run(`v${run}-${i}`, `a${(i - 1) % BENCH_ACCOUNTS}`, 'void', -amount, at, id, session);
            insertReceipt.run(
              `SE1/2026/${String(++number).padStart(6, '0')}`,
              number,
              'storno',
              `v${run}-${i}`,
              at,
              RECEIPT_TEXT,
            );
            insertOutbox.run(`v${run}-${i}`, at);
            i++;
          }
        }
        for (const [k, kind] of ['versamento', 'reintegro', 'prelievo'].entries()) {
          s.prepare(
            `INSERT INTO till_movements (id, session_id, counter_code, kind, document_no, year, number, amount_cents, date,
                                         reference, operator_code, created_at)
             VALUES (?, ?, 'SE1', ?, ?, 2026, ?, 1000, '2026-10-05', 'QT', 'op', ?)`,
          ).run(`m${run}-${k}`, session, kind, `SE1/2026/${kind}${run}`, run + 1, at);
        }
      }
    })();
    progress(`chiusura di cassa: ${RUNS} sessioni di ${OPERATIONS} operazioni (${voids} storni in tutto)`);
    const counter = {
      code: 'SE1',
      name: 'Sportello 1',
      kind: 'sportello' as const,
      address: '',
      config: {
        ...DEFAULT_COUNTER_CONFIG,
        till: { countsDrawer: true, requireOpenSession: true, supervisorThresholdCents: 1_000_000_000 },
      },
    };
    const ctx: CoreContext = {
      db,
      dataDir: dir,
      counter,
      clock: { now: () => new Date(Date.parse(at) + 3_600_000) },
      log: pino({ enabled: false }),
      printer: { print: () => Promise.resolve({ ok: true, where: 'file' }) },
      emit: () => undefined,
    };
    const till = new Till(ctx);
    const operator = { code: 'op', name: 'Operatore', role: 'sportello' as const, counterCode: 'SE1' };
    const samples: bigint[] = [];
    for (let run = 0; run < RUNS; run++) {
      const session = `s${run}`;
      if (run > 0) s.prepare(`UPDATE till_sessions SET closed_at = NULL WHERE id = ?`).run(session);
      const t0 = process.hrtime.bigint();
      const closed = till.close(operator, null, {
        sessionId: session,
        countedCounts: { '50000': 1 },
        posTotalCents: 0,
        note: 'prova di carico',
      });
      samples.push(process.hrtime.bigint() - t0);
      const n = closed.reckoning.takings.reduce((x, t) => x + t.count + t.voids, 0);
      if (n !== OPERATIONS) throw new Error(`la chiusura conta ${n} operazioni invece di ${OPERATIONS}`);
    }
    const p = percentiles(samples);
    progress(`chiusura di cassa: p50 ${p.p50.toFixed(1)} ms`);
    return {
      close_day_ms: Math.round(p.p50 * 10) / 10,
      close_day: { operations: OPERATIONS, voids: voids / RUNS, movements: 3, runs: RUNS },
    };
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function closeDayGoals(r: CloseDayReport): CloseDayGoals {
  return { close_day_under_1s: r.close_day_ms < 1000 };
}
