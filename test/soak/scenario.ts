import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startCentral, type FaultSpec, type RunningCentral } from '../../central';
import { createRng, type Rng } from '../../seeds/prng';
import { CentralAdmin } from './central-admin';
import { CounterProcess } from './counter-process';
import {
  checkCentralBalances,
  checkCounterBalances,
  checkExactlyOnce,
  checkReceipts,
  readCounter,
  type TrackedAccount,
} from './invariants';
import { openCounterFile } from '../support/counter-file';

/**
 * The soak scenario, shared by the short test (npm test) and the long runner (npm run soak): the
 * central emulator and two counters in their own processes (the front office SE1 and the pharmacy
 * FAR-CAVATORE) record random top-ups and voids on the same accounts while the network misbehaves
 * (faults switched at run time) and the counters are SIGKILLed and started again. At the end, with
 * the network healthy, the invariants of the sync must hold.
 */

export interface SoakOptions {
  /** Operations each counter records (acknowledged ones; a kill may add one it never heard of). */
  opsPerCounter: number;
  seed: string;
  /** Accounts both counters top up. */
  sharedAccounts?: number;
  /** Operations between two kills of a counter, drawn in this range. */
  killEvery?: readonly [number, number];
  /** How long one network "weather" lasts, in ms, drawn in this range. */
  faultDwellMs?: readonly [number, number];
  /** How long the counters may take to empty their outboxes once the network is healthy. */
  settleTimeoutMs?: number;
  /** Keeps the data folders (the central's and the counters') for a post-mortem. */
  keepData?: boolean;
  log?: (line: string) => void;
}

export interface CounterFigures {
  code: string;
  topups: number;
  voids: number;
  /** Operations whose reply was lost because the process was killed during the call. */
  unanswered: number;
  kills: number;
  localOperations: number;
}

export interface SoakReport {
  seed: string;
  durationMs: number;
  counters: CounterFigures[];
  centralOperations: number;
  faultSwitches: number;
  injected: Record<string, number>;
  /** Broken invariants (empty when the run is good). */
  violations: string[];
  workDir: string;
}

interface Actor {
  process: CounterProcess;
  rng: Rng;
  figures: CounterFigures;
  /** Top-ups this counter recorded and heard of, that it may still void. */
  voidable: string[];
}

const COUNTERS = [
  {
    counterCode: 'SE1',
    operator: { code: 'sportello1', pin: '2468' },
    supervisor: { code: 'supervisore', pin: 'carrara-1357' },
  },
  {
    counterCode: 'FAR-CAVATORE',
    operator: { code: 'cavatore', pin: '1234' },
    // A pharmacy's voids are approved by its own supervisor: the front office's are not even known there (issue 13 item 2).
    supervisor: { code: 'sup-cavatore', pin: 'farmacia-9753' },
  },
] as const;

