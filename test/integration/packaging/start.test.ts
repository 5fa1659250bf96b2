import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security/csp';

/**
 * `npm start` (scripts/start.cjs): with a stand-in Electron binary it launches it on the project;
 * without one it seeds demo data and starts the browser host, passing its address through.
 */

const projectDir = path.resolve(__dirname, '../../..');
const startScript = path.join(projectDir, 'scripts', 'start.cjs');
const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  dirs.push(dir);
  return dir;
}

function start(env: Record<string, string>, args: string[] = []) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('ELECTRON_OVERRIDE_DIST_PATH' in env)) delete childEnv['ELECTRON_OVERRIDE_DIST_PATH'];
  const child = spawn(process.execPath, [startScript, ...args], { cwd: projectDir, env: childEnv });
  children.push(child);
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters) if (waiter.pattern.test(line)) waiter.resolve(line);
  });
  /** Resolves with the first stdout line matching, or rejects when the process ends first. */
  const waitForLine = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      waiters.push({ pattern, resolve });
      child.on('exit', (code) => reject(new Error(`start.cjs ended (${code}) before ${pattern}: ${lines.join('\n')}`)));
    });
  return { child, lines, waitForLine };
}

beforeAll(() => {
  for (const file of ['dist/src-main/cli/main.js', 'dist/src-main/electron/main.js', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(projectDir, file))) throw new Error(`${file} missing: run "npm run build" first`);
  }
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('runs the Electron binary on the project when it is installed', async () => {
    const fakeDist = tempDir();
    const record = path.join(fakeDist, 'args.txt');
    fs.writeFileSync(path.join(fakeDist, 'electron'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\nexit 3\n`, {
      mode: 0o755,
    });
    const { child } = start({ ELECTRON_OVERRIDE_DIST_PATH: fakeDist }, ['--counter=FA1']);
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(3);
    expect(fs.readFileSync(record, 'utf8').trim().split('\n')).toEqual([projectDir, '--counter=FA1']);
  });

  it('without Electron, seeds demo data and serves the app in the browser host', async () => {
    const dataDir = path.join(tempDir(), 'demo');
    const { child, lines, waitForLine } = start({ SPORTELLO_DEMO_DIR: dataDir });
    const line = await waitForLine(/^Apri questo indirizzo nel browser/);
    expect(lines.some((l) => /Electron's binary is not installed/.test(l))).toBe(true);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(line)?.[1];
    expect(url).toBeDefined();
    expect(fs.existsSync(path.join(dataDir, 'sportello.sqlite'))).toBe(true);
    const response = await fetch(url ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    child.kill('SIGTERM');
    await once(child, 'exit');
  }, 120_000);
});
