import { describe, expect, it } from 'vitest';
import type { RegistrationOptions } from '../../../shared/contract';
import { italianDate, parseItalianDate } from '../../../src-renderer/dates';
import {
  emptyChild,
  emptyDraft,
  fieldId,
  hasTypedData,
  siblingOrder,
  toSaveInput,
  type RegistrationDraft,
} from '../../../src-renderer/registration/draft';

const OPTIONS: RegistrationOptions = {
  schoolYear: '2026/2027',
  schoolYears: ['2026/2027'],
  deadline: '2026-09-15',
  schools: ['Scuola primaria Fossone'],
  diets: ['Senza glutine'],
  routes: [{ code: 'L1', name: 'Linea 1', stops: [{ code: 'L1-01', name: 'Fossola' }] }],
  consentText: 'Informativa privacy per la prova.',
};

/** A form filled as far as a valid registration of one child in refezione. */
function filled(): RegistrationDraft {
  const draft = emptyDraft(OPTIONS.schoolYear);
  draft.parent = {
    ...draft.parent,
    fiscalCode: ' znzmra85e02b832p ',
    surname: ' Zanzi ',
    name: 'Mario',
    birthDate: '02/05/1985',
    sex: 'M',
    address: 'Via Roma 12',
  };
  draft.consent = true;
  const child = draft.children[0]!;
  Object.assign(child, {
    fiscalCode: 'ZNZGLI18C55B832G',
    surname: 'Zanzi',
    name: 'Giulia',
    birthDate: '15032018',
    sex: 'F',
    school: 'Scuola primaria Fossone',
  });
  child.enrolments[0]!.service = 'refezione';
  return draft;
}

describe('dates typed day first', () => {
  it('reads slashes, dashes, dots and 8 digits', () => {
    expect(parseItalianDate('15/01/2026')).toBe('2026-01-15');
    expect(parseItalianDate(' 5-4-1988 ')).toBe('1988-04-05');
    expect(parseItalianDate('29.02.2028')).toBe('2028-02-29');
    expect(parseItalianDate('15012026')).toBe('2026-01-15');
    expect(italianDate('2026-01-15')).toBe('15/01/2026');
  });

  it('refuses days that do not exist and what it cannot read', () => {
    expect(parseItalianDate('31/02/2026')).toBeNull();
    expect(parseItalianDate('29/02/2027')).toBeNull();
    expect(parseItalianDate('13/13/2026')).toBeNull();
    expect(parseItalianDate('2026-01-15')).toBeNull();
    expect(parseItalianDate('')).toBeNull();
  });
});

describe('toSaveInput', () => {
  it('turns the typed text into the contract input: trimmed, uppercase codes, ISO dates, empty optionals left out', () => {
    const checked = toSaveInput(filled(), OPTIONS);
    expect(checked).toEqual({
      ok: true,
      input: {
        parent: {
          fiscalCode: 'ZNZMRA85E02B832P',
          surname: 'Zanzi',
          name: 'Mario',
          birthDate: '1985-05-02',
          sex: 'M',
          address: 'Via Roma 12',
        },
        consent: true,
        children: [
          {
            fiscalCode: 'ZNZGLI18C55B832G',
            surname: 'Zanzi',
            name: 'Giulia',
            birthDate: '2018-03-15',
            sex: 'F',
            school: 'Scuola primaria Fossone',
            enrolments: [{ service: 'refezione', schoolYear: '2026/2027' }],
          },
        ],
      },
    });
  });

  it('sends the cursor back to the field to fix, with the reason in Italian', () => {
    const noConsent = filled();
    noConsent.consent = false;
    expect(toSaveInput(noConsent, OPTIONS)).toMatchObject({ ok: false, fieldId: fieldId.consent });

    const badDate = filled();
    badDate.parent.birthDate = '31/02/1985';
    expect(toSaveInput(badDate, OPTIONS)).toMatchObject({ ok: false, fieldId: fieldId.parent('birthDate') });

    const child = filled();
    const key = child.children[0]!.key;
    child.children[0]!.linkedTo = { name: 'Anna Berti', fiscalCode: 'BRTNNA88D45B832X' };
    const relink = toSaveInput(child, OPTIONS);
    expect(relink).toMatchObject({ ok: false, fieldId: fieldId.child(key, 'relink') });
    expect(relink.ok ? '' : relink.message).toContain('collega a questo genitore');
    child.children[0]!.confirmRelink = true;
    const confirmed = toSaveInput(child, OPTIONS);
    expect(confirmed.ok && confirmed.input.children[0]?.confirmRelink).toBe(true);
  });

  it('asks for what each service needs: the ISEE date, the diet certificate, the route and stop', () => {
    const isee = filled();
    const e = isee.children[0]!.enrolments[0]!;
    e.iseeText = '12.000';
    expect(toSaveInput(isee, OPTIONS)).toMatchObject({ ok: false, fieldId: fieldId.enrolment(e.key, 'iseeDate') });
    e.iseeDate = '15/01/2026';
    const withIsee = toSaveInput(isee, OPTIONS);
    expect(withIsee.ok && withIsee.input.children[0]?.enrolments[0]).toEqual({
      service: 'refezione',
      schoolYear: '2026/2027',
      iseeCents: 1_200_000,
      iseeDate: '2026-01-15',
    });
    e.dietType = 'Senza glutine';
    expect(toSaveInput(isee, OPTIONS)).toMatchObject({
      ok: false,
      fieldId: fieldId.enrolment(e.key, 'dietCertificate'),
    });

    const bus = filled();
    const b = bus.children[0]!.enrolments[0]!;
    b.service = 'trasporto';
    expect(toSaveInput(bus, OPTIONS)).toMatchObject({ ok: false, fieldId: fieldId.enrolment(b.key, 'route') });
    b.routeCode = 'L1';
    b.stopCode = 'L1-01';
    b.direction = 'andata';
    const ok = toSaveInput(bus, OPTIONS);
    expect(ok.ok && ok.input.children[0]?.enrolments[0]?.transport).toEqual({
      routeCode: 'L1',
      stopCode: 'L1-01',
      direction: 'andata',
    });
  });

  it('refuses the same service twice in a year for one child', () => {
    const draft = filled();
    const second = { ...draft.children[0]!.enrolments[0]!, key: 'again' };
    draft.children[0]!.enrolments.push(second);
    expect(toSaveInput(draft, OPTIONS)).toMatchObject({ ok: false, fieldId: fieldId.enrolment('again', 'service') });
  });
});

describe('siblingOrder and typed data', () => {
  it('counts the children before this one enrolled in the same service and year', () => {
    const draft = filled();
    const brother = emptyChild(OPTIONS.schoolYear);
    brother.enrolments[0]!.service = 'refezione';
    const sister = emptyChild(OPTIONS.schoolYear);
    sister.enrolments[0]!.service = 'trasporto';
    draft.children.push(brother, sister);
    expect(siblingOrder(draft, 0, draft.children[0]!.enrolments[0]!)).toBe(1);
    expect(siblingOrder(draft, 1, brother.enrolments[0]!)).toBe(2);
    expect(siblingOrder(draft, 2, sister.enrolments[0]!)).toBe(1);
  });

  it('knows when leaving would lose something', () => {
    expect(hasTypedData(emptyDraft('2026/2027'))).toBe(false);
    const draft = emptyDraft('2026/2027');
    draft.children[0]!.fiscalCode = 'Z';
    expect(hasTypedData(draft)).toBe(true);
  });
});
