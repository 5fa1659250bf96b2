/**
 * A counter process issuing notices, for the SIGKILL tests (node --import tsx). Modes:
 * - after-commit: issues one notice and kills itself at the first status event, which the core emits
 *   right after the commit (the sync is told of the new pending operation), before the PDF is written;
 * - loop: issues notices as fast as it can, printing "committed <n> <nav>" after each, until killed.
 */
import { ManualClock } from '../../support/manual-clock';
import { openCore } from '../../../src-main/core/core';
import type { ReceiptPrinter } from '../../../src-main/printing/printer';

async function run(): Promise<void> {
  const [dataDir, mode, accountId] = process.argv.slice(2);
  if (!dataDir || !accountId || (mode !== 'after-commit' && mode !== 'loop')) {
    throw new Error('usage: notice-crash-child <dataDir> <after-commit|loop> <accountId>');
  }
  const printer: ReceiptPrinter = { print: () => Promise.resolve({ ok: true, where: 'file' }) };
  const core = await openCore({ dataDir, counterCode: 'SE1', clock: new ManualClock(), receiptPrinter: printer });
  const login = await core.invoke('s', 'session.login', { operator: 'sportello1', pin: '2468' });
  if (!login.ok) throw new Error(login.error.message);
  if (mode === 'after-commit') {
    core.on((event) => {
      if (event === 'sync.status') process.kill(process.pid, 'SIGKILL');
    });
  }
  for (let n = 1; ; n++) {
    const instalments = n % 3 === 0;
    const r = await core.invoke('s', 'notices.issue', {
      accountId,
      amountCents: instalments ? 2000 : 1000 + n,
      subject: `Avviso di prova ${n}`,
      ...(instalments
        ? {
            installments: [
              { amountCents: 1000, dueDate: '2027-01-15' },
              { amountCents: 1000, dueDate: '2027-02-15' },
            ],
          }
        : {}),
    });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    process.stdout.write(`committed ${n} ${(r.value as { nav: string }).nav}\n`);
  }
}

run().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
