import { afterEach, describe, expect, it } from 'vitest';
import { FAMILY_RECENT_OPERATIONS } from '../../../shared/contract';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

/** A family of the demo data with three children, each with two services. */
function familyOfThree(): { familyId: string; parentCf: string; accountId: string } {
  const row = t.sql
    .prepare(
      `SELECT f.id AS familyId, f.fiscal_code AS parentCf, MIN(a.id) AS accountId
         FROM families f JOIN children c ON c.family_id = f.id JOIN accounts a ON a.child_id = c.id
        GROUP BY f.id HAVING COUNT(DISTINCT c.id) = 3 AND COUNT(a.id) = 6 ORDER BY f.id LIMIT 1`,
    )
    .get() as { familyId: string; parentCf: string; accountId: string } | undefined;
  if (row === undefined) throw new Error('nessuna famiglia di tre bambini con due servizi nei dati demo');
  return row;
}

describe('the family on one screen (accounts.family)', () => {
  it('from any account of a child: the adulto di riferimento and every child linked to them, each with each account', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const fam = familyOfThree();
    const expected = t.sql
      .prepare(
        `SELECT a.id, c.id AS child_id FROM accounts a JOIN children c ON c.id = a.child_id WHERE c.family_id = ?`,
      )
      .all(fam.familyId) as { id: string; child_id: string }[];
    // Whichever account the search opened, the same family comes back.
    const answers = await Promise.all(expected.map((a) => t.must('accounts.family', { accountId: a.id })));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const family = answers[0]!;
    expect(family.parent?.fiscalCode).toBe(fam.parentCf);
    expect(family.children).toHaveLength(3);
    expect(family.children.flatMap((c) => c.accounts.map((a) => a.account.accountId)).sort()).toEqual(
      expected.map((a) => a.id).sort(),
    );
    for (const { child, accounts } of family.children) {
      expect(accounts).toHaveLength(2);
      for (const { account } of accounts) expect(account.child.childId).toBe(child.childId);
      expect(child.parent?.fiscalCode).toBe(fam.parentCf);
    }
    // Eldest first.
    const births = family.children.map((c) => c.child.birthDate ?? '');
    expect(births).toEqual([...births].sort());
    // The adulto di riferimento's codice fiscale finds the same accounts, in the family's order (the
    // screen opens the first one beside the family).
    const found = await t.must('accounts.find', { query: fam.parentCf });
    expect(found.items.map((i) => i.accountId)).toEqual(
      family.children.flatMap((c) => c.accounts.map((a) => a.account.accountId)),
    );
  });

  it('each account shows its balance as the account view does, and its latest movements, newest first', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const fam = familyOfThree();
    for (const cents of [1_000, 2_000, 3_000, 4_000]) {
      await t.must('topups.record', { accountId: fam.accountId, amountCents: cents, method: 'cash' });
    }
    const family = await t.must('accounts.family', { accountId: fam.accountId });
    const shown = family.children.flatMap((c) => c.accounts).find((a) => a.account.accountId === fam.accountId)!;
    const detail = await t.must('accounts.get', { accountId: fam.accountId });
    expect(shown.account).toEqual(detail.account);
    expect(shown.account.pendingCents).toBe(10_000);
    expect(shown.recent).toHaveLength(FAMILY_RECENT_OPERATIONS);
    expect(shown.recent.map((o) => o.amountCents)).toEqual([4_000, 3_000, 2_000]);
    expect(shown.recent).toEqual(detail.operations.slice(0, FAMILY_RECENT_OPERATIONS));
    expect(shown.recent[0]).toMatchObject({ kind: 'topup_cash', sendState: 'to_send', voidable: true });
  });

  it('a child registered without an adulto di riferimento is a family of one, with no parent', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const acc = pick(t.sql).account();
    t.sql.prepare('UPDATE children SET family_id = NULL WHERE id = ?').run(acc.child_id);
    const family = await t.must('accounts.family', { accountId: acc.id });
    expect(family.parent).toBeNull();
    expect(family.children).toHaveLength(1);
    expect(family.children[0]!.child.childId).toBe(acc.child_id);
    expect(family.children[0]!.child.parent).toBeUndefined();
  });

  it("a parent's surname and name find their children, also when the children bear another surname", async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const fam = familyOfThree();
    // The parent takes a surname none of the children has (a mother, say), with an accent.
    t.sql.prepare(`UPDATE families SET surname = 'Zuccalà', name = 'Ginevra' WHERE id = ?`).run(fam.familyId);
    const children = t.sql.prepare('SELECT id FROM children WHERE family_id = ?').pluck().all(fam.familyId);
    for (const query of ['zuccala ginevra', 'Zuccalà Ginevra', 'zucc gin']) {
      const found = await t.must('accounts.find', { query });
      expect(found.queryKind).toBe('name');
      expect(new Set(found.items.map((i) => i.child.childId)), query).toEqual(new Set(children));
      expect(found.totalChildren).toBe(3);
      for (const item of found.items) expect(item.child.parent?.name).toBe('Ginevra Zuccalà');
    }
    // Surname first, as a person is named, and every typed word must start a word of the parent's;
    // one word alone looks at the children only (a common surname would bring in every family).
    for (const query of ['zuccala marco', 'ginevra zuccala', 'zuccala']) {
      expect((await t.must('accounts.find', { query })).items, query).toHaveLength(0);
    }
  });

  it('an account that does not exist is said so in Italian', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    expect(await t.call('accounts.family', { accountId: 'nessuno' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Conto non trovato: ripetere la ricerca.' },
    });
  });

  it('a pharmacy sees only the account found by its code: the family is refused, the account read as today', async () => {
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    await t.login('cavatore', '1234');
    const acc = pick(t.sql).account();
    const reply = await t.call('accounts.family', { accountId: acc.id });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/In farmacia si vede solo il conto del codice Pa-Pay cercato/);
    expect((await t.must('accounts.get', { accountId: acc.id })).account.accountId).toBe(acc.id);
  });
});
