import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import { withCheckCharacter } from '../../../shared/codiceFiscale';
import { makePapayCode } from '../../../shared/papay';
import { searchKey, searchWords } from '../../../shared/searchKey';
import { insertAccount, insertChild, insertFamily } from '../../../src-main/roster/store';
import { NAME_PAGE_SIZE } from '../../../src-main/accounts/lookup';
import { openTestCore, type TestCore } from '../../support/core-fixture';
import { familyInput, parentInput } from '../registration/registration-fixture';

/** Name search on real Italian surnames: apostrophes, spaces, accents and case are optional on both sides. */

type Found = ChannelOutput<'accounts.find'>;

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

const SURNAMES = ["D'Angelo", 'De Luca', "Dell'Amico", 'Lo Russo', 'Podestà', 'Dalla Valle'] as const;

/** One family with a child of each surname (first name Ottavio, rare in the demo), each with one account. */
function seedSurnames(): Map<string, string> {
  const db = { sqlite: t.sql };
  const ids = new Map<string, string>();
  t.sql.transaction(() => {
    insertFamily(db, {
      id: 'fam-ns',
      surname: 'Bianchi',
      name: 'Laura',
      fiscalCode: withCheckCharacter('BNCLRA85M41B832'),
      address: 'Via Roma 10, 54033 Carrara',
      phone: null,
      email: null,
    });
    SURNAMES.forEach((surname, i) => {
      const id = `child-ns-${i}`;
      insertChild(db, {
        id,
        familyId: 'fam-ns',
        surname,
        name: 'Ottavio',
        fiscalCode: withCheckCharacter(`XXXTTV18D1${i}B832`),
        birthDate: `2018-04-1${i}`,
        school: 'Scuola primaria Doganella',
      });
      insertAccount(db, {
        id: `acc-ns-${i}`,
        childId: id,
        service: 'refezione',
        papayCode: makePapayCode(987_650_000 + i),
        serverBalanceCents: 0,
        serverSeq: 0,
        serverBalanceAt: null,
      });
      ids.set(surname, id);
    });
  })();
  return ids;
}

async function frontOffice(): Promise<Map<string, string>> {
  t = await openTestCore();
  const ids = seedSurnames();
  await t.login('sportello1', '2468');
  return ids;
}

/** Every child a name search finds, all pages. */
async function childIdsFound(query: string): Promise<string[]> {
  const ids: string[] = [];
  let page: number | null = 0;
  while (page !== null) {
    const found: Found = await t.must('accounts.find', { query, page });
    expect(found.queryKind).toBe('name');
    ids.push(...found.items.map((i) => i.child.childId));
    page = found.nextPage;
  }
  return ids;
}

describe('name search that forgives', () => {
  it.each([
    ["D'Angelo", ['dangelo', 'DAngelo', "d'angelo", 'D’Angelo', 'd angelo', 'DANGELO ottavio', 'dang']],
    ['De Luca', ['deluca', 'De Luca', 'DELUCA', 'de luca ottavio', 'luca']],
    ["Dell'Amico", ['dellamico', 'dell amico', "Dell'Amico", 'DELL AMICO', 'dell’amico ottavio']],
    ['Lo Russo', ['lorusso', 'lo russo', 'LoRusso', 'russo']],
    ['Podestà', ['podesta', 'Podestà', 'PODESTA', "podesta'", 'podestà ottavio']],
    ['Dalla Valle', ['dallavalle', 'dalla valle', 'Dalla-Valle', 'DALLAVALLE OTTAVIO']],
  ])('%s is found as %j', async (surname, queries) => {
    const ids = await frontOffice();
    const id = ids.get(surname);
    for (const query of queries) expect(await childIdsFound(query), query).toContain(id);
  });

  it('finds nobody when the letters are not there, apostrophes or not', async () => {
    const ids = await frontOffice();
    expect(await childIdsFound('dangelox')).toEqual([]);
    // "de" alone is a word of De Luca; "deluc ottavia" is not Ottavio.
    expect(await childIdsFound('deluca ottavia')).not.toContain(ids.get('De Luca'));
  });

  it('a stored surname without apostrophe is found typed with one', async () => {
    await frontOffice();
    t.sql.prepare(`UPDATE children SET surname = 'Dellamico', surname_key = 'dellamico' WHERE id = 'child-ns-2'`).run();
    expect(await childIdsFound("dell'amico ottavio")).toContain('child-ns-2');
  });

  it('keeps the keys filled for children made by a registration', async () => {
    await frontOffice();
    const input = familyInput();
    const [first, second] = input.children;
    await t.must('registration.save', {
      ...input,
      parent: parentInput({ surname: "D'Angelo" }),
      children: [
        { ...first!, surname: "D'Angelo", name: 'Maria Chiara' },
        { ...second!, surname: 'Podestà' },
      ],
    });
    const rows = t.sql
      .prepare(`SELECT surname_key, name_key FROM children WHERE name IN ('Maria Chiara', 'Sofia') ORDER BY name`)
      .all();
    expect(rows).toContainEqual({ surname_key: 'dangelo', name_key: 'mariachiara' });
    expect(rows).toContainEqual({ surname_key: 'podesta', name_key: 'sofia' });
    expect((await t.must('accounts.find', { query: 'dangelo mariachiara' })).items).toHaveLength(2);
  });
});

