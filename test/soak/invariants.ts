import type { AdminOperation } from '../../central/admin';
import type { CentralAdmin } from './central-admin';
import type { CounterClient } from './counter-client';
import { openCounterFile } from '../support/counter-file';

/**
 * The promises of the sync, checked after the storm: every operation at the central exactly once,
 * balances that add up, receipt numbers without gaps, every counter showing the central balances.
 * Each check returns the broken invariants as sentences (empty: all good), so the short test can
 * show them all at once and the long runner can print them.
 */

export interface LocalOperation {
  id: string;
  accountId: string;
  amountCents: number;
  kind: string;
  serverSeq: number | null;
}

export interface LocalReceipt {
  receiptNo: string;
  year: number;
  number: number;
  operationId: string;
}

export interface CounterSnapshot {
  code: string;
  operations: LocalOperation[];
  receipts: LocalReceipt[];
  outbox: { pending: number; rejected: number; confirmed: number };
  /** Why the central refused the operations in "Da risolvere". */
  rejections: { operationId: string; type: string; reason: string | null }[];
  /** Outbox rows confirmed with the seq the central gave them. */
  confirmedSeqs: Map<string, number>;
}

/** Reads what a counter's own database says (read-only, while its process may still run). */
export function readCounter(code: string, dataDir: string): CounterSnapshot {
  const sql = openCounterFile(dataDir, { readonly: true, fileMustExist: true });
  try {
    const operations = sql
      .prepare(
        `SELECT id, account_id AS accountId, amount_cents AS amountCents, kind, server_seq AS serverSeq
           FROM ledger WHERE origin = 'local' ORDER BY created_at, id`,
      )
      .all() as LocalOperation[];
    const receipts = sql
      .prepare(
        `SELECT receipt_no AS receiptNo, year, number, operation_id AS operationId FROM receipts
          WHERE counter_code = ? ORDER BY year, number`,
      )
      .all(code) as LocalReceipt[];
    const outbox = sql
      .prepare(
        `SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, COALESCE(SUM(state = 'rejected'), 0) AS rejected,
                COALESCE(SUM(state = 'confirmed'), 0) AS confirmed FROM outbox`,
      )
      .get() as CounterSnapshot['outbox'];
    const confirmed = sql
      .prepare(`SELECT operation_id AS id, server_seq AS seq FROM outbox WHERE state = 'confirmed'`)
      .all() as { id: string; seq: number }[];
    const rejections = sql
      .prepare(
        `SELECT operation_id AS operationId, type, rejected_reason AS reason FROM outbox WHERE state = 'rejected' ORDER BY seq`,
      )
      .all() as CounterSnapshot['rejections'];
    return {
      code,
      operations,
      receipts,
      outbox,
      rejections,
      confirmedSeqs: new Map(confirmed.map((r) => [r.id, r.seq])),
    };
  } finally {
    sql.close();
  }
}

/** Every local operation of every counter at the central exactly once, with the same amount and seq. */
export function checkExactlyOnce(
  counters: CounterSnapshot[],
  centralOps: AdminOperation[],
  preexistingIds: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const op of centralOps) seen.set(op.id, (seen.get(op.id) ?? 0) + 1);
  for (const [id, n] of seen) if (n > 1) problems.push(`operazione ${id} presente ${n} volte al centro`);
  const byId = new Map(centralOps.map((op) => [op.id, op]));
  const ran = centralOps.filter((op) => !preexistingIds.has(op.id));
  const localTotal = counters.reduce((sum, c) => sum + c.operations.length, 0);
  if (ran.length !== localTotal) {
    problems.push(`al centro ${ran.length} operazioni nuove, negli sportelli ${localTotal} operazioni locali`);
  }
  for (const counter of counters) {
    const localIds = new Set(counter.operations.map((o) => o.id));
    for (const op of counter.operations) {
      const central = byId.get(op.id);
      if (!central) {
        problems.push(`${counter.code}: operazione ${op.id} (${op.kind} ${op.amountCents}) assente al centro`);
        continue;
      }
      if (central.counterCode !== counter.code) problems.push(`${op.id}: sportello ${central.counterCode} al centro`);
      if (central.amountCents !== op.amountCents || central.accountId !== op.accountId) {
        problems.push(`${op.id}: importo o conto diversi al centro`);
      }
      const ackSeq = counter.confirmedSeqs.get(op.id);
      if (ackSeq !== undefined && ackSeq !== central.seq) {
        problems.push(`${op.id}: confermata con seq ${ackSeq}, al centro seq ${central.seq}`);
      }
      if (op.serverSeq !== null && op.serverSeq !== central.seq) {
        problems.push(`${op.id}: seq ${op.serverSeq} nel registro locale, ${central.seq} al centro`);
      }
    }
    for (const op of ran) {
      if (op.counterCode === counter.code && !localIds.has(op.id)) {
        problems.push(`${counter.code}: il centro ha ${op.id} che lo sportello non conosce`);
      }
    }
    const { pending, rejected } = counter.outbox;
    if (pending !== 0 || rejected !== 0) {
      problems.push(`${counter.code}: outbox con ${pending} operazioni in attesa e ${rejected} da risolvere`);
    }
    for (const r of counter.rejections) {
      problems.push(`${counter.code}: ${r.type} ${r.operationId} rifiutata dal centro: ${r.reason ?? '?'}`);
    }
  }
  return problems;
}

