import { randomUUID } from 'node:crypto';
/**
 * A counter process for crash tests, run as a child (node --import tsx). Modes:
 * - after-commit: records one top-up whose printer kills the process with SIGKILL, i.e. right after
 *   the commit and before anything is printed;
 * - loop: records top-ups as fast as it can, printing "committed <n>" after each, until the parent
 *   kills it at a moment of its choosing;
 * - close-loop: opens the till, records a top-up, closes the till with its Z report, again and again,
 *   printing "committed <n>" after each close, until the parent kills it (mid-close, sooner or later);
 * - split-after-commit: records one payment split across the two accounts of CRASH_FAMILY, with the
 *   request id CRASH_REQUEST, whose printer kills the process right after the commit;
 * - split-loop: records split payments across CRASH_FAMILY as fast as it can, "committed <n>" after
 *   each, until the parent kills it.
 */
import { ManualClock } from './manual-clock';
import { openCore } from '../../src-main/core/core';
import type { ReceiptPrinter } from '../../src-main/printing/printer';

async function run(): Promise<void> {
  const [dataDir, mode] = process.argv.slice(2);
  const modes = ['after-commit', 'loop', 'close-loop', 'split-after-commit', 'split-loop'];
  if (!dataDir || mode === undefined || !modes.includes(mode)) {
    throw new Error('usage: crash-child <dataDir> <mode>');
  }
  const killer: ReceiptPrinter = {
    print: () => {
      process.kill(process.pid, 'SIGKILL');
      return new Promise(() => undefined);
    },
  };
  const fine: ReceiptPrinter = { print: () => Promise.resolve({ ok: true, where: 'file' }) };
  const core = await openCore({
    dataDir,
    counterCode: 'SE1',
    clock: new ManualClock(),
    receiptPrinter: mode === 'after-commit' || mode === 'split-after-commit' ? killer : fine,
  });
  const login = await core.invoke('s', 'session.login', { operator: 'sportello1', pin: '2468' });
  if (!login.ok) throw new Error(login.error.message);
  const accounts = (process.env['CRASH_ACCOUNTS'] ?? '').split(',');
  if (mode === 'split-after-commit' || mode === 'split-loop') {
    const [a, b] = (process.env['CRASH_FAMILY'] ?? '').split(',');
    for (let n = 1; ; n++) {
      const r = await core.invoke('s', 'payments.record', {
        requestId: mode === 'split-after-commit' ? process.env['CRASH_REQUEST'] : randomUUID(),
        method: n % 2 ? 'cash' : 'card',
        lines: [
          { accountId: a, amountCents: 1_000 + (n % 100) },
          { accountId: b, amountCents: 2_000 + (n % 100) },
        ],
        confirmDuplicate: true,
      });
      if (!r.ok) throw new Error(r.error.message);
      process.stdout.write(`committed ${n}\n`);
    }
  }
  if (mode === 'close-loop') {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    for (let n = 1; ; n++) {
      const session = must(await core.invoke('s', 'till.open', { floatCounts: { '1000': 5 } })) as { id: string };
      must(
        await core.invoke('s', 'topups.record', {
          requestId: randomUUID(),
          accountId: accounts[n % accounts.length],
          amountCents: 1_000,
          method: 'cash',
          confirmDuplicate: true,
        }),
      );
      must(
        await core.invoke('s', 'till.close', { sessionId: session.id, countedCounts: { '1000': 6 }, posTotalCents: 0 }),
      );
      process.stdout.write(`committed ${n}\n`);
    }
  }
  for (let n = 1; ; n++) {
    const accountId = accounts[n % accounts.length];
    const r = await core.invoke('s', 'topups.record', {
      requestId: randomUUID(),
      accountId,
      amountCents: 500 + (n % 200),
      method: n % 2 ? 'cash' : 'card',
      confirmDuplicate: true,
    });
    if (!r.ok) throw new Error(r.error.message);
    process.stdout.write(`committed ${n}\n`);
  }
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
