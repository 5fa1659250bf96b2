import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type Database from 'better-sqlite3';
import { test as base, expect } from '@playwright/test';
import { openCounterFile } from '../support/counter-file';
import { startVirtualPrinter, type VirtualPrinter } from '../support/virtual-printer';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'bin', 'sportello.cjs');
const DB_FILE = 'sportello.sqlite';

export interface RunningApp {
  url: string;
  dataDir: string;
  /** Read-only look into the seeded database, to pick real codes for the test. */
  query<T>(sql: string, ...params: unknown[]): T[];
  /** The receipt printer on loopback that captures the bytes, when the test asked for it (virtualPrinter). */
  printer: VirtualPrinter | null;
}

interface Options {
  counter: string;
  /** Configure a receipt printer that refuses every connection (a closed port on loopback). */
  brokenPrinter: boolean;
  /** Configure the virtual receipt printer (test/support), whose captured bytes the test reads back. */
  virtualPrinter: boolean;
  /** Start a PC never configured (demo data, no --counter): the page opens the first-run setup. */
  unconfigured: boolean;
}

/** A loopback port nobody listens on: taken from the OS, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a long-lived `sportello <command>` and resolves with the URL it announces on stdout
 * (`<announce>=<url>`) once it is ready to answer; rejects with its stderr if it exits first.
 */
function startCli(args: string[], announce: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith(`${announce}=`)) resolve({ child, url: line.slice(announce.length + 1).trim() });
    });
    child.once('exit', (code) =>
      reject(new Error(`sportello ${args[0]} è uscito (${code}) prima di essere pronto:\n${stderr}`)),
    );
    child.once('error', reject);
  });
}

/** Starts `sportello serve` and resolves with the URL it prints once it is ready to answer. */
function startServe(
  dataDir: string,
  counter: string | null,
  extraArgs: string[],
): Promise<{ child: ChildProcess; url: string }> {
  const which = counter === null ? [] : ['--counter', counter];
  return startCli(['serve', '--port', '0', '--data', dataDir, ...which, ...extraArgs], 'SPORTELLO_URL');
}

let reference: string | null = null;

/**
 * The demo data as seeded, before any counter reduced it: a pharmacy keeps no codice fiscale and
 * only surname initials once it started, so a test that needs what a customer would say (the
 * whole surname, the codice fiscale) reads it here. Seeded once per worker (the demo is the same
 * rows, ids and codes in every folder).
 */
export function demoReference(): { query: RunningApp['query']; close(): void } {
  if (reference === null) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-reference-'));
    execFileSync(process.execPath, [CLI, 'seed', '--demo', '--till-optional', '--data', dir], {
      cwd: REPO,
      stdio: 'pipe',
    });
    reference = dir;
  }
  return databaseReader(reference);
}

/** A read-only look into a counter's database, opened on first use (the file may not exist before). */
export function databaseReader(dataDir: string): { query: RunningApp['query']; close(): void } {
  let db: Database.Database | null = null;
  return {
    query: <T>(sql: string, ...params: unknown[]) => {
      db ??= openCounterFile(dataDir, { readonly: true, fileMustExist: true });
      return db.prepare(sql).all(...params) as T[];
    },
    close: () => db?.close(),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts the central service emulator (`sportello central`) and resolves with its URL once it answers.
 * tillOptional: its demo counters take money outside a till session (suites about other domains).
 */
export function startCentral(
  dataDir: string,
  opts: { port?: number; demo?: boolean; tillOptional?: boolean } = {},
): Promise<{ child: ChildProcess; url: string }> {
  const args = [
    'central',
    '--port',
    String(opts.port ?? 0),
    '--data',
    dataDir,
    ...(opts.demo ? ['--demo'] : []),
    ...(opts.tillOptional ? ['--till-optional'] : []),
  ];
  return startCli(args, 'CENTRAL_URL');
}

/** A one-time enrolment code from the emulator's database (the last line the command prints). */
export function enrolmentCode(centralDataDir: string, counter: string): string {
  const out = execFileSync(
    process.execPath,
    [CLI, 'central', 'enrolment-code', '--data', centralDataDir, '--counter', counter],
    { cwd: REPO, encoding: 'utf8' },
  );
  const code = out.trim().split('\n').pop()?.trim() ?? '';
  if (code === '') throw new Error(`nessun codice di attivazione in: ${out}`);
  return code;
}

/** Test-only surgery on a counter's outbox: the stand-in for an operation the central must refuse. */
export function rewriteQueuedPapay(counter: { dataDir: string }, operationId: string, papayCode: string): void {
  const db = openCounterFile(counter.dataDir, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const row = db.prepare('SELECT payload FROM outbox WHERE operation_id = ?').get(operationId) as
      { payload: string } | undefined;
    expect(row).toBeDefined();
    const payload = JSON.parse(row!.payload) as Record<string, unknown>;
    db.prepare('UPDATE outbox SET payload = ? WHERE operation_id = ?').run(
      JSON.stringify({ ...payload, papayCode }),
      operationId,
    );
  } finally {
    db.close();
  }
}

export { startServe, stop, CLI, DB_FILE };

export const test = base.extend<Options & { app: RunningApp; pageProblems: void }>({
  // Any script error, CSP violation or failed load in the page fails the test that caused it.
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await use();
      expect(problems, 'errori nella pagina').toEqual([]);
    },
    { auto: true },
  ],
  counter: ['SE1', { option: true }],
  brokenPrinter: [false, { option: true }],
  virtualPrinter: [false, { option: true }],
  unconfigured: [false, { option: true }],
  app: async ({ counter, brokenPrinter, virtualPrinter, unconfigured, page }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    // The walkthroughs of the other domains take money in one step; till.spec.ts seeds its own counters.
    execFileSync(process.execPath, [CLI, 'seed', '--demo', '--till-optional', '--data', dataDir], {
      cwd: REPO,
      stdio: 'pipe',
    });
    const printer = virtualPrinter ? await startVirtualPrinter() : null;
    const extraArgs = brokenPrinter
      ? ['--printer', `127.0.0.1:${await closedPort()}`]
      : printer
        ? ['--printer', `${printer.host}:${printer.port}`]
        : [];
    const { child, url } = await startServe(dataDir, unconfigured ? null : counter, extraArgs);
    const db = openCounterFile(dataDir, { readonly: true, fileMustExist: true });
    try {
      await use({
        url,
        dataDir,
        query: <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[],
        printer,
      });
    } finally {
      db.close();
      // The page polls the sync status: it must leave before the host stops, or its refused
      // requests would count as page errors of a test that did nothing wrong.
      await page.goto('about:blank');
      await stop(child);
      await printer?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
