import { afterEach, describe, expect, it } from 'vitest';
import { NOTICE_SEARCH_SQL } from '../../../src-main/notices/queries';
import { openTestCore, type TestCore } from '../../support/core-fixture';

/** The notice searches run on indexes, whatever the number of notices. */

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function plan(t: TestCore, sql: string, params: number): string {
  const args = Array.from({ length: params }, (_, i) => `x${i}`);
  return (t.sql.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
}

describe('notice queries', () => {
  it('by codice avviso, Pa-Pay code, child and parent codice fiscale: index lookups, never a scan of notices', async () => {
    t = await openTestCore();
    const byNav = plan(t, NOTICE_SEARCH_SQL.byNav, 1);
    expect(byNav).toMatch(/USING INDEX sqlite_autoindex_notice_payments_1/);
    const byPapay = plan(t, NOTICE_SEARCH_SQL.byPapay, 1);
    expect(byPapay).toMatch(/SEARCH n USING INDEX notices_account/);
    const byChild = plan(t, NOTICE_SEARCH_SQL.byChildCf, 1);
    expect(byChild).toMatch(/SEARCH c USING INDEX children_cf/);
    expect(byChild).toMatch(/SEARCH n USING INDEX notices_account/);
    const byParent = plan(t, NOTICE_SEARCH_SQL.byParentCf, 2);
    expect(byParent).toMatch(/SEARCH f USING INDEX families_cf/);
    for (const p of [byPapay, byChild, byParent]) expect(p).not.toMatch(/SCAN n\b/);
  });
});
