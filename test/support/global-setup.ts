import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemoDataDir } from '../../dev/seed';
import { SECURITY_ROWS_ENV, writeSecurityTable, type HeldRow } from '../../scripts/security-table';

/** Seeds the demo database once per run; tests copy it into their own data folder. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Every folder the tests make (data folders, centrals, PDFs) goes under one root removed at the end: the
  // workers and the processes they start inherit TMPDIR, which os.tmpdir() reads.
  const runRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-run-'));
  process.env['TMPDIR'] = runRoot;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-template-'));
  // Suites about other domains take money in one step; the till's own tests turn the requirement on.
  await seedDemoDataDir(dir, { tillRequired: false });
  project.provide('demoTemplateDir', dir);
  // Outside the run root: the teardown reads it after the tests, then removes both.
  const rowsFile = `${runRoot}.security-rows.jsonl`;
  process.env[SECURITY_ROWS_ENV] = rowsFile;
  return async () => {
    fs.rmSync(runRoot, { recursive: true, force: true });
    const rows = fs.existsSync(rowsFile)
      ? fs
          .readFileSync(rowsFile, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as HeldRow)
      : [];
    fs.rmSync(rowsFile, { force: true });
    await writeSecurityTable(rows);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplateDir: string;
  }
}
