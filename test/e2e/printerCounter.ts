import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { decodeEscPos } from '../support/escpos-decoder';
import { startVirtualPrinter, type VirtualPrinter } from '../support/virtual-printer';
import { CLI, databaseReader, startServe, stop } from './fixtures';

const REPO = path.resolve(__dirname, '..', '..');

export interface Counter {
  url: string;
  dataDir: string;
  child: ChildProcess;
  printer: VirtualPrinter;
  papay: string;
}

/** A seeded counter (its own data folder) whose receipt printer is the virtual one: what it prints is read back from the bytes. */
export async function counterWithPrinter(code: string): Promise<Counter> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-printer-'));
  execFileSync(process.execPath, [CLI, 'seed', '--demo', '--data', dataDir], { cwd: REPO, stdio: 'pipe' });
  const printer = await startVirtualPrinter();
  const { child, url } = await startServe(dataDir, code, ['--printer', `${printer.host}:${printer.port}`]);
  const db = databaseReader(dataDir);
  const [row] = db.query<{ papay_code: string }>('SELECT papay_code FROM accounts ORDER BY papay_code LIMIT 1');
  db.close();
  return { url, dataDir, child, printer, papay: row!.papay_code };
}

export async function leave(page: Page, c: Counter) {
  await page.goto('about:blank');
  await stop(c.child);
  await c.printer.close();
  fs.rmSync(c.dataDir, { recursive: true, force: true });
}

/** The text of the last job the virtual printer received. */
export async function lastPrinted(printer: VirtualPrinter, jobs: number): Promise<string> {
  const all = await printer.waitForJobs(jobs, 15_000);
  return decodeEscPos(all[jobs - 1]!).text;
}
