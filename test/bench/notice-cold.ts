/**
 * Child process of the notice bench: the first notice PDF of a fresh process, module loading and
 * font preparation included, as an operator meets it after starting the app. Sends its figures
 * over IPC and exits.
 */
import { benchNotice } from './notice-data';

export interface ColdFigures {
  importMs: number;
  firstRenderMs: number;
}

async function main(): Promise<void> {
  const t0 = process.hrtime.bigint();
  const { renderNoticePdf } = await import('../../src-main/documents/noticePdf');
  const t1 = process.hrtime.bigint();
  const pdf = await renderNoticePdf(benchNotice(0));
  const t2 = process.hrtime.bigint();
  if (pdf.length < 1000) throw new Error(`PDF di ${pdf.length} byte`);
  const figures: ColdFigures = { importMs: Number(t1 - t0) / 1e6, firstRenderMs: Number(t2 - t1) / 1e6 };
  process.send?.(figures);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