describe('results that tell children apart', () => {
  /** What the search must find, worked out without the index: a word or a whole key starts with a typed word. */
  function expected(query: string): { children: Set<string>; bySurname: Set<string>; byOwnName: Set<string> } {
    const typed = searchWords(query);
    const starts = (text: string, word: string) =>
      searchWords(text).some((w) => w.startsWith(word)) || searchKey(text).startsWith(word);
    const rows = t.sql
      .prepare(
        `SELECT c.id, c.surname, c.name, f.surname AS parent_surname, f.name AS parent_name
           FROM children c LEFT JOIN families f ON f.id = c.family_id`,
      )
      .all() as {
      id: string;
      surname: string;
      name: string;
      parent_surname: string | null;
      parent_name: string | null;
    }[];
    const own = rows.filter((r) => typed.every((w) => starts(r.surname, w) || starts(r.name, w)));
    // A parent, typed surname first and with two words at least, by words (families_fts has no folded keys).
    const wordStarts = (text: string | null, word: string) =>
      text !== null && searchWords(text).some((w) => w.startsWith(word));
    const [first, ...others] = typed;
    const byParent = rows.filter(
      (r) =>
        others.length > 0 &&
        wordStarts(r.parent_surname, first!) &&
        others.every((w) => wordStarts(r.parent_surname, w) || wordStarts(r.parent_name, w)),
    );
    const byOwnName = new Set(own.map((r) => r.id));
    const children = new Set([...byOwnName, ...byParent.map((r) => r.id)]);
    const bySurname = new Set(own.filter((r) => starts(r.surname, typed[0]!)).map((r) => r.id));
    return { children, bySurname, byOwnName };
  }

  it('says the real total, pages through all of it, and lists surname matches before first-name ones', async () => {
    await frontOffice();
    const want = expected('ric');
    // The demo holds both kinds, and more than a page: the test means something.
    expect(want.children.size).toBeGreaterThan(NAME_PAGE_SIZE);
    expect(want.bySurname.size).toBeGreaterThan(0);
    expect(want.bySurname.size).toBeLessThan(want.children.size);

    const seen: string[] = [];
    let page: number | null = 0;
    while (page !== null) {
      const found: Found = await t.must('accounts.find', { query: 'Ric', page });
      expect(found.totalChildren).toBe(want.children.size);
      for (const item of found.items) if (seen.at(-1) !== item.child.childId) seen.push(item.child.childId);
      page = found.nextPage;
    }
    expect(seen).toHaveLength(want.children.size);
    expect(new Set(seen)).toEqual(want.children);
    // Every child found by surname comes before every child found by first name only, and those before
    // the children found by their adulto di riferimento only.
    const ranks = seen.map((id) => (want.bySurname.has(id) ? 0 : want.byOwnName.has(id) ? 1 : 2));
    expect(ranks).toEqual([...ranks].sort());
  });

  it('shows birth date and adulto di riferimento at the front office', async () => {
    await frontOffice();
    const found = await t.must('accounts.find', { query: 'dangelo ottavio' });
    expect(found.items[0]?.child).toMatchObject({
      birthDate: '2018-04-10',
      parent: { name: 'Laura Bianchi' },
    });
  });
});