/** Receipt numbers per counter and year: 1..n without gaps, one per operation, the same at the central. */
export function checkReceipts(counter: CounterSnapshot, centralOps: AdminOperation[]): string[] {
  const problems: string[] = [];
  const byYear = new Map<number, number[]>();
  for (const r of counter.receipts) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.number]);
  for (const [year, numbers] of byYear) {
    numbers.sort((a, b) => a - b);
    const first = numbers[0] ?? 1;
    numbers.forEach((n, i) => {
      if (n !== first + i) problems.push(`${counter.code}/${year}: numero ${first + i} mancante (trovato ${n})`);
    });
    if (first !== 1) problems.push(`${counter.code}/${year}: la numerazione parte da ${first}`);
  }
  const receiptOf = new Map(counter.receipts.map((r) => [r.operationId, r.receiptNo]));
  if (receiptOf.size !== counter.operations.length) {
    problems.push(`${counter.code}: ${counter.operations.length} operazioni ma ${receiptOf.size} ricevute`);
  }
  const centralReceipts = new Map<string, string>();
  for (const op of centralOps) {
    if (op.counterCode !== counter.code) continue;
    if (op.receiptNo === null) {
      problems.push(`${op.id}: senza numero di ricevuta al centro`);
      continue;
    }
    const other = centralReceipts.get(op.receiptNo);
    if (other !== undefined) problems.push(`ricevuta ${op.receiptNo} usata da ${other} e ${op.id} al centro`);
    centralReceipts.set(op.receiptNo, op.id);
  }
  for (const op of counter.operations) {
    const local = receiptOf.get(op.id);
    if (local === undefined) problems.push(`${counter.code}: operazione ${op.id} senza ricevuta`);
    else if (centralReceipts.get(local) !== op.id) {
      problems.push(`${counter.code}: ricevuta ${local} non corrisponde al centro`);
    }
  }
  return problems;
}

export interface TrackedAccount {
  id: string;
  papayCode: string;
  /** The central balance before the run. */
  balanceBeforeCents: number;
}

/**
 * Central balances: opening + ledger for every touched account, and the change over the run equal
 * to what the counters recorded on it (nothing else moves these accounts during the soak).
 * Returns the central balances for the counter check.
 */
export async function checkCentralBalances(
  central: CentralAdmin,
  accounts: TrackedAccount[],
  counters: CounterSnapshot[],
): Promise<{ problems: string[]; balances: Map<string, number> }> {
  const problems: string[] = [];
  const balances = new Map<string, number>();
  for (const account of accounts) {
    const c = await central.account(account.id);
    balances.set(account.id, c.balanceCents);
    const ledgerSum = c.entries.reduce((sum, e) => sum + e.amountCents, 0);
    if (c.balanceCents !== c.openingBalanceCents + ledgerSum) {
      problems.push(
        `${account.papayCode}: saldo centrale ${c.balanceCents} ≠ apertura + movimenti ${c.openingBalanceCents + ledgerSum}`,
      );
    }
    const recorded = counters
      .flatMap((k) => k.operations)
      .filter((o) => o.accountId === account.id)
      .reduce((sum, o) => sum + o.amountCents, 0);
    if (c.balanceCents - account.balanceBeforeCents !== recorded) {
      problems.push(
        `${account.papayCode}: saldo centrale cambiato di ${c.balanceCents - account.balanceBeforeCents}, gli sportelli hanno registrato ${recorded}`,
      );
    }
  }
  return { problems, balances };
}

/** What each counter shows for the account (accounts.find by Pa-Pay code) equals the central, nothing pending. */
export async function checkCounterBalances(
  code: string,
  client: CounterClient,
  accounts: TrackedAccount[],
  centralBalances: Map<string, number>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const account of accounts) {
    const found = await client.must('accounts.find', { query: account.papayCode });
    const item = found.items.find((i) => i.accountId === account.id);
    if (!item) {
      problems.push(`${code}: conto ${account.papayCode} non trovato`);
      continue;
    }
    const expected = centralBalances.get(account.id);
    if (item.balanceCents !== expected || item.pendingCents !== 0) {
      problems.push(
        `${code}: ${account.papayCode} mostra ${item.balanceCents} (in attesa ${item.pendingCents}), al centro ${expected}`,
      );
    }
  }
  return problems;
}
