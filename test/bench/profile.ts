import { randomUUID } from 'node:crypto';
/**
 * `npx tsx test/bench/profile.ts [--accounts N]`: where the time of a lookup and of a top-up goes,
 * piece by piece, on the cached bench database (run `npm run bench` once first). A developer's
 * tool: it prints a plain report on stdout and is not part of the figures of the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contract } from '../../shared/contract';
import { parseQuery } from '../../shared/lookup';
import { AccountLookup, nameSearch, type NameSearchFts } from '../../src-main/accounts/lookup';
import { systemClock } from '../../src-main/core/clock';
import type { CoreContext } from '../../src-main/core/context';
import { openCore } from '../../src-main/core/core';
import { establishCounter } from '../../src-main/core/installation';
import { openDatabase } from '../../src-main/db/open';
import { createLogger } from '../../src-main/log/logger';
import { printouts } from '../../src-main/printouts/printouts';
import type { Operator } from '../../src-main/session/sessions';
import { Topups } from '../../src-main/topups/topups';
import { ensureBenchData, workingCopy } from './dataset';
import { sampleQueries } from './queries';
import { openRaw } from './raw';
import { BENCH_COUNTER, instantPrinter, loginFresh, valueOf } from './session';
import { percentiles, type Percentiles } from './stats';

const SAMPLES = 2000;
const COMMITS = 300;
/** Name searches take milliseconds each: fewer of them keep the profile within a few minutes. */
const NAME_SAMPLES = 500;

function row(label: string, p: Percentiles, extra = ''): void {
  const f = (n: number) => n.toFixed(3).padStart(9);
  console.log(`${label.padEnd(58)}${f(p.p50)}${f(p.p95)}${f(p.p99)}  ${extra}`);
}

