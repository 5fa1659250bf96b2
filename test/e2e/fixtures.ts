import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { test as base, expect } from '@playwright/test';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'bin', 'sportello.cjs');
const DB_FILE = 'sportello.sqlite';

export interface RunningApp {
  url: string;
  dataDir: string;
  /** Read-only look into the seeded database, to pick real codes for the test. */
  query<T>(sql: string, ...params: unknown[]): T[];
}

interface Options {
  counter: string;
}

/** Starts `sportello serve` and resolves with the URL it prints once it is ready to answer. */
function startServe(dataDir: string, counter: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir, '--counter', counter], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const m = /^SPORTELLO_URL=(\S+)$/.exec(line);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', (code) =>
      reject(new Error(`sportello serve è uscito (${code}) prima di essere pronto:\n${stderr}`)),
    );
    child.once('error', reject);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<Options & { app: RunningApp }>({
  counter: ['SE1', { option: true }],
  app: async ({ counter }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    execFileSync(process.execPath, [CLI, 'seed', '--demo', '--data', dataDir], { cwd: REPO, stdio: 'pipe' });
    const { child, url } = await startServe(dataDir, counter);
    const db = new Database(path.join(dataDir, DB_FILE), { readonly: true, fileMustExist: true });
    try {
      await use({
        url,
        dataDir,
        query: <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[],
      });
    } finally {
      db.close();
      await stop(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
