import { compare, type Comparison } from './measure';
import type { QuerySets } from './queries';
import type { RawDatabase } from './raw';
import { roundMs } from './stats';

export interface EncryptionPlan {
  runs: number;
  samples: number;
  warmup: number;
  progress: (line: string) => void;
}

/** What encryption at rest costs: the same SQL on the encrypted file and on a plain copy of it. */
export interface EncryptionReport {
  encryption: {
    lookup_code_p50_ms: { encrypted: number; plain: number };
    lookup_code_p99_ms: { encrypted: number; plain: number };
    commit_p50_ms: { encrypted: number; plain: number };
    commit_p99_ms: { encrypted: number; plain: number };
  };
}

/**
 * A Pa-Pay lookup and a durable ledger INSERT on raw connections, encrypted file against plain
 * copy, alternating call by call (compare() calls them "core" and "raw"). The core's own figures
 * (lookup_code, topup_commit) already run on the encrypted file and keep their goals.
 */
export async function benchEncryption(
  encrypted: RawDatabase,
  encryptedCommits: RawDatabase,
  plain: RawDatabase,
  sets: QuerySets,
  plan: EncryptionPlan,
): Promise<EncryptionReport> {
  const codes = sets.papayCodes;
  const lookups = await compare({
    ...plan,
    label: 'encryption lookup_code (encrypted vs plain)',
    beforeCoreRun: () => Promise.resolve(),
    core: (i) => {
      encrypted.byCode(codes[i % codes.length]!);
      return Promise.resolve();
    },
    raw: (i) => void plain.byCode(codes[i % codes.length]!),
  });
  const topups = sets.topups;
  const commits = await compare({
    ...plan,
    samples: Math.min(plan.samples, 300),
    warmup: Math.min(plan.warmup, 30),
    label: 'encryption commit (encrypted vs plain)',
    beforeCoreRun: () => Promise.resolve(),
    core: (i) => {
      const t = topups[i % topups.length]!;
      encryptedCommits.insertLedgerRow(t.accountId, t.amountCents);
      return Promise.resolve();
    },
    raw: (i) => {
      const t = topups[i % topups.length]!;
      plain.insertLedgerRow(t.accountId, t.amountCents);
    },
  });
  const pair = (c: Comparison, p: 'p50' | 'p99') => ({ encrypted: roundMs(c.core[p]), plain: roundMs(c.raw[p]) });
  return {
    encryption: {
      lookup_code_p50_ms: pair(lookups, 'p50'),
      lookup_code_p99_ms: pair(lookups, 'p99'),
      commit_p50_ms: pair(commits, 'p50'),
      commit_p99_ms: pair(commits, 'p99'),
    },
  };
}
