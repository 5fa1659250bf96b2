import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiscalCode } from '../../../shared/codiceFiscale';
import { CounterConfig } from '../../../shared/config';
import { checkPapayCode } from '../../../shared/papay';
import { verifyPin } from '../../../src-main/operators/pin';
import { DEMO_OPERATORS, SEED_TIME } from '../../../seeds';
import { DatabaseNotEmptyError, seedBench, seedDemoDataDir, type SeedSummary } from '../../../dev/seed';
import { openCounterFile } from '../../support/counter-file';

const TABLES_BY_KEY = {
  counters: 'code',
  operators: 'code',
  families: 'id',
  children: 'id',
  accounts: 'id',
  ledger: 'id',
} as const;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
}

function readOnly(dataDir: string): BetterSqlite3.Database {
  return openCounterFile(dataDir, { readonly: true });
}

function all<T>(db: BetterSqlite3.Database, query: string, ...params: unknown[]): T[] {
  return db.prepare(query).all(...params) as T[];
}

function count(db: BetterSqlite3.Database, query: string): number {
  return (db.prepare(query).get() as { n: number }).n;
}

describe('demo seed', () => {
  const dirs: string[] = [];
  let first: BetterSqlite3.Database;
  let second: BetterSqlite3.Database;
  let summary: SeedSummary;
  let seedMs = 0;

  beforeAll(async () => {
    dirs.push(tempDir(), tempDir());
    const started = performance.now();
    summary = await seedDemoDataDir(dirs[0]!);
    seedMs = performance.now() - started;
    await seedDemoDataDir(dirs[1]!);
    first = readOnly(dirs[0]!);
    second = readOnly(dirs[1]!);
  });

  afterAll(() => {
    first?.close();
    second?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same rows, ids, Pa-Pay codes and codici fiscali in two folders', () => {
    for (const [table, key] of Object.entries(TABLES_BY_KEY)) {
      const a = all(first, `SELECT * FROM ${table} ORDER BY ${key}`);
      const b = all(second, `SELECT * FROM ${table} ORDER BY ${key}`);
      expect(a.length, table).toBeGreaterThan(0);
      expect(b, table).toEqual(a);
    }
  });

  it('seeds well within a minute', () => {
    console.log(`seedDemoDataDir: ${Math.round(seedMs)} ms`, summary);
    expect(seedMs).toBeLessThan(60_000);
  });

  it('has about 2,000 families and 3,000 children, each with something to top up', () => {
    expect(summary.families).toBe(2000);
    expect(count(first, 'SELECT count(*) AS n FROM families')).toBe(2000);
    const children = count(first, 'SELECT count(*) AS n FROM children');
    expect(children).toBe(summary.children);
    expect(children).toBeGreaterThanOrEqual(2700);
    expect(children).toBeLessThanOrEqual(3300);
    const accounts = count(first, 'SELECT count(*) AS n FROM accounts');
    expect(accounts).toBe(summary.accounts);
    expect(accounts).toBeGreaterThanOrEqual(children);
    expect(
      count(
        first,
        'SELECT count(*) AS n FROM families f WHERE NOT EXISTS (SELECT 1 FROM children c WHERE c.family_id = f.id)',
      ),
    ).toBe(0);
    expect(
      count(
        first,
        'SELECT count(*) AS n FROM children c WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.child_id = c.id)',
      ),
    ).toBe(0);
    const perFamily = all<{ n: number }>(first, 'SELECT count(*) AS n FROM children GROUP BY family_id').map(
      (r) => r.n,
    );
    expect(Math.min(...perFamily)).toBe(1);
    expect(Math.max(...perFamily)).toBe(3);
  });

  it('uses all three services, with some negative balances', () => {
    const byService = all<{ service: string; n: number; negative: number }>(
      first,
      'SELECT service, count(*) AS n, sum(server_balance_cents < 0) AS negative FROM accounts GROUP BY service ORDER BY service',
    );
    expect(byService.map((r) => r.service)).toEqual(['asilo_nido', 'refezione', 'trasporto']);
    for (const row of byService) expect(row.negative, row.service).toBeGreaterThan(0);
    expect(count(first, 'SELECT count(*) AS n FROM accounts WHERE server_seq <= 0')).toBe(0);
    expect(count(first, `SELECT count(*) AS n FROM accounts WHERE server_balance_at IS NOT '${SEED_TIME}'`)).toBe(0);
  });

  it('gives every child and parent a valid codice fiscale matching the stored birth date, some omocodic', () => {
    const children = all<{ fiscal_code: string; fiscal_code_canonical: string; birth_date: string }>(
      first,
      'SELECT fiscal_code, fiscal_code_canonical, birth_date FROM children',
    );
    let omocodic = 0;
    for (const c of children) {
      const check = checkFiscalCode(c.fiscal_code);
      if (!check.valid) throw new Error(`${c.fiscal_code}: ${check.message}`);
      expect(check.canonical).toBe(c.fiscal_code_canonical);
      expect(check.birthDate).toBe(c.birth_date);
      if (check.omocodic) omocodic++;
    }
    expect(omocodic).toBeGreaterThanOrEqual(Math.floor(children.length * 0.01));
    expect(omocodic).toBeLessThanOrEqual(Math.ceil(children.length * 0.04));
    for (const f of all<{ fiscal_code: string }>(first, 'SELECT fiscal_code FROM families')) {
      expect(checkFiscalCode(f.fiscal_code).valid, f.fiscal_code).toBe(true);
    }
    // Two people never share a canonical code: a search by codice fiscale finds one person.
    expect(count(first, 'SELECT count(DISTINCT fiscal_code_canonical) AS n FROM children')).toBe(children.length);
    // Foreign-born children (Z-codes) are there too.
    expect(children.some((c) => c.fiscal_code_canonical.slice(11, 12) === 'Z')).toBe(true);
  });

  it('gives every account a valid, unique Pa-Pay code', () => {
    const codes = all<{ papay_code: string }>(first, 'SELECT papay_code FROM accounts').map((r) => r.papay_code);
    for (const code of codes) expect(checkPapayCode(code).valid, code).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('makes every id a UUIDv7', () => {
    const ids = all<{ id: string }>(
      first,
      'SELECT id FROM families UNION ALL SELECT id FROM children UNION ALL SELECT id FROM accounts UNION ALL SELECT id FROM ledger',
    );
    for (const { id } of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids.map((r) => r.id)).size).toBe(ids.length);
  });

  it('puts children in a school that fits their age', () => {
    const rows = all<{ birth_date: string; school: string }>(first, 'SELECT birth_date, school FROM children');
    const levels = new Set<string>();
    for (const { birth_date, school } of rows) {
      const year = Number(birth_date.slice(0, 4));
      if (school.startsWith('Nido')) {
        levels.add('nido');
        expect(year, school).toBeGreaterThanOrEqual(2024);
      } else if (school.startsWith("Scuola dell'infanzia")) {
        levels.add('infanzia');
        expect([2021, 2022, 2023], school).toContain(year);
      } else if (school.startsWith('Scuola primaria')) {
        levels.add('primaria');
        expect(school).toContain(`classe ${2026 - year - 5}ª`);
      } else if (school.startsWith('Scuola secondaria di primo grado')) {
        levels.add('secondaria');
        expect(school).toContain(`classe ${2026 - year - 10}ª`);
      } else {
        throw new Error(`scuola inattesa: ${school}`);
      }
    }
    expect(levels.size).toBe(4);
    // Nursery children have only the nursery account; nobody else has one.
    expect(
      count(
        first,
        `SELECT count(*) AS n FROM accounts a JOIN children c ON c.id = a.child_id
         WHERE (a.service = 'asilo_nido') <> (c.school LIKE 'Nido%')`,
      ),
    ).toBe(0);
  });

  it('records meal history as central entries already in the balance, and nothing to send', () => {
    expect(summary.ledgerEntries).toBeGreaterThan(1000);
    expect(
      count(first, "SELECT count(*) AS n FROM ledger WHERE origin <> 'central' OR included_in_server_balance <> 1"),
    ).toBe(0);
    expect(count(first, "SELECT count(*) AS n FROM ledger WHERE kind = 'meal' AND amount_cents >= 0")).toBe(0);
    expect(count(first, "SELECT count(*) AS n FROM ledger WHERE kind = 'meal'")).toBeGreaterThan(1000);
    expect(
      count(
        first,
        "SELECT count(*) AS n FROM ledger l JOIN accounts a ON a.id = l.account_id WHERE a.service <> 'refezione'",
      ),
    ).toBe(0);
    // School days only, never after the seed time.
    const days = all<{ business_date: string }>(first, 'SELECT DISTINCT business_date FROM ledger');
    for (const { business_date } of days) {
      const weekday = new Date(`${business_date}T12:00:00Z`).getUTCDay();
      expect(weekday, business_date).not.toBe(0);
      expect(weekday, business_date).not.toBe(6);
      expect(business_date <= SEED_TIME.slice(0, 10)).toBe(true);
    }
    for (const table of ['outbox', 'receipts', 'audit']) {
      expect(count(first, `SELECT count(*) AS n FROM ${table}`), table).toBe(0);
    }
  });

  it('creates the counters with their exact codes and configuration', () => {
    const counters = all<{ code: string; kind: string; config: string }>(
      first,
      'SELECT code, kind, config FROM counters ORDER BY code',
    );
    expect(counters.map((c) => c.code)).toEqual([
      'ECO',
      'FAR-CAVATORE',
      'FAR-FIORILLO',
      'FAR-FOSSONE',
      'FAR-LAPERLA',
      'FAR-LAPRADA',
      'FAR-PARADISO',
      'SE1',
      'SE2',
    ]);
    for (const counter of counters) {
      const config = CounterConfig.parse(JSON.parse(counter.config));
      expect(config.receiptHeader[0]).toBe('COMUNE DI CARRARA');
      expect(config.channels.map((c) => [c.method, c.from, c.to])).toEqual([
        ['cash', '2019-01-01', null],
        ['card', '2019-01-01', null],
      ]);
      if (counter.code.startsWith('FAR-')) {
        expect(counter.kind).toBe('farmacia');
        expect(config.largeType).toBe(true);
        expect(config.stampDuty).toBeNull();
        expect(config.receiptHeader.join(' ')).toContain('Apuafarma');
      } else {
        expect(config.largeType).toBe(false);
        expect(config.stampDuty).toEqual({
          thresholdCents: 7747,
          amountCents: 200,
          text: 'Imposta di bollo assolta in modo virtuale',
        });
      }
    }
    expect(counters.find((c) => c.code === 'ECO')?.kind).toBe('economato');
    expect(counters.find((c) => c.code === 'SE1')?.kind).toBe('sportello');
  });

  it('creates the operators whose PINs verify', () => {
    const rows = all<{ code: string; role: string; counter_code: string | null; pin_hash: string; active: number }>(
      first,
      'SELECT code, role, counter_code, pin_hash, active FROM operators',
    );
    expect(rows).toHaveLength(DEMO_OPERATORS.length);
    for (const op of DEMO_OPERATORS) {
      const row = rows.find((r) => r.code === op.code);
      expect(row, op.code).toBeDefined();
      expect(row?.role).toBe(op.role);
      expect(row?.counter_code).toBe(op.counterCode);
      expect(row?.active).toBe(1);
      expect(verifyPin(op.pin, row?.pin_hash ?? ''), op.code).toBe(true);
    }
    const cavatore = rows.find((r) => r.code === 'cavatore');
    expect(verifyPin('1235', cavatore?.pin_hash ?? '')).toBe(false);
    expect(rows.find((r) => r.code === 'supervisore')).toMatchObject({ role: 'supervisore', counter_code: null });
    for (const slug of ['cavatore', 'laperla', 'laprada', 'fossone', 'fiorillo', 'paradiso']) {
      const counter = `FAR-${slug.toUpperCase()}`;
      expect(rows.find((r) => r.code === slug)).toMatchObject({ role: 'farmacia', counter_code: counter });
      expect(rows.find((r) => r.code === `sup-${slug}`)).toMatchObject({ role: 'supervisore', counter_code: counter });
    }
  });

  it('lets the name search find apostrophes and accents typed plainly', () => {
    const search = (query: string): { surname: string; name: string }[] =>
      all(
        first,
        `SELECT c.surname, c.name FROM children_fts f JOIN children c ON c.rowid = f.rowid WHERE children_fts MATCH ?`,
        query,
      );
    const dellAmico = search(`surname:"dell'amico"`);
    expect(dellAmico.length).toBeGreaterThan(0);
    for (const row of dellAmico) expect(row.surname).toBe("Dell'Amico");
    const niccolo = search('name:niccolo');
    expect(niccolo.length).toBeGreaterThan(0);
    for (const row of niccolo) expect(row.name).toBe('Niccolò');
    expect(search('name:nicolo').every((r) => r.name === 'Nicolò')).toBe(true);
    expect(search('name:noe').length).toBeGreaterThan(0);
    expect(search('name:"maria sole"').every((r) => r.name === 'Maria Sole')).toBe(true);
    expect(search(`surname:"d'angelo"`).length).toBeGreaterThan(0);
  });

  it('refuses to seed a database that already holds data, in Italian, and leaves it as it was', async () => {
    const before = count(first, 'SELECT count(*) AS n FROM ledger');
    const attempt = seedDemoDataDir(dirs[0]!);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    await expect(attempt).rejects.toThrow(/contiene già dati/);
    const reopened = readOnly(dirs[0]!);
    try {
      expect(count(reopened, 'SELECT count(*) AS n FROM ledger')).toBe(before);
      expect(count(reopened, 'SELECT count(*) AS n FROM families')).toBe(2000);
    } finally {
      reopened.close();
    }
  });
});

describe('bench seed', () => {
  it('builds exactly the number of accounts asked, from the same builders', async () => {
    const dir = tempDir();
    try {
      const summary = await seedBench(dir, { accounts: 2345 });
      expect(summary.accounts).toBe(2345);
      const db = readOnly(dir);
      try {
        expect(count(db, 'SELECT count(*) AS n FROM accounts')).toBe(2345);
        expect(
          count(
            db,
            'SELECT count(*) AS n FROM children c WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.child_id = c.id)',
          ),
        ).toBe(0);
        expect(count(db, 'SELECT count(*) AS n FROM operators')).toBe(DEMO_OPERATORS.length);
        expect(count(db, 'SELECT count(*) AS n FROM outbox')).toBe(0);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a number of accounts that is not a positive integer', async () => {
    const dir = tempDir();
    try {
      await expect(seedBench(dir, { accounts: 0 })).rejects.toThrow(/numero di conti non valido/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