function supervisorOf(counterCode: string): { code: string; pin: string } {
  const counter = COUNTERS.find((c) => c.counterCode === counterCode);
  if (!counter) throw new Error(`sportello ${counterCode} fuori dalla prova`);
  return counter.supervisor;
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const rng = createRng(options.seed);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-soak-'));
  const violations: string[] = [];
  let central: RunningCentral | null = null;
  const actors: Actor[] = [];
  try {
    central = await startCentral({ dataDir: path.join(workDir, 'central'), demo: true, tillOptional: true });
    const admin = new CentralAdmin(central.url);
    log(`emulatore su ${central.url}, dati in ${workDir}`);

    for (const c of COUNTERS) {
      const dataDir = path.join(workDir, c.counterCode);
      fs.mkdirSync(dataDir);
      const process = new CounterProcess({ ...c, dataDir, centralUrl: central.url });
      actors.push({
        process,
        rng: rng.fork(c.counterCode),
        figures: { code: c.counterCode, topups: 0, voids: 0, unanswered: 0, kills: 0, localOperations: 0 },
        voidable: [],
      });
    }
    await Promise.all(actors.map((a) => enrolAndFill(a.process, admin)));
    log(`sportelli attivati e sincronizzati in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const accounts = await pickSharedAccounts(actors, admin, options.sharedAccounts ?? 6);
    const preexisting = new Set((await admin.operations()).map((o) => o.id));

    // The storm: both counters work, the network changes its mind, the PCs lose power.
    let working = true;
    let faultSwitches = 0;
    const weather = (async () => {
      const wrng = rng.fork('weather');
      const [minDwell, maxDwell] = options.faultDwellMs ?? [300, 1500];
      while (working) {
        await admin.setFaults(randomFaults(wrng));
        faultSwitches++;
        await delay(wrng.int(minDwell, maxDwell));
      }
    })();
    try {
      await Promise.all(
        actors.map((a) => work(a, accounts, options.opsPerCounter, options.killEvery ?? [15, 40], violations, log)),
      );
    } finally {
      working = false;
      await weather;
    }

    // The network is healthy again: every counter must empty its outbox, then pull what the other sent.
    await admin.setFaults({});
    const settleDeadline = Date.now() + (options.settleTimeoutMs ?? 120_000);
    await Promise.all(actors.map((a) => settle(a.process, settleDeadline, violations)));
    for (const a of actors) await a.process.rpc.must('sync.now', {});
    log(`outbox vuoti dopo ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const centralOps = await admin.operations();
    const snapshots = actors.map((a) => readCounter(a.process.code, a.process.opts.dataDir));
    snapshots.forEach((s, i) => (actors[i]!.figures.localOperations = s.operations.length));
    violations.push(...checkExactlyOnce(snapshots, centralOps, preexisting));
    for (const s of snapshots) violations.push(...checkReceipts(s, centralOps));
    const { problems, balances } = await checkCentralBalances(admin, accounts, snapshots);
    violations.push(...problems);
    for (const a of actors) {
      violations.push(...(await checkCounterBalances(a.process.code, a.process.rpc, accounts, balances)));
    }
    return {
      seed: options.seed,
      durationMs: Date.now() - started,
      counters: actors.map((a) => a.figures),
      centralOperations: centralOps.length - preexisting.size,
      faultSwitches,
      injected: await admin.injected(),
      violations,
      workDir,
    };
  } finally {
    await Promise.all(actors.map((a) => a.process.stop()));
    await central?.close();
    if (!options.keepData) fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** First start of an empty PC: activation with a one-time code, then the first sync fills it. */
async function enrolAndFill(counter: CounterProcess, admin: CentralAdmin): Promise<void> {
  const client = await counter.start();
  await client.must('sync.enrol', { code: await admin.enrolmentCode(counter.code) });
  await client.waitForStatus((s) => s.initialSync.done, 120_000);
  await client.must('session.login', { operator: counter.opts.operator.code, pin: counter.opts.operator.pin });
}

/** Accounts the pharmacy may see (hence the front office too), with their central balance now. */
async function pickSharedAccounts(actors: Actor[], admin: CentralAdmin, n: number): Promise<TrackedAccount[]> {
  const ids = actors.map((a) => {
    const sql = openCounterFile(a.process.opts.dataDir, { readonly: true });
    try {
      return new Set(sql.prepare('SELECT id FROM accounts').pluck().all() as string[]);
    } finally {
      sql.close();
    }
  });
  const [first, ...others] = ids;
  const shared = [...(first ?? [])].filter((id) => others.every((s) => s.has(id))).sort();
  if (shared.length < n) throw new Error(`solo ${shared.length} conti visibili a tutti gli sportelli`);
  const picked: TrackedAccount[] = [];
  // Spread over the list, so the accounts are of different services and families.
  for (let i = 0; i < n; i++) {
    const id = shared[Math.floor((i * shared.length) / n)]!;
    const account = await admin.account(id);
    picked.push({ id, papayCode: account.papayCode, balanceBeforeCents: account.balanceCents });
  }
  return picked;
}

/** A random network: often fine, otherwise a mix of the emulator's faults (probabilities sum to <= 1). */
export function randomFaults(rng: Rng): Partial<FaultSpec> {
  if (rng.chance(0.3)) return {};
  if (rng.chance(0.1)) return { reset: 1 }; // a short outage
  const spec: Partial<FaultSpec> = { latency: rng.pick([0, 0, 20, 100, 300]), seed: rng.int(1, 1_000_000) };
  let budget = 0.8;
  for (const fault of ['error500', 'error503', 'reset', 'dropAfterCommit', 'duplicate'] as const) {
    if (!rng.chance(0.5)) continue;
    const p = Math.round(rng.next() * Math.min(budget, 0.4) * 100) / 100;
    spec[fault] = p;
    budget -= p;
  }
  return spec;
}

async function work(
  actor: Actor,
  accounts: TrackedAccount[],
  ops: number,
  killEvery: readonly [number, number],
  violations: string[],
  log: (line: string) => void,
): Promise<void> {
  const { rng, figures, process: counter } = actor;
  let nextKill = rng.int(killEvery[0], killEvery[1]);
  let done = 0;
  while (done < ops) {
    if (done >= nextKill) {
      await killAndRestart(actor, accounts);
      nextKill = done + rng.int(killEvery[0], killEvery[1]);
      continue;
    }
    if (actor.voidable.length > 0 && rng.chance(0.15)) {
      const index = rng.int(0, actor.voidable.length - 1);
      const [operationId] = actor.voidable.splice(index, 1);
      const reply = await counter.rpc.call('topups.void', {
        requestId: randomUUID(),
        operationId: operationId!,
        supervisor: supervisorOf(counter.code).code,
        supervisorPin: supervisorOf(counter.code).pin,
        reason: 'Importo sbagliato',
      });
      if (!reply.ok) violations.push(`${counter.code}: storno rifiutato: ${reply.error.code} ${reply.error.message}`);
      else figures.voids++;
    } else {
      const reply = await counter.rpc.call('topups.record', topupInput(rng, accounts));
      if (!reply.ok) violations.push(`${counter.code}: ricarica rifiutata: ${reply.error.code} ${reply.error.message}`);
      else {
        figures.topups++;
        actor.voidable.push(reply.value.operationId);
      }
    }
    done++;
    if (done % 100 === 0) log(`${counter.code}: ${done}/${ops} operazioni`);
  }
}

function topupInput(rng: Rng, accounts: TrackedAccount[]) {
  const card = rng.chance(0.3);
  return {
    requestId: randomUUID(),
    accountId: rng.pick(accounts).id,
    // Within the counters' limits (5 to 500 euro).
    amountCents: rng.int(10, 200) * 50,
    method: card ? ('card' as const) : ('cash' as const),
    ...(card ? { posAuthCode: `A${rng.int(10_000, 99_999)}` } : {}),
    confirmDuplicate: true,
  };
}

/**
 * The power cut. Either in the middle of a top-up call (committed or not: the counter alone
 * knows, and its database is the truth), or a moment after some work, when the push the money
 * operation triggered (after its debounce) is often in flight.
 */
async function killAndRestart(actor: Actor, accounts: TrackedAccount[]): Promise<void> {
  const { rng, figures, process: counter } = actor;
  if (rng.chance(0.5)) {
    const inFlight = counter.rpc.call('topups.record', topupInput(rng, accounts)).then(
      () => 'answered' as const,
      () => 'unanswered' as const,
    );
    await delay(rng.int(0, 40));
    await counter.kill();
    // An answer that arrived before the kill is still an operation we will not void: fine either way.
    if ((await inFlight) === 'unanswered') figures.unanswered++;
    else figures.topups++;
  } else {
    await delay(rng.int(300, 900));
    await counter.kill();
  }
  figures.kills++;
  await counter.startAndLogin();
}

/** sync.now until nothing is pending; failed sends wait for their backoff, so this may take a while. */
async function settle(counter: CounterProcess, deadline: number, violations: string[]): Promise<void> {
  for (;;) {
    const status = await counter.rpc.must('sync.now', {});
    // Refused operations ("Da risolvere") are listed with their reasons by the invariants.
    if (status.pendingCount === 0) return;
    if (Date.now() > deadline) {
      violations.push(`${counter.code}: ${status.pendingCount} operazioni ancora in attesa dopo il tempo concesso`);
      return;
    }
    // Nothing announces that a backoff has expired: look again shortly.
    await delay(500);
  }
}
