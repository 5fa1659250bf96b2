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
 * transaction on the same file. Both sides write to the working copy, never to the cache.
 */
export async function benchTopupCommit(
  core: Core,
  raw: RawDatabase,
  sets: QuerySets,
  plan: CommitPlan,
): Promise<Comparison> {
  const topups = sets.topups;
  if (topups.length < plan.samples + plan.warmup) throw new Error('topup_commit: too few accounts');
  let sessionId = '';
  const before = countRows(raw);
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
        await core.invoke(sessionId, 'topups.record', { ...t, method: 'cash', confirmDuplicate: true }),
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
  // Every timed call must have written what it claims: one receipt and one outbox row per core
  // top-up, one ledger row per call on either side.
  const after = countRows(raw);
  const calls = plan.runs * (plan.samples + plan.warmup);
  if (after.receipts - before.receipts !== calls || after.outbox - before.outbox !== calls) {
    throw new Error(`topup_commit: ${after.receipts - before.receipts} receipts for ${calls} core top-ups`);
  }
  if (after.ledger - before.ledger !== 2 * calls) {
    throw new Error(`topup_commit: ${after.ledger - before.ledger} ledger rows for ${2 * calls} commits`);
  }
  return result;
}

function countRows(raw: RawDatabase): { ledger: number; receipts: number; outbox: number } {
  const count = (table: string) => raw.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { ledger: count('ledger'), receipts: count('receipts'), outbox: count('outbox') };
}