function header(title: string): void {
  console.log(`\n${title}\n${''.padEnd(58)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
}

function timeSync<T>(items: readonly T[], op: (item: T) => unknown): Percentiles {
  for (const item of items.slice(0, 100)) op(item);
  const out: bigint[] = [];
  for (const item of items) {
    const t0 = process.hrtime.bigint();
    op(item);
    out.push(process.hrtime.bigint() - t0);
  }
  return percentiles(out);
}

async function timeAsync<T>(items: readonly T[], op: (item: T) => Promise<unknown>): Promise<Percentiles> {
  for (const item of items.slice(0, 100)) await op(item);
  const out: bigint[] = [];
  for (const item of items) {
    const t0 = process.hrtime.bigint();
    await op(item);
    out.push(process.hrtime.bigint() - t0);
  }
  return percentiles(out);
}

/** The four ways the bench types a name, told apart again for the per-form figures. */
function nameForm(query: string): string {
  const words = query.split(/[^\p{L}]+/u).filter((w) => w.length > 0);
  if (words.length >= 2 && words.at(-1)?.length === 1) return 'cognome + iniziale';
  if (query.includes(' ') && !/^(de|del|dell|d)\b/.test(query)) return 'cognome + nome';
  return query.length === 4 ? 'prime 4 lettere' : 'cognome intero';
}

async function main(): Promise<void> {
  const accountsArg = process.argv.indexOf('--accounts');
  const accounts = accountsArg > 0 ? Number(process.argv[accountsArg + 1]) : 100_000;
  const data = await ensureBenchData(accounts, (l) => process.stderr.write(`[profile] ${l}\n`));
  const workDir = workingCopy(data.cacheDir);
  const raw = openRaw(workDir);
  const sets = sampleQueries(raw.sqlite, SAMPLES, 'sportello-profile');
  const core = await openCore({ dataDir: workDir, counterCode: BENCH_COUNTER, receiptPrinter: instantPrinter });
  const sessionId = await loginFresh(core, 'profile');
  const db = await openDatabase(path.join(workDir));
  const lookup = new AccountLookup(db);
  const findInput = contract['accounts.find'].input;

  const kinds: [string, string[]][] = [
    ['Pa-Pay', sets.papayCodes],
    ['codice fiscale', sets.childFiscalCodes],
    ['nome', sets.names.slice(0, NAME_SAMPLES)],
  ];
  for (const [label, queries] of kinds) {
    header(`Ricerca per ${label}: ${queries.length} query`);
    const parsed = queries.map((q) => parseQuery(q));
    row(
      'zod input (contract accounts.find)',
      timeSync(queries, (q) => findInput.safeParse({ query: q })),
    );
    row(
      'parseQuery (riconosce e controlla il testo)',
      timeSync(queries, (q) => parseQuery(q)),
    );
    row(
      'AccountLookup.find (SQL + mapping, senza invoke)',
      timeSync(parsed, (p) => {
        if (p.kind !== 'invalid') lookup.find(p, 'full');
      }),
    );
    row(
      'SQL grezzo (better-sqlite3)',
      timeSync(parsed, (p) => {
        if (p.kind === 'papay') raw.byCode(p.code);
        else if (p.kind === 'cf') raw.byChildCf(p.canonical);
        else if (p.kind === 'name') raw.byName(nameSearch(p.words));
      }),
    );
    row(
      'core.invoke completo',
      await timeAsync(queries, async (q) => valueOf(await core.invoke(sessionId, 'accounts.find', { query: q }), q)),
    );
  }

  // Name search: which query forms are slow, and which part of the SQL costs what.
  const nameArgs = sets.names.slice(0, NAME_SAMPLES).map((q) => {
    const p = parseQuery(q);
    if (p.kind !== 'name') throw new Error(q);
    return { q, fts: nameSearch(p.words), match: nameSearch(p.words).bySurname };
  });
  const countMatches = raw.sqlite.prepare('SELECT count(*) FROM children_fts WHERE children_fts MATCH ?').pluck();
  header('Ricerca per nome, per forma della query (SQL grezzo)');
  const forms = new Map<string, { fts: NameSearchFts; match: string; hits: number }[]>();
  for (const a of nameArgs) {
    const list = forms.get(nameForm(a.q)) ?? [];
    list.push({ fts: a.fts, match: a.fts.bySurname, hits: countMatches.get(a.fts.bySurname) as number });
    forms.set(nameForm(a.q), list);
  }
  for (const [form, list] of forms) {
    const hits = list.map((l) => l.hits).sort((x, y) => x - y);
    row(
      `${form} (${list.length} query)`,
      timeSync(list, (l) => raw.byName(l.fts)),
      `bambini trovati: mediana ${hits[Math.floor(hits.length / 2)]}, max ${hits.at(-1)}`,
    );
  }

  header('Ricerca per nome: varianti della stessa SQL (tutte le query)');
  const variants: [string, string][] = [
    ['solo FTS5 MATCH (rowid)', 'SELECT rowid FROM children_fts WHERE children_fts MATCH ?'],
    [
      'FTS5 + children + ORDER BY (nessun conto, nessun saldo)',
      `SELECT c.id FROM children c JOIN (SELECT rowid AS rid FROM children_fts WHERE children_fts MATCH ?) m
         ON m.rid = c.rowid ORDER BY c.surname, c.name, c.id LIMIT 21`,
    ],
    [
      'query del core senza la sottoquery del saldo in sospeso',
      `SELECT a.id, a.papay_code, a.service, c.id, c.name, c.surname, c.school, c.fiscal_code, c.birth_date,
              f.name, f.surname, f.fiscal_code, f.address
         FROM accounts a JOIN children c ON c.id = a.child_id JOIN families f ON f.id = c.family_id
         JOIN (SELECT rowid AS rid FROM children_fts WHERE children_fts MATCH ?) m ON m.rid = c.rowid
        ORDER BY c.surname, c.name, c.id, a.service LIMIT 21`,
    ],
    [
      'prima la pagina (21 conti), poi famiglie e saldi solo per quelli',
      `WITH page AS (
         SELECT a.rowid AS arid, c.rowid AS crid FROM children_fts
           JOIN children c ON c.rowid = children_fts.rowid JOIN accounts a ON a.child_id = c.id
          WHERE children_fts MATCH ? ORDER BY c.surname, c.name, c.id, a.service LIMIT 21)
       SELECT a.id, a.papay_code, a.service, a.server_balance_cents,
              (SELECT COALESCE(SUM(l.amount_cents), 0) FROM ledger l
                WHERE l.account_id = a.id AND l.included_in_server_balance = 0) AS pending,
              c.id, c.name, c.surname, c.school, c.fiscal_code, c.birth_date,
              f.name, f.surname, f.fiscal_code, f.address
         FROM page JOIN accounts a ON a.rowid = page.arid JOIN children c ON c.rowid = page.crid
         JOIN families f ON f.id = c.family_id
        ORDER BY c.surname, c.name, c.id, a.service`,
    ],
  ];
  for (const [label, sql] of variants) {
    const stmt = raw.sqlite.prepare(sql);
    row(
      label,
      timeSync(nameArgs, (a) => stmt.all(a.match)),
    );
  }
  row(
    'query del core (come lookup.ts), cache SQLite 2 MB di default',
    timeSync(nameArgs, (a) => raw.byName(a.fts)),
  );
  raw.sqlite.pragma('cache_size = -65536');
  row(
    'query del core, cache SQLite 64 MB',
    timeSync(nameArgs, (a) => raw.byName(a.fts)),
  );
  const pageFirst = raw.sqlite.prepare(variants.at(-1)?.[1] ?? '');
  row(
    'prima la pagina, cache SQLite 64 MB',
    timeSync(nameArgs, (a) => pageFirst.all(a.match)),
  );
  raw.sqlite.pragma('cache_size = -2000');

  // Top-up: the money transaction, then the print bookkeeping, then the whole call.
  header(`Ricarica: ${COMMITS} commit per riga (synchronous=FULL, WAL)`);
  const ctx: CoreContext = {
    db,
    dataDir: workDir,
    counter: establishCounter(db, BENCH_COUNTER, new Date()),
    clock: systemClock,
    log: createLogger(workDir),
    printer: instantPrinter,
    emit: () => undefined,
  };
  const topups = new Topups(ctx, lookup);
  const print = printouts(ctx);
  const operator: Operator = { code: 'sportello1', name: 'Francesca Lazzerini', role: 'sportello', counterCode: 'SE1' };
  const work = sets.topups.slice(0, COMMITS);
  const markAndRecordStmts = [
    raw.sqlite.prepare('UPDATE receipts SET printed_at = ? WHERE receipt_no = ?'),
    raw.sqlite.prepare(
      `INSERT INTO receipt_prints (receipt_no, at, business_date, operator_code, copy, printed, error)
       VALUES (?, ?, '2026-01-01', 'sportello1', 0, 1, NULL)`,
    ),
  ] as const;
  const markAndRecord = raw.sqlite.transaction((receiptNo: string) => {
    const at = new Date().toISOString();
    markAndRecordStmts[0].run(at, receiptNo);
    markAndRecordStmts[1].run(receiptNo, at);
  });
  const sid = await loginFresh(core, 'profile-topup');
  const input = (t: { accountId: string; amountCents: number }) => ({
    ...t,
    method: 'cash' as const,
    confirmDuplicate: true,
    requestId: randomUUID(),
  });
  // Every piece once per sample, one after the other, so all meet the same moments of the disk.
  const lap = async (t: { accountId: string; amountCents: number }, times: bigint[][]) => {
    const t0 = process.hrtime.bigint();
    raw.insertLedgerRow(t.accountId, t.amountCents);
    const t1 = process.hrtime.bigint();
    const done = topups.record(operator, input(t), 'full');
    const t2 = process.hrtime.bigint();
    await print(
      {
        kind: 'receipt',
        receiptNo: done.receiptNo,
        operationId: done.operationId,
        businessDate: done.businessDate,
        text: done.receiptText,
        copy: false,
      },
      operator.code,
    );
    const t3 = process.hrtime.bigint();
    markAndRecord.immediate(done.receiptNo);
    const t4 = process.hrtime.bigint();
    valueOf(await core.invoke(sid, 'topups.record', input(t)), t.accountId);
    const t5 = process.hrtime.bigint();
    [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4].forEach((d, k) => times[k]?.push(d));
  };
  const labels = [
    'una INSERT nel ledger, una transazione (grezzo)',
    'Topups.record: transazione (ledger, ricevuta, outbox, audit)',
    'dopo la stampa: UPDATE printed_at + INSERT receipt_prints',
    'le stesse due scritture in una sola transazione (grezzo)',
    'core.invoke topups.record completo',
  ];
  for (const t of sets.topups.slice(COMMITS, COMMITS + 30))
    await lap(
      t,
      labels.map(() => []),
    );
  const times = labels.map((): bigint[] => []);
  for (const t of work) await lap(t, times);
  labels.forEach((label, k) => row(label, percentiles(times[k] ?? []), k === 2 ? '2 commit separati' : ''));

  header('Ricarica senza fsync (synchronous=OFF sulle connessioni del profilo): il lavoro di CPU');
  db.sqlite.pragma('synchronous = OFF');
  raw.sqlite.pragma('synchronous = OFF');
  const cpu = labels.map((): bigint[] => []);
  for (const t of sets.topups.slice(COMMITS + 30, COMMITS * 2 + 30)) await lap(t, cpu);
  [0, 1, 2, 3].forEach((k) => row(labels[k] ?? '', percentiles(cpu[k] ?? [])));
  db.sqlite.pragma('synchronous = FULL');
  raw.sqlite.pragma('synchronous = FULL');

  await core.close();
  await db.close();
  raw.close();
  fs.rmSync(workDir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
