import type { Comparison } from './measure';
import type { EncryptionReport } from './encryption';
import type { AttestationsGoals, AttestationsReport } from './attestations';
import type { CloseDayGoals, CloseDayReport } from './closeDay';
import type { ContoGoals, ContoReport } from './conto';
import type { NoticeGoals, NoticeReport } from './notices';
import { roundMs } from './stats';
import type { SyncGoals, SyncReport } from './sync';

export interface Figures {
  core_p50_ms: number;
  core_p95_ms: number;
  core_p99_ms: number;
  raw_p50_ms: number;
  raw_p95_ms: number;
  raw_p99_ms: number;
  /** core / raw at the median. */
  ratio_p50: number;
}

export const OPERATIONS = ['lookup_code', 'lookup_cf', 'search_name', 'topup_commit'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The goals of the issue for lookups and top-ups, each a yes/no the JSON carries. */
export interface LocalGoals {
  lookup_code_p99_under_1ms: boolean;
  lookup_code_p50_within_5x_raw: boolean;
  lookup_cf_p99_under_1ms: boolean;
  lookup_cf_p50_within_5x_raw: boolean;
  search_name_p95_under_20ms: boolean;
  topup_commit_p99_under_10ms: boolean;
  topup_commit_p50_within_2x_raw: boolean;
}

/** The goals of the parts that ran; `all` says whether every one of them was met. */
export type Goals = Partial<LocalGoals> &
  Partial<SyncGoals> &
  Partial<NoticeGoals> &
  Partial<ContoGoals> &
  Partial<CloseDayGoals> &
  Partial<AttestationsGoals> & { all: boolean };

/** Lookups and top-up commit on the counter's own database (absent with --only sync). */
export type LocalReport = Record<Operation, Figures> &
  EncryptionReport & {
    samples: { lookups: number; commits: number; runs: number };
    seed_ms: number;
    seed_cached: boolean;
    /** Peak RSS of the bench process after the local part (before the sync part starts the emulator). */
    peak_rss_mb: number;
  };

export type BenchReport = { accounts: number } & Partial<LocalReport> &
  Partial<SyncReport> &
  Partial<NoticeReport> &
  Partial<ContoReport> &
  Partial<CloseDayReport> &
  Partial<AttestationsReport> & {
    goals: Goals;
    machine: {
      cpus: number;
      cpu: string;
      node: string;
      platform: string;
      sqlite: string;
      load_1m_before: number;
      load_1m_after: number;
    };
  };

export function figures(c: Comparison): Figures {
  return {
    core_p50_ms: roundMs(c.core.p50),
    core_p95_ms: roundMs(c.core.p95),
    core_p99_ms: roundMs(c.core.p99),
    raw_p50_ms: roundMs(c.raw.p50),
    raw_p95_ms: roundMs(c.raw.p95),
    raw_p99_ms: roundMs(c.raw.p99),
    ratio_p50: Math.round((c.core.p50 / c.raw.p50) * 100) / 100,
  };
}

export function localGoals(f: Record<Operation, Figures>): LocalGoals {
  return {
    lookup_code_p99_under_1ms: f.lookup_code.core_p99_ms < 1,
    lookup_code_p50_within_5x_raw: f.lookup_code.ratio_p50 <= 5,
    lookup_cf_p99_under_1ms: f.lookup_cf.core_p99_ms < 1,
    lookup_cf_p50_within_5x_raw: f.lookup_cf.ratio_p50 <= 5,
    search_name_p95_under_20ms: f.search_name.core_p95_ms < 20,
    topup_commit_p99_under_10ms: f.topup_commit.core_p99_ms < 10,
    topup_commit_p50_within_2x_raw: f.topup_commit.ratio_p50 <= 2,
  };
}

export function allGoals(
  local: LocalGoals | null,
  sync: SyncGoals | null,
  notices: NoticeGoals | null = null,
  conto: ContoGoals | null = null,
  closeDay: CloseDayGoals | null = null,
  attestations: AttestationsGoals | null = null,
): Goals {
  const g = { ...local, ...sync, ...notices, ...conto, ...closeDay, ...attestations };
  return { ...g, all: Object.values(g).every(Boolean) };
}

const LABELS: Record<Operation, string> = {
  lookup_code: 'Ricerca per codice Pa-Pay',
  lookup_cf: 'Ricerca per codice fiscale',
  search_name: 'Ricerca per nome (prima pagina)',
  topup_commit: 'Ricarica registrata (fsync)',
};

/** The readable form: one row per operation, the sync figures, then the goals. */
export function formatTable(r: BenchReport): string {
  const lines = [
    ...localLines(r),
    ...syncLines(r),
    ...noticeLines(r),
    ...contoLines(r),
    ...closeDayLines(r),
    ...attestationLines(r),
  ];
  lines.push('', 'Obiettivi:');
  for (const [name, met] of Object.entries(r.goals)) {
    if (name !== 'all') lines.push(`  ${met ? 'OK     ' : 'MANCATO'} ${name}`);
  }
  lines.push(
    '',
    `${r.machine.cpus} x ${r.machine.cpu}, Node ${r.machine.node}, SQLite ${r.machine.sqlite}, ` +
      `carico 1 min ${r.machine.load_1m_before} -> ${r.machine.load_1m_after}`,
  );
  return lines.join('\n');
}

function localLines(r: BenchReport): string[] {
  if (r.samples === undefined) return [];
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number) => n.toFixed(3).padStart(8);
  const lines = [
    `Sportello bench: ${r.accounts.toLocaleString('it-IT')} conti, best of ${r.samples.runs} runs, ` +
      `${r.samples.lookups} campioni per ricerca, ${r.samples.commits} per ricarica (ms)`,
    '',
    `${pad('operazione', 34)}${'core p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}` +
      `${'raw p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'core/raw'.padStart(10)}`,
  ];
  for (const op of OPERATIONS) {
    const f = r[op];
    if (f === undefined) continue;
    lines.push(
      `${pad(LABELS[op], 34)} ${num(f.core_p50_ms)} ${num(f.core_p95_ms)} ${num(f.core_p99_ms)}` +
        ` ${num(f.raw_p50_ms)} ${num(f.raw_p95_ms)} ${num(f.raw_p99_ms)} ${f.ratio_p50.toFixed(2).padStart(8)}x`,
    );
  }
  const e = r.encryption;
  if (e !== undefined) {
    lines.push(
      '',
      `Cifratura a riposo (stesse query su copia in chiaro): ricerca per codice p50 ${e.lookup_code_p50_ms.encrypted} vs ` +
        `${e.lookup_code_p50_ms.plain} ms, p99 ${e.lookup_code_p99_ms.encrypted} vs ${e.lookup_code_p99_ms.plain} ms; ` +
        `scrittura durevole p50 ${e.commit_p50_ms.encrypted} vs ${e.commit_p50_ms.plain} ms, p99 ${e.commit_p99_ms.encrypted} vs ${e.commit_p99_ms.plain} ms`,
    );
  }
  lines.push(
    '',
    `Dati: ${r.seed_cached === true ? 'riusati dalla cache' : 'seminati ora'} (semina ${((r.seed_ms ?? 0) / 1000).toFixed(1)} s); ` +
      `RSS massimo ${String(r.peak_rss_mb)} MB`,
  );
  return lines;
}

