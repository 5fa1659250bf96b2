import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { omocodicVariant } from '../../../shared/codiceFiscale';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { execFileSync } from 'node:child_process';
import { enrolmentSummaryDocument } from '../../../src-main/documents/enrolmentSummaryPdf';
import { renderPdf } from '../../../src-main/documents/pdf';
import { CHILD1_CF, familyInput, OTHER_PARENT_CF, PARENT_CF, parentInput, pdfText } from './registration-fixture';

let t: TestCore;
afterEach(async () => {
  await t?.close();
});

async function frontOffice(): Promise<TestCore> {
  t = await openTestCore();
  await t.login('sportello1', '2468');
  return t;
}

/** Row counts of everything a registration writes: equal before and after a refused one. */
function footprint(tc: TestCore) {
  const p = pick(tc.sql);
  return {
    families: p.count('families'),
    children: p.count('children'),
    accounts: p.count('accounts'),
    registrations: p.count('registrations'),
    enrolments: p.count('enrolments'),
    links: p.count('child_links'),
    outbox: p.count('outbox'),
    audit: p.count('audit'),
    provisionalSeq: p.count('papay_provisional_sequences'),
  };
}

describe('registry.lookup', () => {
  it('decodes a new codice fiscale and finds nobody', async () => {
    await frontOffice();
    const r = await t.must('registry.lookup', { fiscalCode: ` ${PARENT_CF.toLowerCase()} ` });
    expect(r).toEqual({
      decoded: {
        code: PARENT_CF,
        provisional: false,
        birthDate: '1985-08-01',
        sex: 'F',
        birthPlace: { code: 'B832', name: 'Carrara' },
      },
      parent: null,
      child: null,
    });
    const bad = await t.call('registry.lookup', { fiscalCode: PARENT_CF.slice(0, 15) + 'A' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });

  it('opens a known child under an omocodic variant of its code, with the parent it is linked to', async () => {
    await frontOffice();
    const child = pick(t.sql).child('family_id IS NOT NULL');
    const family = t.sql
      .prepare(
        'SELECT f.name, f.surname, f.fiscal_code FROM families f JOIN children c ON c.family_id = f.id WHERE c.id = ?',
      )
      .get(child.id) as { name: string; surname: string; fiscal_code: string };
    const r = await t.must('registry.lookup', { fiscalCode: omocodicVariant(child.fiscal_code_canonical, 1) });
    expect(r.child).toMatchObject({
      personId: child.id,
      name: child.name,
      surname: child.surname,
      linkedTo: { name: `${family.name} ${family.surname}`, fiscalCode: family.fiscal_code },
      enrolments: [],
    });
    // The parent's code opens the parent.
    const p = await t.must('registry.lookup', { fiscalCode: family.fiscal_code });
    expect(p.parent).toMatchObject({ name: family.name, surname: family.surname, fiscalCode: family.fiscal_code });
  });

  it('answers FORBIDDEN at a pharmacy, for every registration channel', async () => {
    t = await openTestCore({ counter: 'FAR-CAVATORE' });
    await t.login('cavatore', '1234');
    for (const r of [
      await t.call('registry.lookup', { fiscalCode: PARENT_CF }),
      await t.call('registration.options', {}),
      await t.call('registration.save', familyInput()),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!r.ok) expect(r.error.message).toMatch(/in farmacia non sono disponibili/);
    }
  });
});

describe('registration.options and quote', () => {
  it('lists the configured year, deadline, schools, diets, routes and consent; quotes the tariff', async () => {
    await frontOffice();
    const o = await t.must('registration.options', {});
    expect(o).toMatchObject({ schoolYear: '2026/2027', schoolYears: ['2026/2027'], deadline: '2026-09-15' });
    expect(o.diets).toContain('Senza glutine');
    expect(o.routes.map((r) => r.code)).toEqual(['L1', 'L2', 'L3']);
    expect(o.consentText).toMatch(/Regolamento \(UE\) 2016\/679/);
    const q = await t.must('registration.quote', {
      service: 'refezione',
      schoolYear: '2026/2027',
      iseeCents: 1_200_000,
      siblingOrder: 2,
    });
    expect(q).toEqual({
      band: { code: 'C', label: 'Fascia C (ISEE fino a 16.000,00 €)' },
      tariffCents: 380,
      siblingReductionPercent: 20,
      finalTariffCents: 304,
      tariffUnit: 'a pasto',
      late: true,
    });
  });
});

describe('registration.save', () => {
  it('saves a whole family in one go: provisional accounts, tariffs, late marks, outbox, audit and the summary PDF', async () => {
    await frontOffice();
    const before = footprint(t);
    const { registration, summaryPdfPath } = await t.must('registration.save', familyInput());
    expect(registration.parent).toMatchObject({
      fiscalCode: PARENT_CF,
      surname: 'Bianchi',
      birthDate: '1985-08-01',
      sex: 'F',
    });
    expect(registration.provisional).toBe(true);
    const [marco, sofia] = registration.children;
    expect(
      marco!.enrolments.map((e) => [e.service, e.papayCode, e.papayProvisional, e.band.code, e.finalTariffCents]),
    ).toEqual([
      ['refezione', 'P-SE1-000001', true, 'C', 380],
      ['trasporto', 'P-SE1-000002', true, 'D', 4000],
    ]);
    // Sofia is the family's second child in the meals of 2026/2027: 20% off.
    expect(sofia!.enrolments).toMatchObject([
      {
        service: 'refezione',
        papayCode: 'P-SE1-000003',
        siblingReductionPercent: 20,
        tariffCents: 380,
        finalTariffCents: 304,
      },
    ]);
    expect(registration.children.flatMap((c) => c.enrolments).every((e) => e.late && e.state === 'in_attesa')).toBe(
      true,
    );
    expect(marco!.enrolments[0]!.details).toBe('Dieta: Senza glutine (certificato: Certificato ASL n. 123/2026)');
    expect(marco!.enrolments[1]!.details).toBe(
      'Linea 2 - Bonascola, Marina di Carrara, fermata Marina di Carrara, piazza Menconi, andata e ritorno',
    );

    const after = footprint(t);
    expect(after).toMatchObject({
      families: before.families + 1,
      children: before.children + 2,
      accounts: before.accounts + 3,
      registrations: before.registrations + 1,
      enrolments: before.enrolments + 3,
      links: before.links + 2,
      outbox: before.outbox + 1,
    });
    const outbox = t.sql.prepare(`SELECT type, payload, state FROM outbox ORDER BY seq DESC LIMIT 1`).get() as {
      type: string;
      payload: string;
      state: string;
    };
    expect(outbox.type).toBe('registration');
    const payload = JSON.parse(outbox.payload) as {
      family: { id: string };
      children: unknown[];
      accounts: { provisional: boolean }[];
      enrolments: unknown[];
    };
    expect(payload.family.id).toBe(registration.parent.personId);
    expect([payload.children.length, payload.accounts.length, payload.enrolments.length]).toEqual([2, 3, 3]);
    expect(t.sql.prepare(`SELECT COUNT(*) FROM audit WHERE action = 'iscrizione'`).pluck().get()).toBe(1);
    const consent = t.sql.prepare('SELECT consent_at, consent_text_sha256 FROM registrations').get() as {
      consent_at: string;
      consent_text_sha256: string;
    };
    expect(consent.consent_at).toBe('2026-11-30T09:00:00.000Z');
    expect(consent.consent_text_sha256).toMatch(/^[0-9a-f]{64}$/);

    // The summary, read back.
    expect(summaryPdfPath).toBe(path.join(t.dataDir, 'documents', 'iscrizioni', `${registration.registrationId}.pdf`));
    const text = pdfText(summaryPdfPath);
    for (const expected of [
      'Bianchi Laura',
      PARENT_CF,
      'Marco Bianchi',
      'Sofia Bianchi',
      'Refezione scolastica',
      'Trasporto scolastico',
      '2026/2027',
      'P-SE1-000001',
      'P-SE1-000003',
      'provvisorio: valido solo dopo la conferma del servizio centrale',
      'FUORI TERMINE',
      'Fascia C',
      '€ 3,04 a pasto',
      'riduzione fratelli del 20%',
      'Senza glutine',
      'Firma dell',
      'Carrara, 30/11/2026',
      // A readable number per counter and year, and a statement that agrees with a mother.
      'Iscrizione n. SE1/2026/000001',
      'La sottoscritta dichiara',
    ]) {
      expect(text).toContain(expected);
    }
    expect(registration.registrationNo).toBe('SE1/2026/000001');
    expect(text).not.toContain('Il sottoscritto');
    expect(text).not.toContain(registration.registrationId);
    expect(t.sql.prepare('SELECT consent_text FROM registrations').pluck().get()).toMatch(/^La sottoscritta dichiara/);

    // However many children push it down, the consent is never split from its signatures.
    for (let copies = 1; copies <= 6; copies++) {
      const many = { ...registration, children: Array.from({ length: copies }, () => registration.children).flat() };
      const file = path.join(t.dataDir, `many-${copies}.pdf`);
      const doc = enrolmentSummaryDocument({
        registration: many,
        header: ['Comune di Carrara'],
        place: 'Carrara',
        counterName: 'SE1',
        consentText: 'La sottoscritta dichiara ' + 'di aver letto e accettato. '.repeat(30) + 'FINE DEL CONSENSO.',
      });
      fs.writeFileSync(file, await renderPdf(doc));
      const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f');
      const withConsent = pages.filter((page) => page.includes('Consenso al trattamento'));
      expect(withConsent, `${copies} copie`).toHaveLength(1);
      expect(withConsent[0]).toContain('FINE DEL CONSENSO.');
      expect(withConsent[0]).toContain("Firma dell'adulto di riferimento");
    }
    // Each of the three enrolments carries both marks.
    expect(text.split('FUORI TERMINE').length - 1).toBe(3);
    expect(text.split('provvisorio: valido solo dopo la conferma del servizio centrale').length - 1).toBe(3);

    // Read again, and printed again: same file, still provisional.
    expect(await t.must('registration.get', { registrationId: registration.registrationId })).toEqual(registration);
    const again = await t.must('registration.printSummary', { registrationId: registration.registrationId });
    expect(again).toEqual({ registrationId: registration.registrationId, pdfPath: summaryPdfPath, provisional: true });
    expect(fs.statSync(summaryPdfPath).size).toBeGreaterThan(1000);
  });

  it('the same parent codice fiscale twice is the same family, its contact data updated', async () => {
    await frontOffice();
    const first = await t.must('registration.save', familyInput());
    const families = pick(t.sql).count('families');
    const second = await t.must('registration.save', {
      parent: parentInput({ address: 'Via Carriona 5, 54033 Carrara', phone: '333 1234567' }),
      consent: true,
      children: [
        {
          ...familyInput().children[1]!,
          enrolments: [
            {
              service: 'trasporto',
              schoolYear: '2026/2027',
              transport: { routeCode: 'L1', stopCode: 'L1-03', direction: 'andata' },
            },
          ],
        },
      ],
    });
    expect(second.registration.parent.personId).toBe(first.registration.parent.personId);
    expect(second.registration.parent).toMatchObject({
      address: 'Via Carriona 5, 54033 Carrara',
      phone: '333 1234567',
    });
    expect(pick(t.sql).count('families')).toBe(families);
    // Sofia too: the same child, not a new one.
    expect(second.registration.children[0]!.personId).toBe(first.registration.children[1]!.personId);
    // Marco already takes the bus: Sofia is the second child of the family on it.
    expect(second.registration.children[0]!.enrolments[0]!.siblingReductionPercent).toBe(20);
    // Looking the parent up now opens the family.
    expect((await t.must('registry.lookup', { fiscalCode: PARENT_CF })).parent?.personId).toBe(
      first.registration.parent.personId,
    );
  });

  it('reuses the account a known child already has for the service (real Pa-Pay code, not provisional)', async () => {
    await frontOffice();
    const acc = pick(t.sql).account(`a.service = 'refezione' AND c.family_id IS NOT NULL AND c.birth_date IS NOT NULL`);
    const child = t.sql
      .prepare(
        `SELECT c.id, c.name, c.surname, c.fiscal_code, c.birth_date, c.school, f.fiscal_code AS parent_cf, f.name AS parent_name,
                f.surname AS parent_surname, f.address
           FROM children c JOIN families f ON f.id = c.family_id WHERE c.id = ?`,
      )
      .get(acc.child_id) as Record<string, string>;
    const lookup = await t.must('registry.lookup', { fiscalCode: child.parent_cf! });
    const decoded = await t.must('registry.lookup', { fiscalCode: child.fiscal_code! });
    const { registration } = await t.must('registration.save', {
      parent: {
        fiscalCode: child.parent_cf!,
        surname: child.parent_surname!,
        name: child.parent_name!,
        birthDate: lookup.decoded.birthDate ?? '1980-01-01',
        sex: lookup.decoded.sex ?? 'F',
        address: child.address!,
      },
      consent: true,
      children: [
        {
          fiscalCode: child.fiscal_code!,
          surname: child.surname!,
          name: child.name!,
          birthDate: child.birth_date!,
          sex: decoded.decoded.sex!,
          school: child.school!,
          enrolments: [{ service: 'refezione', schoolYear: '2026/2027' }],
        },
      ],
    });
    expect(registration.parent.personId).toBe(lookup.parent!.personId);
    expect(registration.children[0]!.enrolments[0]).toMatchObject({
      accountId: acc.id,
      papayCode: acc.papay_code,
      papayProvisional: false,
      band: { code: 'E' },
    });
    expect(registration.provisional).toBe(false);
    expect(registration.children[0]!.relinkedFrom).toBeNull();
  });

  it('re-links a child to another parent only when confirmed, and records the change', async () => {
    await frontOffice();
    const first = await t.must('registration.save', familyInput());
    const marcoId = first.registration.children[0]!.personId;
    const other = {
      parent: parentInput({
        fiscalCode: OTHER_PARENT_CF,
        surname: 'Verdi',
        name: 'Paolo',
        birthDate: '1980-01-01',
        sex: 'M',
      }),
      consent: true as const,
      children: [
        {
          ...familyInput().children[0]!,
          enrolments: [{ service: 'asilo_nido' as const, schoolYear: '2026/2027', nidoTime: 'part_time' as const }],
        },
      ],
    };
    const before = footprint(t);
    const refused = await t.call('registration.save', other);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    if (!refused.ok) {
      expect(refused.error.message).toBe(
        `Figlio 1 (Marco Bianchi) è collegato a Laura Bianchi (${PARENT_CF}): confermare il cambio dell'adulto di riferimento per collegarlo a Paolo Verdi.`,
      );
    }
    expect(footprint(t)).toEqual(before);
    expect(t.sql.prepare('SELECT family_id FROM children WHERE id = ?').pluck().get(marcoId)).toBe(
      first.registration.parent.personId,
    );

    other.children[0] = { ...other.children[0]!, confirmRelink: true };
    const { registration } = await t.must('registration.save', other);
    expect(registration.children[0]).toMatchObject({
      personId: marcoId,
      relinkedFrom: { name: 'Laura Bianchi', fiscalCode: PARENT_CF },
    });
    expect(t.sql.prepare('SELECT family_id FROM children WHERE id = ?').pluck().get(marcoId)).toBe(
      registration.parent.personId,
    );
    expect(
      t.sql
        .prepare(
          'SELECT from_family_id, to_family_id, operator_code, registration_id FROM child_links WHERE child_id = ? ORDER BY id',
        )
        .all(marcoId),
    ).toEqual([
      {
        from_family_id: null,
        to_family_id: first.registration.parent.personId,
        operator_code: 'sportello1',
        registration_id: first.registration.registrationId,
      },
      {
        from_family_id: first.registration.parent.personId,
        to_family_id: registration.parent.personId,
        operator_code: 'sportello1',
        registration_id: registration.registrationId,
      },
    ]);
    expect(t.sql.prepare(`SELECT COUNT(*) FROM audit WHERE action = 'figlio_ricollegato'`).pluck().get()).toBe(1);
    // The lookup now shows the new link; the part-time nursery tariff of the top band.
    const look = await t.must('registry.lookup', { fiscalCode: CHILD1_CF });
    expect(look.child?.linkedTo).toEqual({ name: 'Paolo Verdi', fiscalCode: OTHER_PARENT_CF });
    expect(registration.children[0]!.enrolments[0]).toMatchObject({
      tariffCents: 30_000,
      tariffUnit: 'al mese (part time)',
    });
  });

  it('saves nothing when any part is invalid', async () => {
    await frontOffice();
    await t.must('registration.save', {
      parent: parentInput(),
      consent: true,
      children: [{ ...familyInput().children[1]! }],
    });
    const before = footprint(t);
    // The second child (Sofia) is already in the meals of 2026/2027: the whole registration is refused,
    // Marco and his accounts included, and the provisional numbering does not move.
    const family = familyInput();
    family.parent = parentInput({ address: 'Indirizzo che non deve restare' });
    const r = await t.call('registration.save', family);
    expect(r).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    if (!r.ok)
      expect(r.error.message).toBe(
        "Figlio 2 (Sofia Bianchi) è già iscritto a refezione scolastica per l'anno scolastico 2026/2027.",
      );
    expect(footprint(t)).toEqual(before);
    expect(t.sql.prepare('SELECT address FROM families WHERE fiscal_code = ?').pluck().get(PARENT_CF)).toBe(
      'Via Roma 10, 54033 Carrara',
    );
    expect(t.sql.prepare('SELECT last_number FROM papay_provisional_sequences').pluck().get()).toBe(1);
  });

  it('refuses a typed birth date or sex that disagrees with the codice fiscale, naming the field', async () => {
    await frontOffice();
    const wrongDate = familyInput();
    wrongDate.children[0] = { ...wrongDate.children[0]!, birthDate: '2018-04-16' };
    expect(await t.call('registration.save', wrongDate)).toEqual({
      ok: false,
      error: {
        code: 'INPUT_INVALID',
        message:
          'Figlio 1 (Marco Bianchi): la data di nascita 16/04/2018 non corrisponde a quella del codice fiscale (15/04/2018).',
      },
    });
    const wrongSex = familyInput();
    wrongSex.parent = parentInput({ sex: 'M' });
    expect(await t.call('registration.save', wrongSex)).toEqual({
      ok: false,
      error: {
        code: 'INPUT_INVALID',
        message: 'Genitore: il sesso M non corrisponde a quello del codice fiscale (F).',
      },
    });
    const badStop = familyInput();
    badStop.children[0]!.enrolments[1] = {
      service: 'trasporto',
      schoolYear: '2026/2027',
      transport: { routeCode: 'L1', stopCode: 'L2-02', direction: 'andata' },
    };
    const r = await t.call('registration.save', badStop);
    expect(r).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    if (!r.ok)
      expect(r.error.message).toBe(
        'Figlio 1 (Marco Bianchi), trasporto scolastico: la fermata L2-02 non è sulla Linea 1 - Fossola, Avenza.',
      );
    expect(pick(t.sql).count('registrations')).toBe(0);
  });

  it('an ISEE older than allowed counts as none: top band, and the enrolment says why', async () => {
    await frontOffice();
    const family = familyInput();
    family.children = [
      {
        ...family.children[1]!,
        enrolments: [{ service: 'refezione', schoolYear: '2026/2027', iseeCents: 300_000, iseeDate: '2024-06-30' }],
      },
    ];
    const { registration } = await t.must('registration.save', family);
    expect(registration.children[0]!.enrolments[0]).toMatchObject({
      band: { code: 'E' },
      finalTariffCents: 520,
      details: 'ISEE del 30/06/2024 non più valido (deve essere del 2025 o successivo): applicata la fascia massima.',
    });
    // The ISEE typed is kept as typed, for the office.
    expect(t.sql.prepare('SELECT isee_cents, isee_date FROM enrolments').get()).toEqual({
      isee_cents: 300_000,
      isee_date: '2024-06-30',
    });
  });

  it('accepts a provisional 11-digit codice fiscale (no birth data to compare)', async () => {
    await frontOffice();
    const family = familyInput();
    family.children = [{ ...family.children[1]!, fiscalCode: '01199250158' }];
    const { registration } = await t.must('registration.save', family);
    expect(registration.children[0]).toMatchObject({ fiscalCode: '01199250158', birthDate: '2021-06-12', sex: null });
  });
});
