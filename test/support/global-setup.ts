import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { seedDemoDataDir } from '../../dev/seed';

/** Seeds the demo database once per run; tests copy it into their own data folder. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-template-'));
  // Suites about other domains take money in one step; the till's own tests turn the requirement on.
  await seedDemoDataDir(dir, { tillRequired: false });
  project.provide('demoTemplateDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoTemplateDir: string;
  }
}
