import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_COUNTER_CONFIG } from '../../shared/config';
import { openDatabase } from '../../src-main/db/open';
import type { Counter } from '../../src-main/core/installation';
import { contoGiudiziale } from '../../src-main/reports/ragioneria';
import { contoCsv } from '../../src-main/reports/csvExports';
import type { Remittance } from '../../shared/reports/remittance';
import { percentiles } from './stats';
import { BENCH_ACCOUNTS, insertCounterAndAccounts } from './ledgerAccounts';

/** The conto giudiziale figure of the JSON report, as the issue names it. */
export interface ContoReport {
  /** Median of the runs: the year's account of a counter with 100,000 operations, from SQLite to CSV. */
  conto_year_ms: number;
  conto_year: { operations: number; voids: number; receipts: number; remittances: number; runs: number };
}

export interface ContoGoals {
  conto_year_under_1s: boolean;
}

const OPERATIONS = 100_000;
/** A receipt's stored text is about 30 lines of 48 columns: the rows the report reads are that wide. */
const RECEIPT_TEXT = `${'x'.repeat(47)}\n`.repeat(30);
const YEAR = 2026;
const RUNS = 7;
const COUNTER: Counter = {
  code: 'ECO',
  name: 'Ufficio Economato',
  kind: 'economato',
  address: 'Piazza 2 Giugno 1, Carrara',
  config: DEFAULT_COUNTER_CONFIG,
};

/**
 * A counter database holding one year of 100,000 operations (top-ups by cash and card over 300
 * accounts of every service, one in twenty voided the same day), each with its numbered receipt,
 * as the counter writes them; then the conto giudiziale of that year, median of seven runs.
 */
export async function benchConto(progress: (line: string) => void): Promise<ContoReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-conto-'));
  const db = await openDatabase(dir);
  try {
    const s = db.sqlite;
    s.pragma('synchronous = OFF');
    const insertLedger = s.prepare(
      `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, operator_code,
                           voids_id, origin) VALUES (?, ?, ?, ?, ?, ?, 'ECO', 'economato1', ?, 'local')`,
    );
    const insertReceipt = s.prepare(
      `INSERT INTO receipts (receipt_no, counter_code, year, number, kind, operation_id, created_at, business_date, text)
       VALUES (?, 'ECO', ?, ?, ?, ?, ?, ?, ?)`,
    );
    let number = 0;
    let voids = 0;
    s.transaction(() => {
      insertCounterAndAccounts(s, { code: 'ECO', name: 'Ufficio Economato', kind: 'economato' });
      const receipt = (kind: 'ricarica' | 'storno', id: string, at: string, date: string) => {
        number += 1;
        insertReceipt.run(
          `ECO/${YEAR}/${String(number).padStart(6, '0')}`,
          YEAR,
          number,
          kind,
          id,
          at,
          date,
          RECEIPT_TEXT,
        );
      };
      for (let i = 0; i < OPERATIONS - voids; i++) {
        const day = Math.floor((i * 365) / OPERATIONS);
        const date = new Date(Date.UTC(YEAR, 0, 1 + day, 9)).toISOString();
        const businessDate = date.slice(0, 10);
        const id = `t${i}`;
        insertLedger.run(
          id,
          `a${i % BENCH_ACCOUNTS}`,
          i % 3 === 0 ? 'topup_card' : 'topup_cash',
          500 + (i % 97) * 50,
          date,
          businessDate,
          null,
        );
        receipt('ricarica', id, date, businessDate);
        if (i % 20 === 0) {
          voids += 1;
          insertLedger.run(`v${i}`, `a${i % BENCH_ACCOUNTS}`, 'void', -(500 + (i % 97) * 50), date, businessDate, id);
          receipt('storno', `v${i}`, date, businessDate);
        }
      }
    })();
    progress(`conto giudiziale: ${number} operazioni (${voids} storni) su un anno`);
    const remittances: Remittance[] = Array.from({ length: 250 }, (_, i) => ({
      counterCode: 'ECO',
      date: new Date(Date.UTC(YEAR, 0, 1 + Math.floor(i * 1.4))).toISOString().slice(0, 10),
      amountCents: 1_000_000,
      reference: `QT-${i}`,
      documentNo: `V-${i}`,
    }));
    const source = (c: string, from: string, to: string) =>
      remittances.filter((r) => r.counterCode === c && r.date >= from && r.date <= to);
    const samples: bigint[] = [];
    let receipts = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = process.hrtime.bigint();
      const conto = contoGiudiziale(
        s,
        COUNTER,
        { year: YEAR, agent: 'Agente', ente: { name: 'Comune', fiscalCode: null } },
        source,
      );
      contoCsv(conto);
      samples.push(process.hrtime.bigint() - t0);
      receipts = conto.totals.receipts;
      if (conto.totals.collected.count + conto.totals.collected.voidCount !== number) {
        throw new Error(`il conto conta ${conto.totals.collected.count} operazioni invece di ${number}`);
      }
    }
    const p = percentiles(samples);
    progress(`conto giudiziale: p50 ${p.p50.toFixed(1)} ms`);
    return {
      conto_year_ms: Math.round(p.p50 * 10) / 10,
      conto_year: { operations: number, voids, receipts, remittances: remittances.length, runs: RUNS },
    };
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function contoGoals(r: ContoReport): ContoGoals {
  return { conto_year_under_1s: r.conto_year_ms < 1000 };
}
