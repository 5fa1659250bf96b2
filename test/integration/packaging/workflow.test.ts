import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';

// js-yaml as electron-builder uses it (no types of its own).
const yaml = createRequire(require.resolve('app-builder-lib/package.json'))('js-yaml') as {
  load(text: string): unknown;
};
const file = path.resolve(__dirname, '../../../.github/workflows/windows.yml');
const text = fs.readFileSync(file, 'utf8');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

describe('the Windows build workflow', () => {
  it("is a valid GitHub Actions workflow (action-validator, SchemaStore's schema)", () => {
    const { errors } = validateWorkflow(text);
    expect(errors).toEqual([]);
  });

  it('a broken copy is caught: an unknown key, a job without runs-on', () => {
    expect(validateWorkflow(text.replace('runs-on: windows-latest', 'runs_on: windows-latest')).errors).not.toEqual([]);
  });

  it('on windows-latest: npm ci, the tests, the e2e tests, the installer with signing secrets, the artifacts', () => {
    const workflow = yaml.load(text) as Workflow;
    const windows = workflow.jobs['windows']!;
    expect(windows['runs-on']).toBe('windows-latest');
    const runs = windows.steps.map((s) => s.run ?? '').join('\n');
    for (const command of ['npm ci', 'npx vitest run', 'npx playwright test', 'npm run package:win']) {
      expect(runs).toContain(command);
    }
    // Tests before the installer.
    expect(runs.indexOf('npx playwright test')).toBeLessThan(runs.indexOf('npm run package:win'));
    const packaging = windows.steps.find((s) => s.run?.includes('npm run package:win'));
    expect(packaging?.env).toMatchObject({ WIN_CSC_LINK: '${{ secrets.WIN_CSC_LINK }}' });
    const upload = windows.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload).toBeDefined();
    expect(text).toMatch(/out\/latest\.yml/);
    // The Linux job runs what CI runs.
    expect(workflow.jobs['linux']!.steps.some((s) => s.run?.includes('.ci/run'))).toBe(true);
  });
});
