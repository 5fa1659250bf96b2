import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { accountWithParent, remaining, startWorld, type World } from './notice-fixture';
import { recordHeld } from '../../support/security-table';

/** Issue 13 item 6: a notice due on a day that does not exist is refused, and nothing is written. */

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const count = (t: { sql: BetterSqlite3.Database }, table: string) =>
  (t.sql.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('a notice due on 31 February', () => {
  it('is refused with an Italian message: no notice, no codice avviso used, no PDF, nothing to send', async () => {
    world = await startWorld();
    const t = await world.counter('SE1', 'sportello1', '2468');
    const acc = accountWithParent(t.sql);
    const before = { notices: count(t, 'notices'), outbox: count(t, 'outbox'), remaining: remaining(t.sql) };
    const base = { accountId: acc.id, amountCents: 4550, subject: 'Ricarica refezione scolastica' };

    const single = await t.call('notices.issue', { ...base, dueDate: '2027-02-31' });
    expect(single.ok).toBe(false);
    if (!single.ok) {
      expect(single.error.code).toBe('INPUT_INVALID');
      expect(single.error.message).toMatch(/esiste nel calendario/);
    }
    const instalments = await t.call('notices.issue', {
      ...base,
      installments: [
        { amountCents: 2000, dueDate: '2027-01-31' },
        { amountCents: 2550, dueDate: '2027-02-29' },
      ],
    });
    expect(instalments.ok).toBe(false);
    if (!instalments.ok) expect(instalments.error.message).toMatch(/esiste nel calendario/);

    expect({ notices: count(t, 'notices'), outbox: count(t, 'outbox'), remaining: remaining(t.sql) }).toEqual(before);
    const avvisi = path.join(t.dataDir, 'documents', 'avvisi');
    expect(fs.existsSync(avvisi) ? fs.readdirSync(avvisi) : []).toEqual([]);

    // The same notice on a day that exists goes through: the refusal was the date, nothing else.
    const ok = await t.must('notices.issue', { ...base, dueDate: '2027-02-28' });
    expect(ok.notice.dueDate).toBe('2027-02-28');
    recordHeld({
      attack: 'a pagoPA notice due on a day that does not exist (31/02/2027)',
      tried: 1,
      held: 'refused in Italian; no notice, no codice avviso used, nothing to send',
    });
  });
});
