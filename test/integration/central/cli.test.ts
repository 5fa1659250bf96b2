import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnrolResponse } from '../../../shared/central';
import { call, tempDir } from './central-client';

const RUN_CLI = path.join(__dirname, 'run-cli.ts');
const nodeArgs = (args: string[]) => ['--import', 'tsx', RUN_CLI, ...args];

describe('sportello central', () => {
  it('prints exactly one CENTRAL_URL line, answers, hands out enrolment codes and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const child = spawn(
      process.execPath,
      nodeArgs(['central', '--port', '0', '--data', dataDir, '--bench-accounts', '50', '--faults', 'latency=1,seed=3']),
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        cwd: path.join(__dirname, '..', '..', '..'),
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: string) => {
        stdout += c;
        const m = /^CENTRAL_URL=(http:\/\/127\.0\.0\.1:\d+)\n/m.exec(stdout);
        if (m?.[1]) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`uscito con ${code}: ${stderr}`)));
    });
    try {
      const codeRun = spawnSync(
        process.execPath,
        nodeArgs(['central', 'enrolment-code', '--data', dataDir, '--counter', 'FAR-CAVATORE']),
        {
          encoding: 'utf8',
        },
      );
      expect(codeRun.status, codeRun.stderr).toBe(0);
      const code = codeRun.stdout.trim().split('\n').at(-1)!;
      expect(code).toMatch(/^[A-Z2-9]{8,}$/);
      const enrolled = await call({ url }, 'POST', '/v1/enrol', { body: { code, deviceName: 'PC farmacia' } });
      expect(enrolled.status).toBe(200);
      expect(EnrolResponse.parse(enrolled.body).counterCode).toBe('FAR-CAVATORE');
      const faults = (await call({ url }, 'GET', '/admin/faults')).body as {
        faults: { latency: number; seed: number };
      };
      expect(faults.faults).toMatchObject({ latency: 1, seed: 3 });

      const unknown = spawnSync(
        process.execPath,
        nodeArgs(['central', 'enrolment-code', '--data', dataDir, '--counter', 'XYZ']),
        {
          encoding: 'utf8',
        },
      );
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toMatch(/^Errore: Sportello sconosciuto: "XYZ"/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stdout.split('\n').filter((l) => l !== '')).toEqual([`CENTRAL_URL=${url}`]);
  });

  it('refuses a fault spec it cannot read', () => {
    const run = spawnSync(process.execPath, nodeArgs(['central', '--data', tempDir(), '--faults', 'error500=3']), {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/guasti non validi/);
  });
});
