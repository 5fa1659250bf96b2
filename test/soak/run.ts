/**
 * The long soak: `npm run soak` (SOAK_OPS operations per counter, default 1000; SOAK_SEED;
 * SOAK_KEEP=1 keeps the data folders). Prints one summary line; exits 1 on any broken invariant.
 */
import { parseArgs } from 'node:util';
import { runSoak } from './scenario';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { ops: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'boolean', default: false } },
    strict: true,
  });
  const ops = Number(values.ops ?? process.env['SOAK_OPS'] ?? 1000);
  if (!Number.isInteger(ops) || ops <= 0) throw new Error(`numero di operazioni non valido: ${String(ops)}`);
  const seed = values.seed ?? process.env['SOAK_SEED'] ?? `soak-${Date.now()}`;
  const report = await runSoak({
    opsPerCounter: ops,
    seed,
    killEvery: [Math.max(10, Math.round(ops / 12)), Math.max(20, Math.round(ops / 6))],
    settleTimeoutMs: 10 * 60_000,
    keepData: values.keep || process.env['SOAK_KEEP'] === '1',
    log: (line) => console.log(`[soak] ${line}`),
  });
  const counters = report.counters
    .map(
      (c) =>
        `${c.code} ${c.localOperations} op (${c.topups} ricariche, ${c.voids} storni, ${c.unanswered} senza risposta, ${c.kills} kill)`,
    )
    .join('; ');
  const injected = Object.entries(report.injected)
    .filter(([k]) => k !== 'none')
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const verdict = report.violations.length === 0 ? 'OK' : `FALLITO (${report.violations.length} violazioni)`;
  console.log(
    `SOAK ${verdict} seed=${report.seed} ${counters}; centro ${report.centralOperations} op; ` +
      `${report.faultSwitches} cambi di guasti (${injected}); ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  for (const v of report.violations.slice(0, 50)) console.log(`  - ${v}`);
  if (report.violations.length > 50) console.log(`  ... e altre ${report.violations.length - 50}`);
  if (values.keep || process.env['SOAK_KEEP'] === '1') console.log(`dati conservati in ${report.workDir}`);
  return report.violations.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exitCode = 2;
  },
);
