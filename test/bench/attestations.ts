import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { DEFAULT_COUNTER_CONFIG } from '../../shared/config';
import { SERVICES } from '../../shared/domain';
import { attestationOffice } from '../../src-main/attestations/attestations';
import { writeBatch } from '../../src-main/attestations/batch';
import type { CoreContext } from '../../src-main/core/context';
import { openDatabase } from '../../src-main/db/open';

/** The yearly batch of attestazioni for the 730, as issue 10 names it in the bench JSON. */
export interface AttestationsReport {
  /** Seconds for the batch of 5,000 children (numbering, register, audit, one A4 PDF each, CSV index). */
  attestations_5000_s: number;
  /** CPU seconds of the process over the same batch: the wall time of a machine that gives it a core. */
  attestations_5000_cpu_s: number;
  attestations_5000: { children: number; payments: number; files: number };
}

export interface AttestationsGoals {
  attestations_5000_under_120s: boolean;
}

const CHILDREN = 5_000;
const TAX_YEAR = 2025;

/**
 * A front-office database with 5,000 children, each with a parent and one account, and a year of
 * payments on each (cash, card, pagoPA, one void in ten, meals between); then the batch of the year
 * into a fresh folder, timed from the call to the index written. One run: it writes 5,000 files.
 */
export async function benchAttestations(progress: (line: string) => void): Promise<AttestationsReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-attestazioni-'));
  const db = await openDatabase(dir);
  try {
    const s = db.sqlite;
    s.pragma('synchronous = OFF');
    let payments = 0;
    s.transaction(() => {
      s.prepare(
        `INSERT INTO counters (code, name, kind, address, config) VALUES ('SE1', 'Sportello 1', 'sportello', '', '{}')`,
      ).run();
      const family = s.prepare(
        `INSERT INTO families (id, surname, name, fiscal_code, address) VALUES (?, 'Rossi', 'Maria', ?, 'Via Roma 1')`,
      );
      const child = s.prepare(
        `INSERT INTO children (id, family_id, surname, name, fiscal_code, school, surname_key, name_key)
         VALUES (?, ?, 'Rossi', 'Bimbo', ?, 'Scuola primaria', 'rossi', 'bimbo')`,
      );
      const account = s.prepare(
        `INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq) VALUES (?, ?, ?, ?, 0, 0)`,
      );
      const ledger = s.prepare(
        `INSERT INTO ledger (id, account_id, kind, amount_cents, created_at, business_date, counter_code, voids_id,
                             payer_cf, origin, included_in_server_balance)
         VALUES (?, ?, ?, ?, ?, ?, 'SE2', ?, ?, 'central', 1)`,
      );
      const kinds = ['topup_cash', 'topup_card', 'topup_pagopa'] as const;
      for (let c = 0; c < CHILDREN; c++) {
        const cf = `RSSMRA80A01F${String(c).padStart(4, '0')}`;
        family.run(`f${c}`, cf);
        child.run(`c${c}`, `f${c}`, `RSSBMB18A01F${String(c).padStart(4, '0')}`);
        account.run(`a${c}`, `c${c}`, SERVICES[c % SERVICES.length], String(1_000_000_000 + c));
        for (let m = 0; m < 10; m++) {
          const day = `${TAX_YEAR}-${String(m + 1).padStart(2, '0')}-10`;
          const id = `p${c}-${m}`;
          ledger.run(
            id,
            `a${c}`,
            kinds[(c + m) % 3],
            2_000 + m * 100,
            `${day}T09:00:00.000Z`,
            day,
            null,
            m % 2 ? cf : null,
          );
          ledger.run(`m${c}-${m}`, `a${c}`, 'meal', -480, `${day}T11:00:00.000Z`, day, null, null);
          payments++;
          if (m === 3) ledger.run(`v${c}`, `a${c}`, 'void', -2_300, `${day}T12:00:00.000Z`, day, id, null);
        }
      }
    })();
    progress(`attestazioni: ${CHILDREN} bambini, ${payments} pagamenti nel ${TAX_YEAR}`);
    const ctx: CoreContext = {
      db,
      dataDir: dir,
      counter: { code: 'SE1', name: 'Sportello 1', kind: 'sportello', address: '', config: DEFAULT_COUNTER_CONFIG },
      clock: { now: () => new Date(Date.UTC(2026, 2, 2, 9)) },
      log: pino({ enabled: false }),
      printer: { print: () => Promise.resolve({ ok: true, where: 'file' }) },
      emit: (_event, payload) => {
        const p = payload as { done?: number; total?: number };
        if (p.done !== undefined && p.done % 1_000 === 0) progress(`attestazioni: ${p.done} di ${p.total}`);
      },
    };
    const operator = { code: 'op', name: 'Operatore', role: 'sportello' as const, counterCode: 'SE1' };
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const result = await writeBatch(ctx, attestationOffice(ctx), TAX_YEAR, operator);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const files = fs.readdirSync(result.folder).filter((f) => f.endsWith('.pdf')).length;
    if (result.written !== CHILDREN || files !== CHILDREN) {
      throw new Error(`il lotto ha scritto ${result.written} attestazioni (${files} file) invece di ${CHILDREN}`);
    }
    progress(`attestazioni: ${CHILDREN} in ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s)`);
    return {
      attestations_5000_s: Math.round(seconds * 10) / 10,
      attestations_5000_cpu_s: Math.round(cpuSeconds * 10) / 10,
      attestations_5000: { children: CHILDREN, payments, files },
    };
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function attestationsGoals(r: AttestationsReport): AttestationsGoals {
  return { attestations_5000_under_120s: r.attestations_5000_s < 120 };
}
