import { randomUUID } from 'node:crypto';
import type { Core } from '../../src-main/core/types';
import { compare, type Comparison } from './measure';
import type { QuerySets } from './queries';
import type { RawDatabase } from './raw';
import { loginFresh, valueOf } from './session';

export interface CommitPlan {
  runs: number;
  samples: number;
  warmup: number;
  progress: (line: string) => void;
}

/**
 * A cash top-up through the core (ledger + numbered receipt + outbox + audit in one durable
 * transaction, then the print bookkeeping) against one raw ledger INSERT in its own durable
 * transaction on another copy of the same file. Neither side writes to the cached database.
 */
export async function benchTopupCommit(
  core: Core,
  /** A connection to the core's own file, only to count what the core wrote. */
  coreFile: RawDatabase,
  raw: RawDatabase,
  sets: QuerySets,
  plan: CommitPlan,
): Promise<Comparison> {
  const topups = sets.topups;
  if (topups.length < plan.samples + plan.warmup) throw new Error('topup_commit: too few accounts');
  let sessionId = '';
  const coreBefore = countRows(coreFile);
  const rawBefore = countRows(raw);
  const result = await compare({
    label: 'topup_commit',
    runs: plan.runs,
    samples: plan.samples,
    warmup: plan.warmup,
    progress: plan.progress,
    beforeCoreRun: async (run) => {
      sessionId = await loginFresh(core, `topup-${run}`);
    },
    core: async (i) => {
      const t = topups[i];
      if (!t) throw new Error(`no top-up #${i}`);
      const value = valueOf(
        await core.invoke(sessionId, 'topups.record', {
          ...t,
          requestId: randomUUID(),
          method: 'cash',
          confirmDuplicate: true,
        }),
        `topup ${t.accountId}`,
      ) as { receiptNo: string; printed: boolean };
      if (!value.printed) throw new Error(`receipt ${value.receiptNo} not printed`);
    },
    raw: (i) => {
      const t = topups[i];
      if (!t) throw new Error(`no top-up #${i}`);
      raw.insertLedgerRow(t.accountId, t.amountCents);
    },
  });
  // Every timed call must have written what it claims: one ledger row, one receipt and one outbox
  // row per core top-up, one ledger row per raw commit.
  const calls = plan.runs * (plan.samples + plan.warmup);
  const coreAfter = countRows(coreFile);
  for (const table of ['ledger', 'receipts', 'outbox'] as const) {
    const written = coreAfter[table] - coreBefore[table];
    if (written !== calls) throw new Error(`topup_commit: ${written} rows in ${table} for ${calls} core top-ups`);
  }
  const rawWritten = countRows(raw).ledger - rawBefore.ledger;
  if (rawWritten !== calls) throw new Error(`topup_commit: ${rawWritten} raw ledger rows for ${calls} commits`);
  return result;
}

function countRows(raw: RawDatabase): { ledger: number; receipts: number; outbox: number } {
  const count = (table: string) => raw.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { ledger: count('ledger'), receipts: count('receipts'), outbox: count('outbox') };
}
