import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CentralError, PushResponse, type Operation, type OperationResult } from '../../../shared/central';
import type { RunningCentral } from '../../../central';
import { balanceMismatches, call, enrolCounter, someAccounts, startTestCentral, topup } from './central-client';

let central: RunningCentral;
let token: string;
beforeAll(async () => {
  central = await startTestCentral();
  token = await enrolCounter(central, 'FAR-FOSSONE');
});
afterAll(async () => {
  await central.close();
});

async function setFaults(spec: string): Promise<void> {
  const reply = await call(central, 'POST', '/admin/faults', { rawBody: spec });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

type Attempt = { kind: 'reply'; status: number; body: unknown } | { kind: 'network'; error: string };
async function tryPush(operations: Operation[]): Promise<Attempt> {
  try {
    const reply = await call(central, 'POST', '/v1/operations', { token, body: { operations } });
    return { kind: 'reply', ...reply };
  } catch (e) {
    return { kind: 'network', error: String(e) };
  }
}

/** What the sync client does: retry until an answer arrives (no sleeps needed against loopback). */
async function pushUntilAnswered(operations: Operation[]): Promise<{ results: OperationResult[]; attempts: number }> {
  for (let attempts = 1; attempts < 200; attempts++) {
    const attempt = await tryPush(operations);
    if (attempt.kind === 'reply' && attempt.status === 200) {
      return { results: PushResponse.parse(attempt.body).results, attempts };
    }
  }
  throw new Error('nessuna risposta dopo 200 tentativi');
}

function ledgerCount(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const select = central.sqlite.prepare('SELECT count(*) FROM ledger WHERE id = ?').pluck();
  for (const id of ids) counts.set(id, select.get(id) as number);
  return counts;
}

describe('fault injection', () => {
  it('reset: the connection drops before anything is committed', async () => {
    await setFaults('reset=1');
    const op = topup(someAccounts(central, 1)[0]!, 'FAR-FOSSONE', 1000);
    const attempt = await tryPush([op]);
    expect(attempt.kind).toBe('network');
    expect(ledgerCount([op.id]).get(op.id)).toBe(0);
    await setFaults('');
    const { results } = await pushUntilAnswered([op]);
    expect(results[0]?.status).toBe('accepted');
    expect(ledgerCount([op.id]).get(op.id)).toBe(1);
  });

  it('500 and 503: an error reply, nothing committed', async () => {
    const op = topup(someAccounts(central, 2)[1]!, 'FAR-FOSSONE', 1200);
    for (const [spec, status, code] of [
      ['error500=1', 500, 'INTERNAL'],
      ['error503=1', 503, 'UNAVAILABLE'],
    ] as const) {
      await setFaults(spec);
      const attempt = await tryPush([op]);
      expect(attempt.kind === 'reply' && attempt.status).toBe(status);
      if (attempt.kind === 'reply') expect(CentralError.parse(attempt.body).error.code).toBe(code);
      expect(ledgerCount([op.id]).get(op.id)).toBe(0);
    }
    await setFaults('');
  });

  it('dropAfterCommit: committed but unanswered; the retry gets the original seq', async () => {
    await setFaults('dropAfterCommit=1');
    const op = topup(someAccounts(central, 3)[2]!, 'FAR-FOSSONE', 1300);
    const attempt = await tryPush([op]);
    expect(attempt.kind).toBe('network');
    const stored = central.sqlite.prepare('SELECT seq FROM ledger WHERE id = ?').pluck().get(op.id) as number;
    expect(stored).toBeGreaterThan(0);
    await setFaults('');
    const { results } = await pushUntilAnswered([op]);
    expect(results).toEqual([{ id: op.id, status: 'accepted', seq: stored }]);
    expect(ledgerCount([op.id]).get(op.id)).toBe(1);
  });

  it('duplicate: the push is applied twice and the second reply equals the first', async () => {
    const ops = someAccounts(central, 4).map((a) => topup(a, 'FAR-FOSSONE', 700));
    await setFaults('duplicate=1');
    const { results } = await pushUntilAnswered(ops);
    await setFaults('');
    const { results: again } = await pushUntilAnswered(ops);
    expect(results).toEqual(again);
    expect([...ledgerCount(ops.map((o) => o.id)).values()]).toEqual([1, 1, 1, 1]);
    const state = (await call(central, 'GET', '/admin/faults')).body as { injected: { duplicate: number } };
    expect(state.injected.duplicate).toBeGreaterThan(0);
  });

  it('latency delays the answer; /admin is never faulty', async () => {
    await setFaults('latency=150,error503=1');
    const admin = await call(central, 'GET', '/admin/state');
    expect(admin.status).toBe(200);
    const started = Date.now();
    const attempt = await call(central, 'GET', '/v1/time', { token });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(attempt.status).toBe(503);
    await setFaults('{"latency":0}');
  });

  it('refuses a fault spec it cannot read', async () => {
    for (const spec of ['error500=2', 'bogus=1', 'reset', 'error500=0.6,reset=0.6']) {
      const reply = await call(central, 'POST', '/admin/faults', { rawBody: spec });
      expect(reply.status, spec).toBe(400);
    }
  });

  it('a seeded mix of every fault: after retries each operation is on the ledger exactly once', async () => {
    await setFaults('error500=0.15,error503=0.1,reset=0.15,dropAfterCommit=0.2,duplicate=0.15,seed=7');
    const accounts = someAccounts(central, 60);
    const ops = accounts.map((a, i) => topup(a, 'FAR-FOSSONE', 500 + i));
    const seqs = new Map<string, number>();
    let attempts = 0;
    for (let i = 0; i < ops.length; i += 6) {
      const batch = ops.slice(i, i + 6);
      const answered = await pushUntilAnswered(batch);
      attempts += answered.attempts;
      for (const r of answered.results) {
        expect(r.status).toBe('accepted');
        if (r.status === 'accepted') seqs.set(r.id, r.seq);
      }
    }
    await setFaults('');
    expect(attempts).toBeGreaterThan(10);
    expect([...ledgerCount(ops.map((o) => o.id)).values()].every((n) => n === 1)).toBe(true);
    // The ack each operation finally got is the seq the ledger holds.
    const stored = central.sqlite.prepare('SELECT seq FROM ledger WHERE id = ?').pluck();
    for (const op of ops) expect(stored.get(op.id)).toBe(seqs.get(op.id));
    const { injected } = (await call(central, 'GET', '/admin/faults')).body as { injected: Record<string, number> };
    for (const fault of ['error500', 'error503', 'reset', 'dropAfterCommit', 'duplicate']) {
      expect(injected[fault], fault).toBeGreaterThan(0);
    }
    expect(balanceMismatches(central)).toBe(0);
  });
});
