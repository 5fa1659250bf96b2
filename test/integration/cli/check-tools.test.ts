import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const script = path.resolve(__dirname, '../../../scripts/check-tools.cjs');

/** Runs the check with only `which` (and the given programs) on the PATH. */
function check(programs: string[], chromium: string) {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bin-'));
  const which = spawnSync('sh', ['-c', 'command -v which'], { encoding: 'utf8' }).stdout.trim();
  fs.symlinkSync(which, path.join(bin, 'which'));
  for (const p of programs) fs.writeFileSync(path.join(bin, p), '#!/bin/sh\n', { mode: 0o755 });
  return spawnSync(process.execPath, [script], {
    env: { PATH: bin, SPORTELLO_CHROMIUM: chromium },
    encoding: 'utf8',
  });
}

describe('npm test checks the system programs first', () => {
  it('names the one line that installs what is missing, and fails', () => {
    const run = check(['pdftoppm', 'pdftotext'], '/nowhere/chromium');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('  apt-get install -y chromium zbar-tools dmtx-utils\n');
  });

  it('passes quietly when everything is there', () => {
    const run = check(['pdftoppm', 'pdftotext', 'zbarimg', 'dmtxread'], process.execPath);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
