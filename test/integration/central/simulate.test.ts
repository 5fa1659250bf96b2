import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedResponse } from '../../../shared/central';
import type { RunningCentral } from '../../../central';
import { balanceMismatches, call, enrolCounter, someAccounts, startTestCentral } from './central-client';

let central: RunningCentral;
beforeAll(async () => {
  central = await startTestCentral({ mealPriceCents: 350 });
});
afterAll(async () => {
  await central.close();
});

const refezioneBalances = () =>
  central.sqlite.prepare("SELECT id, balance_cents AS b FROM accounts WHERE service = 'refezione'").all() as {
    id: string;
    b: number;
  }[];

describe('school-day simulation', () => {
  it('charges one meal to every refezione account, once per day, and the feed brings them', async () => {
    const token = await enrolCounter(central, 'SE2');
    let cursor = '';
    for (;;) {
      const p = FeedResponse.parse((await call(central, 'GET', `/v1/feed?cursor=${cursor}`, { token })).body);
      cursor = p.nextCursor;
      if (!p.hasMore) break;
    }
    const before = new Map(refezioneBalances().map((r) => [r.id, r.b]));
    const reply = await call(central, 'POST', '/admin/simulate/meals', { body: { date: '2026-11-30' } });
    expect(reply.status).toBe(200);
    const result = reply.body as { charged: number; totalCents: number; firstSeq: number; lastSeq: number };
    expect(result.charged).toBe(before.size);
    expect(result.totalCents).toBe(-350 * before.size);
    for (const r of refezioneBalances()) expect(r.b).toBe(before.get(r.id)! - 350);
    const again = (await call(central, 'POST', '/admin/simulate/meals', { body: { date: '2026-11-30' } })).body;
    expect(again).toMatchObject({ charged: 0 });
    const dearer = (
      await call(central, 'POST', '/admin/simulate/meals', { body: { date: '2026-12-01', priceCents: 450 } })
    ).body as { totalCents: number };
    expect(dearer.totalCents).toBe(-450 * before.size);
    expect(balanceMismatches(central)).toBe(0);

    const changes = FeedResponse.parse(
      (await call(central, 'GET', `/v1/feed?cursor=${cursor}&limit=5000`, { token })).body,
    );
    const meals = changes.items.filter((i) => i.type === 'entry' && i.kind === 'meal');
    expect(meals).toHaveLength(2 * before.size);
    const accounts = changes.items.filter((i) => i.type === 'account');
    expect(new Set(accounts.map((a) => (a.type === 'account' ? a.id : ''))).size).toBe(before.size);
    for (const a of accounts) if (a.type === 'account') expect(a.balanceCents).toBe(before.get(a.id)! - 800);
  });

  it('records a pagoPA payment on the account', async () => {
    const [a] = someAccounts(central, 1, 'trasporto');
    const before = (await call(central, 'GET', `/admin/accounts/${a!.id}`)).body as { balanceCents: number };
    const reply = await call(central, 'POST', '/admin/simulate/pagopa', {
      body: { accountId: a!.id, amountCents: 5000 },
    });
    expect(reply.status).toBe(200);
    const paid = reply.body as { id: string; seq: number; balanceCents: number };
    expect(paid.balanceCents).toBe(before.balanceCents + 5000);
    const view = (await call(central, 'GET', `/admin/accounts/${a!.id}`)).body as {
      balanceSeq: number;
      entries: { id: string; kind: string; amountCents: number }[];
    };
    expect(view.balanceSeq).toBe(paid.seq);
    expect(view.entries.at(-1)).toMatchObject({ id: paid.id, kind: 'topup_pagopa', amountCents: 5000 });
    const unknown = await call(central, 'POST', '/admin/simulate/pagopa', {
      body: { accountId: 'nessuno', amountCents: 100 },
    });
    expect(unknown.status).toBe(404);
    const invalid = await call(central, 'POST', '/admin/simulate/pagopa', {
      body: { accountId: a!.id, amountCents: -1 },
    });
    expect(invalid.status).toBe(400);
  });
});
