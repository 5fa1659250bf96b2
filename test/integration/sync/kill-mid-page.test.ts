import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { openCounterFile } from '../../support/counter-file';

const CHILD = path.join(__dirname, 'kill-mid-page-child.ts');

describe('a process killed in the middle of a feed page', () => {
  it('leaves neither part of the page nor its cursor', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    const db = await openDatabase(dataDir);
    db.sqlite.prepare(`UPDATE sync_state SET cursor = 'prima'`).run();
    await db.close();

    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    expect(signal, out).toBe('SIGKILL');

    const raw = openCounterFile(dataDir);
    try {
      expect(raw.prepare('SELECT COUNT(*) FROM operators').pluck().get()).toBe(0);
      expect(raw.prepare('SELECT cursor, initial_sync_done FROM sync_state').get()).toEqual({
        cursor: 'prima',
        initial_sync_done: 0,
      });
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
  });
});
