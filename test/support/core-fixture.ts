import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { inject } from 'vitest';
import { openCore, type CoreOptions } from '../../src-main/core/core';
import type { Core, LocalCore } from '../../src-main/core/types';
import { ManualClock } from './manual-clock';
import type { ReceiptPrinter, PrintResult } from '../../src-main/printing/printer';
import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/contract';
import type { Reply } from '../../shared/errors';
import { KEY_FILE } from '../../src-main/db/key';
import { DB_FILE } from '../../src-main/db/open';
import { CounterConfig } from '../../shared/config';
import { openCounterFile } from './counter-file';

export { ManualClock };

/** A fresh data folder holding a copy of the demo database seeded once for the run. */
export function demoDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-test-'));
  for (const file of [DB_FILE, KEY_FILE])
    fs.copyFileSync(path.join(inject('demoTemplateDir'), file), path.join(dir, file));
  return dir;
}

/**
 * The seeded demo database as every test copies it (read-only): what a pharmacy's own copy no
 * longer holds once it was reduced at start (codici fiscali, whole surnames).
 */
export function demoTemplate(): BetterSqlite3.Database {
  return openCounterFile(inject('demoTemplateDir'), { readonly: true });
}

/** A printer that remembers what it was given and can be told to fail. */
export class RecordingPrinter implements ReceiptPrinter {
  readonly jobs: { name: string; text: string; qr: string | undefined }[] = [];
  failWith: string | null = null;
  print(name: string, text: string, opts: { qr?: string }): Promise<PrintResult> {
    if (this.failWith) return Promise.resolve({ ok: false, error: this.failWith });
    this.jobs.push({ name, text, qr: opts.qr });
    return Promise.resolve({ ok: true, where: 'file' });
  }
}

/**
 * What a test passes to a channel: a money request's id may be left out, and the caller then makes
 * a new one for the call, as the counter's screen does once per operator's action. A test of
 * repeats passes its own.
 */
export type TestInput<C extends Channel> =
  ChannelInput<C> extends { requestId: string }
    ? Omit<ChannelInput<C>, 'requestId'> & { requestId?: string }
    : ChannelInput<C>;

/** The input with a fresh request id when the channel takes one and the test gave none. */
export function withRequestId<C extends Channel>(channel: C, input: TestInput<C>): ChannelInput<C> {
  const schema = contract[channel].input as { shape?: Record<string, unknown> };
  const wants = schema.shape !== undefined && 'requestId' in schema.shape;
  if (!wants || typeof input !== 'object' || input === null || 'requestId' in input) return input as ChannelInput<C>;
  return { ...input, requestId: randomUUID() } as ChannelInput<C>;
}

export interface TestCore {
  core: LocalCore;
  dataDir: string;
  clock: ManualClock;
  printer: RecordingPrinter;
  /** Calls a channel as the given session (default "s1") and returns the reply as data. */
  call<C extends Channel>(channel: C, input: TestInput<C>, sessionId?: string): Promise<Reply<ChannelOutput<C>>>;
  /** Calls and asserts ok, returning the value. */
  must<C extends Channel>(channel: C, input: TestInput<C>, sessionId?: string): Promise<ChannelOutput<C>>;
  login(operator: string, pin: string, sessionId?: string): Promise<void>;
  /** Direct read access to the database file, for assertions. */
  sql: BetterSqlite3.Database;
  close(): Promise<void>;
}

export async function openTestCore(
  opts: {
    counter?: string;
    dataDir?: string;
    config?: (c: CounterConfig) => CounterConfig;
  } & Partial<CoreOptions> = {},
): Promise<TestCore> {
  const dataDir = opts.dataDir ?? demoDataDir();
  const counterCode = opts.counter ?? 'SE1';
  const sql = openCounterFile(dataDir);
  if (opts.config) {
    const row = sql.prepare('SELECT config FROM counters WHERE code = ?').get(counterCode) as { config: string };
    const next = opts.config(CounterConfig.parse(JSON.parse(row.config)));
    sql.prepare('UPDATE counters SET config = ? WHERE code = ?').run(JSON.stringify(next), counterCode);
  }
  const clock = opts.clock instanceof ManualClock ? opts.clock : new ManualClock();
  const printer = new RecordingPrinter();
  const core = await openCore({
    dataDir,
    counterCode,
    clock,
    receiptPrinter: opts.receiptPrinter ?? printer,
    ...(opts.log ? { log: opts.log } : {}),
  });
  const { call, must } = callersOf(core);
  return {
    core,
    dataDir,
    clock,
    printer,
    call,
    must,
    login: async (operator, pin, sessionId = 's1') => {
      await must('session.login', { operator, pin }, sessionId);
    },
    sql,
    close: async () => {
      sql.close();
      await core.close();
    },
  };
}

/** Typed calls to a core as a session (default "s1"): `call` answers the reply, `must` the value or throws. */
export function callersOf(core: Core) {
  const call = async <C extends Channel>(channel: C, input: TestInput<C>, sessionId = 's1') =>
    (await core.invoke(sessionId, channel, withRequestId(channel, input))) as Reply<ChannelOutput<C>>;
  const must = async <C extends Channel>(channel: C, input: TestInput<C>, sessionId = 's1') => {
    const r = await call(channel, input, sessionId);
    if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  return { call, must };
}

/** Demo data picks, read from the database so tests do not hard-code seeded values. */
export function pick(sql: BetterSqlite3.Database) {
  return {
    account(where = '1 = 1'): { id: string; papay_code: string; child_id: string; service: string } {
      return sql
        .prepare(
          `SELECT a.id, a.papay_code, a.child_id, a.service FROM accounts a JOIN children c ON c.id = a.child_id WHERE ${where} ORDER BY a.papay_code LIMIT 1`,
        )
        .get() as { id: string; papay_code: string; child_id: string; service: string };
    },
    child(where = '1 = 1'): {
      id: string;
      name: string;
      surname: string;
      fiscal_code: string;
      fiscal_code_canonical: string;
    } {
      return sql
        .prepare(
          `SELECT id, name, surname, fiscal_code, fiscal_code_canonical FROM children WHERE ${where} ORDER BY id LIMIT 1`,
        )
        .get() as { id: string; name: string; surname: string; fiscal_code: string; fiscal_code_canonical: string };
    },
    count(table: string, where = '1 = 1'): number {
      return (sql.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
    },
  };
}