function syncLines(r: BenchReport): string[] {
  const initial = r.sync_initial;
  const push = r.sync_push;
  const inc = r.sync_incremental;
  if (initial === undefined || push === undefined || inc === undefined) return [];
  return [
    '',
    `Sincronizzazione con l'emulatore del servizio centrale (loopback), banco in un processo a parte:`,
    `  prima sincronizzazione: ${initial.accounts.toLocaleString('it-IT')} conti in ${initial.seconds.toFixed(2)} s, ` +
      `RSS massimo del banco ${initial.peak_rss_mb} MB`,
    `  invio: ${push.operations.toLocaleString('it-IT')} operazioni in coda confermate in ${push.seconds.toFixed(2)} s ` +
      `(sincronizzazione completa ${push.sync_seconds.toFixed(2)} s)`,
    `  sincronizzazione incrementale: ${inc.changes.toLocaleString('it-IT')} pagamenti centrali in ${inc.ms} ms ` +
      `(migliore di ${inc.runs_ms.join(' / ')} ms)`,
    `  emulatore ${r.sync_emulator_cached === true ? 'riusato dalla cache' : 'caricato ora'} ` +
      `(caricamento ${((r.sync_emulator_load_ms ?? 0) / 1000).toFixed(1)} s)`,
  ];
}

function noticeLines(r: BenchReport): string[] {
  const n = r.notice_pdf;
  if (n === undefined) return [];
  return [
    '',
    'Avviso pagoPA in PDF (A4, un codice QR):',
    `  a freddo (processo nuovo, moduli e font compresi): ${n.cold_ms} ms`,
    `  a caldo: p50 ${n.warm_p50_ms} ms`,
    `  1.000 avvisi di seguito, scritti su disco: ${n.batch_1000_s.toFixed(2)} s`,
  ];
}

function contoLines(r: BenchReport): string[] {
  if (r.conto_year === undefined || r.conto_year_ms === undefined) return [];
  return [
    '',
    `Conto giudiziale di un anno (${r.conto_year.operations.toLocaleString('it-IT')} operazioni, ` +
      `${r.conto_year.receipts.toLocaleString('it-IT')} ricevute, mediana di ${r.conto_year.runs}): ${r.conto_year_ms} ms`,
  ];
}

function closeDayLines(r: BenchReport): string[] {
  if (r.close_day === undefined || r.close_day_ms === undefined) return [];
  return [
    `Chiusura di cassa di un giorno (${r.close_day.operations.toLocaleString('it-IT')} operazioni, ` +
      `mediana di ${r.close_day.runs}): ${r.close_day_ms} ms`,
  ];
}

function attestationLines(r: BenchReport): string[] {
  if (r.attestations_5000 === undefined || r.attestations_5000_s === undefined) return [];
  return [
    `Lotto di attestazioni 730 (${r.attestations_5000.children.toLocaleString('it-IT')} bambini, ` +
      `${r.attestations_5000.payments.toLocaleString('it-IT')} pagamenti): ${r.attestations_5000_s} s ` +
      `(CPU ${r.attestations_5000_cpu_s} s)`,
  ];
}
