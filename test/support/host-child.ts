/**
 * A counter with its browser host in a process of its own (node --import tsx), for the tests that
 * must see whether a request can end the process: prints `HOST_URL=<url> TOKEN=<token>` when ready.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../src-main/core/core';
import { startBrowserHost } from '../../src-main/host-browser/server';
import { createLogger } from '../../src-main/log/logger';
import { ManualClock } from './manual-clock';

async function run(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: host-child <dataDir>');
  const log = createLogger(dataDir);
  const core = await openCore({
    dataDir,
    counterCode: 'SE1',
    clock: new ManualClock(),
    log,
    receiptPrinter: { print: () => Promise.resolve({ ok: true, where: 'file' }) },
  });
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sportello</title>');
  const host = await startBrowserHost({ core, port: 0, rendererDir, log });
  process.stdout.write(`HOST_URL=http://127.0.0.1:${host.port} TOKEN=${host.token}\n`);
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
