import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderNoticePdf } from '../../src-main/documents/noticePdf';
import { writeFileAtomically } from '../../src-main/documents/pdf';
import type { ColdFigures } from './notice-cold';
import { benchNotice } from './notice-data';
import { percentiles } from './stats';

/** The notice figures of the JSON report, as the issue names them. */
export interface NoticeReport {
  notice_pdf: { cold_ms: number; warm_p50_ms: number; batch_1000_s: number };
}

export interface NoticeGoals {
  notice_pdf_warm_p50_under_150ms: boolean;
}

const WARMUP = 10;
const WARM_SAMPLES = 50;
const BATCH = 1_000;

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Cold: first notice in a fresh child process (modules, fonts, first layout). Warm: median of 50
 * renders in this process after a warm-up. Batch: 1,000 different notices rendered one after the
 * other and each written to disk the way the counter saves them (temp file, fsync, rename).
 */
export async function benchNotices(progress: (line: string) => void): Promise<NoticeReport> {
  const cold = await coldRender();
  progress(
    `avviso PDF a freddo: ${cold.importMs.toFixed(0)} ms di moduli + ${cold.firstRenderMs.toFixed(0)} ms di primo avviso`,
  );

  for (let i = 0; i < WARMUP; i++) await renderNoticePdf(benchNotice(i));
  const samples: bigint[] = [];
  for (let i = 0; i < WARM_SAMPLES; i++) {
    const data = benchNotice(WARMUP + i);
    const t0 = process.hrtime.bigint();
    await renderNoticePdf(data);
    samples.push(process.hrtime.bigint() - t0);
  }
  const warm = percentiles(samples);
  progress(`avviso PDF a caldo: p50 ${warm.p50.toFixed(1)} ms, p95 ${warm.p95.toFixed(1)} ms`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-notices-'));
  try {
    const folder = path.join(dir, 'documents', 'avvisi');
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) {
      const data = benchNotice(10_000 + i);
      const nav = data.payments[0]?.nav ?? String(i);
      writeFileAtomically(path.join(folder, `${nav}.pdf`), await renderNoticePdf(data));
      if ((i + 1) % 250 === 0) progress(`avvisi in serie: ${i + 1}/${BATCH}`);
    }
    const batchSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const written = fs.readdirSync(folder).length;
    if (written !== BATCH) throw new Error(`scritti ${written} avvisi invece di ${BATCH}`);
    return {
      notice_pdf: {
        cold_ms: round(cold.importMs + cold.firstRenderMs, 0),
        warm_p50_ms: round(warm.p50, 1),
        batch_1000_s: round(batchSeconds, 2),
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function noticeGoals(r: NoticeReport): NoticeGoals {
  return { notice_pdf_warm_p50_under_150ms: r.notice_pdf.warm_p50_ms < 150 };
}

function coldRender(): Promise<ColdFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'notice-cold.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let figures: ColdFigures | null = null;
    child.on('message', (m: ColdFigures) => {
      figures = m;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (figures !== null && code === 0) resolve(figures);
      else reject(new Error(`notice process ended with ${signal ?? `code ${String(code)}`} and no figures`));
    });
  });
}
