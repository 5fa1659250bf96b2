import { afterEach, describe, expect, it } from 'vitest';
import { demoTemplate, openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { omocodicVariant } from '../../../shared/codiceFiscale';
import { makePapayCode } from '../../../shared/papay';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

async function frontOffice(): Promise<TestCore> {
  t = await openTestCore();
  await t.login('sportello1', '2468');
  return t;
}

describe('lookup at the front office', () => {
  it('finds exactly one account by Pa-Pay code, with the projected balance and its date', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const r = await t.must('accounts.find', { query: acc.papay_code });
    expect(r.queryKind).toBe('papay');
    expect(r.items.map((i) => i.accountId)).toEqual([acc.id]);
    const row = t.sql
      .prepare('SELECT server_balance_cents, server_balance_at FROM accounts WHERE id = ?')
      .get(acc.id) as {
      server_balance_cents: number;
      server_balance_at: string;
    };
    expect(r.items[0]).toMatchObject({
      balanceCents: row.server_balance_cents,
      balanceAsOf: row.server_balance_at,
      pendingCents: 0,
    });
    // Spaces from a scanner or a careful operator are tolerated.
    const spaced = `${acc.papay_code.slice(0, 5)} ${acc.papay_code.slice(5)}`;
    expect((await t.must('accounts.find', { query: spaced })).items).toHaveLength(1);
  });

  it('a wrong check digit is an error that says so; a well-formed unknown code is an empty list', async () => {
    await frontOffice();
    const code = pick(t.sql).account().papay_code;
    const typo = code.slice(0, 9) + String((Number(code[9]) + 1) % 10);
    const r = await t.call('accounts.find', { query: typo });
    expect(r).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    if (!r.ok) expect(r.error.message).toMatch(/cifra di controllo/);
    const unknown = makePapayCode(999_999_998);
    expect(await t.must('accounts.find', { query: unknown })).toMatchObject({ items: [], nextPage: null });
  });

  it('finds a child by codice fiscale in any case, and by any omocodic variant of it', async () => {
    await frontOffice();
    const child = pick(t.sql).child('fiscal_code = fiscal_code_canonical');
    const lower = await t.must('accounts.find', { query: child.fiscal_code.toLowerCase() });
    expect(lower.queryKind).toBe('cf');
    expect(lower.items.length).toBeGreaterThan(0);
    expect(new Set(lower.items.map((i) => i.child.childId))).toEqual(new Set([child.id]));
    const variant = omocodicVariant(child.fiscal_code, 3);
    expect(variant).not.toBe(child.fiscal_code);
    const viaVariant = await t.must('accounts.find', { query: variant });
    expect(viaVariant.items.map((i) => i.accountId).sort()).toEqual(lower.items.map((i) => i.accountId).sort());
  });

  it('a seeded omocodic child is found by its canonical code too', async () => {
    await frontOffice();
    const child = pick(t.sql).child('fiscal_code <> fiscal_code_canonical');
    expect(child).toBeDefined();
    const r = await t.must('accounts.find', { query: child.fiscal_code_canonical });
    expect(r.items.every((i) => i.child.childId === child.id)).toBe(true);
    expect(r.items.length).toBeGreaterThan(0);
  });

  it("a parent's codice fiscale finds their children", async () => {
    await frontOffice();
    const fam = t.sql
      .prepare(
        'SELECT f.id, f.fiscal_code FROM families f WHERE EXISTS (SELECT 1 FROM children c JOIN accounts a ON a.child_id = c.id WHERE c.family_id = f.id) LIMIT 1',
      )
      .get() as { id: string; fiscal_code: string };
    const r = await t.must('accounts.find', { query: fam.fiscal_code });
    const expected = pick(t.sql).count('accounts a JOIN children c ON c.id = a.child_id', `c.family_id = '${fam.id}'`);
    expect(r.items).toHaveLength(expected);
  });

  it('malformed codici fiscali: wrong check character, impossible date', async () => {
    await frontOffice();
    const wrong = await t.call('accounts.find', { query: 'RSSMRA72L09H501X' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    if (!wrong.ok) expect(wrong.error.message).toMatch(/carattere di controllo è X, dovrebbe essere S/);
    const feb31 = await t.call('accounts.find', { query: 'RSSMRA72B31H501A' });
    expect(feb31).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    if (!feb31.ok) expect(feb31.error.message).toMatch(/data di nascita è impossibile/);
  });

  it('searches names tolerant of case, accents and apostrophes, paginated', async () => {
    await frontOffice();
    const dell = await t.must('accounts.find', { query: "dell'amico" });
    expect(dell.queryKind).toBe('name');
    expect(dell.items.length).toBeGreaterThan(0);
    expect(dell.items.every((i) => /dell'amico/i.test(i.child.surname) || /dell'amico/i.test(i.child.firstName))).toBe(
      true,
    );

    const accented = pick(t.sql).child("name LIKE '%ò%'");
    const folded = accented.name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    const found = await t.must('accounts.find', { query: `${accented.surname} ${folded}` });
    expect(found.items.some((i) => i.child.childId === accented.id)).toBe(true);

    const page0 = await t.must('accounts.find', { query: 'rossi' });
    // A page holds 20 children with all their accounts.
    expect(new Set(page0.items.map((i) => i.child.childId)).size).toBe(20);
    expect(page0.nextPage).toBe(1);
    const sorted = page0.items.map((i) => `${i.child.surname} ${i.child.firstName}`);
    expect(sorted).toEqual([...sorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const page1 = await t.must('accounts.find', { query: 'rossi', page: 1 });
    const ids0 = new Set(page0.items.map((i) => i.accountId));
    expect(page1.items.some((i) => ids0.has(i.accountId))).toBe(false);
  });

  it('shows the whole child at the front office', async () => {
    await frontOffice();
    const acc = pick(t.sql).account();
    const item = (await t.must('accounts.find', { query: acc.papay_code })).items[0]!;
    expect(item.child.fiscalCode).toMatch(/^[A-Z0-9]{16}$/);
    expect(item.child.address).toBeTruthy();
    expect(item.child.parent?.fiscalCode).toMatch(/^[A-Z0-9]{16}$/);
  });
});

describe('lookup at a pharmacy', () => {
  async function pharmacy(): Promise<TestCore> {
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    await t.login('cavatore', '1234');
    return t;
  }

  it('searches only by Pa-Pay code: codice fiscale and names are refused in the core', async () => {
    await pharmacy();
    // The pharmacy's own copy no longer holds them: the demo's, as a customer would say them.
    const template = demoTemplate();
    const child = pick(template).child();
    template.close();
    for (const query of [child.fiscal_code, child.surname, 'rossi']) {
      const r = await t.call('accounts.find', { query });
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!r.ok) expect(r.error.message).toMatch(/solo per codice Pa-Pay/);
    }
  });

  it('sees only first name, surname initial, school, service and balance', async () => {
    await pharmacy();
    const acc = pick(t.sql).account();
    const template = demoTemplate();
    const child = template
      .prepare('SELECT name, surname, fiscal_code FROM children WHERE id = ?')
      .get(acc.child_id) as {
      name: string;
      surname: string;
      fiscal_code: string;
    };
    template.close();
    const r = await t.must('accounts.find', { query: acc.papay_code });
    const item = r.items[0]!;
    expect(Object.keys(item.child).sort()).toEqual(['childId', 'firstName', 'school', 'surname']);
    expect(item.child.firstName).toBe(child.name);
    expect(item.child.surname).toBe(`${child.surname[0]!.toUpperCase()}.`);
    const json = JSON.stringify(r);
    expect(json).not.toContain(child.fiscal_code);
    expect(json).not.toContain(child.surname.length > 2 ? child.surname : '\u0000');
    const detail = await t.must('accounts.get', { accountId: acc.id });
    expect(JSON.stringify(detail)).not.toContain(child.fiscal_code);
  });
});
