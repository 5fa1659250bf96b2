import { CounterConfig } from '../shared/config';
import { DEMO_COUNTERS, demoCounters, type DemoCounterOptions } from '../seeds/counters';
import type { DemoCounterRow } from '../seeds/rows';
import { SEED_TIME } from '../seeds/calendar';
import { benchRosterOptions, demoRosterOptions } from '../seeds/demo';
import { demoOperatorRows } from '../seeds/pins';
import { buildRoster, type RosterOptions } from '../seeds/roster';
import { centralRow, ledgerWriter } from './ledger';
import { changeRecorder, type CentralSqlite } from './schema';

/**
 * Loads the same roster `sportello seed --demo` (or the benchmark seed) writes into a counter, with
 * the same ids, into the emulator. The counter's seeded balance already counts the seeded history,
 * so the opening balance here is that balance minus the history: the central balance (opening +
 * ledger) then equals what the seeded counter shows, and every history entry gets a real seq.
 */
export interface LoadSummary {
  counters: number;
  operators: number;
  families: number;
  children: number;
  accounts: number;
  entries: number;
}

/** Page cache while loading, negative = KiB. */
const BULK_CACHE_KIB = -524_288;

export function isEmpty(sqlite: CentralSqlite): boolean {
  return (sqlite.prepare('SELECT count(*) FROM counters').pluck().get() as number) === 0;
}

export function loadDemo(sqlite: CentralSqlite, counters: DemoCounterOptions = { tillRequired: true }): LoadSummary {
  return loadRoster(sqlite, demoRosterOptions(), demoCounters(counters));
}

export function loadBench(sqlite: CentralSqlite, accounts: number): LoadSummary {
  return loadRoster(sqlite, benchRosterOptions(accounts), DEMO_COUNTERS);
}

function loadRoster(sqlite: CentralSqlite, options: RosterOptions, counters: readonly DemoCounterRow[]): LoadSummary {
  if (!isEmpty(sqlite)) throw new Error("Il database dell'emulatore contiene già dati: usare una cartella nuova.");
  // The same hashes as a counter seeded with the demo data (dev/seed.ts).
  const operators = demoOperatorRows(options.seed);
  const summary: LoadSummary = { counters: 0, operators: 0, families: 0, children: 0, accounts: 0, entries: 0 };
  const recordChange = changeRecorder(sqlite);
  const ledger = ledgerWriter(sqlite);
  const insertCounter = sqlite.prepare(
    'INSERT INTO counters (code, name, kind, address, config) VALUES (@code, @name, @kind, @address, @config)',
  );
  const insertOperator = sqlite.prepare(
    `INSERT INTO operators (code, name, role, counter_code, pin_hash, active)
     VALUES (@code, @name, @role, @counterCode, @pinHash, 1)`,
  );
  const insertFamily = sqlite.prepare(
    `INSERT INTO families (id, surname, name, fiscal_code, address, phone, email)
     VALUES (@id, @surname, @name, @fiscalCode, @address, @phone, @email)`,
  );
  const insertChild = sqlite.prepare(
    `INSERT INTO children (id, family_id, surname, name, fiscal_code, birth_date, school)
     VALUES (@id, @familyId, @surname, @name, @fiscalCode, @birthDate, @school)`,
  );
  const insertAccount = sqlite.prepare(
    `INSERT INTO accounts (id, child_id, service, papay_code, opening_balance_cents, balance_cents, balance_seq, balance_at)
     VALUES (@id, @childId, @service, @papayCode, @opening, @balance, 0, @at)`,
  );
  // Ids are UUIDv7 spread over years: inserts land all over the b-trees, which a 2 MB page cache
  // would spend its time re-reading (the same reason as in dev/seed.ts).
  const setBalanceSeq = sqlite.prepare('UPDATE accounts SET balance_seq = ? WHERE id = ?');
  const previousCacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${BULK_CACHE_KIB}`);
  // One transaction, one fsync: the load is all or nothing.
  sqlite.transaction(() => {
    for (const counter of counters) {
      insertCounter.run({ ...counter, config: JSON.stringify(CounterConfig.parse(counter.config)) });
      recordChange('counter', counter.code);
      summary.counters++;
    }
    for (const o of operators) {
      insertOperator.run({ code: o.code, name: o.name, role: o.role, counterCode: o.counterCode, pinHash: o.pinHash });
      recordChange('operator', o.code);
      summary.operators++;
    }
    for (const { family, children } of buildRoster(options)) {
      insertFamily.run(family);
      recordChange('family', family.id);
      summary.families++;
      for (const { child, accounts } of children) {
        insertChild.run(child);
        recordChange('child', child.id);
        summary.children++;
        for (const { account, history } of accounts) {
          const historyCents = history.reduce((sum, e) => sum + e.amountCents, 0);
          insertAccount.run({
            id: account.id,
            childId: account.childId,
            service: account.service,
            papayCode: account.papayCode,
            opening: account.serverBalanceCents - historyCents,
            balance: account.serverBalanceCents,
            at: account.serverBalanceAt ?? SEED_TIME,
          });
          recordChange('account', account.id);
          summary.accounts++;
          let lastSeq = 0;
          for (const entry of history) {
            lastSeq = ledger.appendLoaded(
              centralRow({
                id: entry.id,
                accountId: entry.accountId,
                kind: entry.kind,
                amountCents: entry.amountCents,
                createdAt: entry.createdAt,
                receivedAt: entry.createdAt,
                reason: entry.reason,
              }),
            );
            summary.entries++;
          }
          if (lastSeq > 0) setBalanceSeq.run(lastSeq, account.id);
        }
      }
    }
  })();
  sqlite.pragma(`cache_size = ${previousCacheSize}`);
  return summary;
}
