import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { demoDataDir } from '../../support/core-fixture';

describe('the test run', () => {
  it('makes every folder under its own root, removed when the run ends', () => {
    const root = os.tmpdir();
    expect(path.basename(root)).toMatch(/^sportello-run-/);
    expect(path.dirname(demoDataDir())).toBe(root);
    expect(path.dirname(inject('demoTemplateDir'))).toBe(root);
  });
});
