/**
 * `npx tsx test/bench/profile-sync.ts [--accounts N] [--limit L]`: where the time of a first sync
 * goes, piece by piece, on the cached emulator database (run `npm run bench -- --only sync` once
 * first). A developer's tool: plain report on stdout, not part of the figures of the README.
 *   1. the emulator building the feed pages (in-process, no HTTP);
 *   2. the same pages over HTTP on loopback with the counter's client (zod validation included);
 *   3. the counter applying the pages (one transaction each, as pull.ts does), on an empty database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { FeedResponse } from '../../shared/central';
import { startCentral } from '../../central';
import { feedReader } from '../../central/feed';
import { openDatabase } from '../../src-main/db/open';
import { applyFeedPage } from '../../src-main/sync/apply';
import { CentralClient } from '../../src-main/sync/http';
import { centralWorkingCopy, ensureCentralData } from './central-data';
import { BENCH_COUNTER } from './session';

function args(): { accounts: number; limit: number; cacheMb: number | null; applyOnly: boolean } {
  const argv = process.argv.slice(2);
  const out = { accounts: 100_000, limit: 500, cacheMb: null as number | null, applyOnly: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--accounts') out.accounts = Number(argv[++i]);
    else if (argv[i] === '--limit') out.limit = Number(argv[++i]);
    else if (argv[i] === '--cache-mb') out.cacheMb = Number(argv[++i]);
    else if (argv[i] === '--apply-only') out.applyOnly = true;
    else throw new Error(`opzione sconosciuta: ${String(argv[i])}`);
  }
  return out;
}

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;

async function main(): Promise<void> {
  const { accounts, limit, cacheMb, applyOnly } = args();
  const data = await ensureCentralData(accounts, (l) => process.stderr.write(`${l}\n`));
  const centralDir = centralWorkingCopy(data.cacheDir);
  const central = await startCentral({ dataDir: centralDir, port: 0 });
  const counterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-profile-'));
  try {
    // 1. The emulator alone.
    const reader = feedReader(central.sqlite);
    const pages: Omit<FeedResponse, 'serverTime'>[] = [];
    let cursor = '';
    const t = process.hrtime.bigint();
    for (;;) {
      const page = reader.page(BENCH_COUNTER, cursor, limit);
      pages.push(page);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const items = pages.reduce((n, p) => n + p.items.length, 0);
    console.log(`feed: ${pages.length} pages of ${limit} changes, ${items} items`);
    console.log(`1. emulator builds the pages (no HTTP):        ${(ms(t) / 1000).toFixed(2)} s`);

    if (!applyOnly) await overTheWire(pages, limit);
    await apply(pages, cacheMb);
  } finally {
    await central.close();
    fs.rmSync(centralDir, { recursive: true, force: true });
    fs.rmSync(counterDir, { recursive: true, force: true });
  }

  async function overTheWire(pages: Omit<FeedResponse, 'serverTime'>[], limit: number): Promise<void> {
    let t: bigint;
    let cursor: string;
    // 1b. zod validation of the pages alone (what the client does to each reply).
    const serverTime = new Date().toISOString();
    t = process.hrtime.bigint();
    for (const p of pages) FeedResponse.parse({ ...p, serverTime });
    console.log(`1b. zod FeedResponse.parse of every page:      ${(ms(t) / 1000).toFixed(2)} s`);
    t = process.hrtime.bigint();
    let bytes = 0;
    for (const p of pages) bytes += JSON.stringify({ ...p, serverTime }).length;
    console.log(
      `1c. JSON.stringify of every page:              ${(ms(t) / 1000).toFixed(2)} s (${(bytes / 1e6).toFixed(0)} MB)`,
    );

    // 2. Over HTTP with the counter's client (enrol through the real endpoint for a token).
    const res = await fetch(`${central.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: central.createEnrolmentCode(BENCH_COUNTER), deviceName: 'profile' }),
    });
    const enrolled = z.object({ token: z.string() }).parse(await res.json());
    const client = new CentralClient({ baseUrl: central.url, token: enrolled.token, timeoutMs: 120_000 });
    cursor = '';
    t = process.hrtime.bigint();
    for (;;) {
      const reply = await client.feed(cursor, limit);
      cursor = reply.value.nextCursor;
      if (!reply.value.hasMore) break;
    }
    console.log(`2. the pages over HTTP, client-validated:      ${(ms(t) / 1000).toFixed(2)} s`);
  }

  async function apply(pages: Omit<FeedResponse, 'serverTime'>[], cacheMb: number | null): Promise<void> {
    const serverTime = new Date().toISOString();
    // 3. The counter applying the pages.
    const db = await openDatabase(counterDir);
    if (cacheMb !== null) db.sqlite.pragma(`cache_size = ${-cacheMb * 1024}`);
    const t = process.hrtime.bigint();
    const applyMs: number[] = [];
    for (const p of pages) {
      const t0 = process.hrtime.bigint();
      applyFeedPage(db, { ...p, serverTime }, BENCH_COUNTER, { initialSyncDone: false, initialSyncProgress: 0 });
      applyMs.push(ms(t0));
    }
    const total = ms(t);
    const tenth = Math.max(1, Math.floor(applyMs.length / 10));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    console.log(`3. the counter applies every page (fsync each): ${(total / 1000).toFixed(2)} s`);
    console.log(
      `   ms per page, first tenth ${avg(applyMs.slice(0, tenth)).toFixed(1)}, ` +
        `last tenth ${avg(applyMs.slice(-tenth)).toFixed(1)}`,
    );
    await db.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
