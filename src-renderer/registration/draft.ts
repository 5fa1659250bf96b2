import type {
  ChannelInput,
  ChildInput,
  EnrolmentInput,
  NIDO_TIMES,
  ParentInput,
  RegistrationOptions,
  TRANSPORT_DIRECTIONS,
} from '../../shared/contract';
import type { Service } from '../../shared/domain';
import { parseEuroInput } from '../../shared/money';
import { parseItalianDate } from '../dates';

/**
 * What the operator has typed so far, as text: the form edits this, and only `toSaveInput` turns it
 * into the contract's input. The core checks everything again; these checks only catch what the
 * operator can fix at once, with the field to go back to.
 */

export type Sex = 'M' | 'F';
export type TransportDirection = (typeof TRANSPORT_DIRECTIONS)[number];
export type NidoTime = (typeof NIDO_TIMES)[number];

export interface PersonDraft {
  fiscalCode: string;
  surname: string;
  name: string;
  /** As typed, day first (gg/mm/aaaa); '' when not typed. */
  birthDate: string;
  sex: Sex | '';
  /** Name of the comune or country of birth decoded from the codice fiscale (shown, not sent). */
  birthPlace: string;
  /** The fields were filled from a person already registered (a new code then clears them). */
  loaded: boolean;
}

export interface ParentDraft extends PersonDraft {
  address: string;
  phone: string;
  email: string;
}

export interface EnrolmentDraft {
  /** Stable React key and id prefix of its fields. */
  key: string;
  service: Service | '';
  schoolYear: string;
  iseeText: string;
  iseeDate: string;
  dietType: string;
  dietCertificate: string;
  routeCode: string;
  stopCode: string;
  direction: TransportDirection;
  nidoTime: NidoTime;
}

export interface ChildDraft extends PersonDraft {
  key: string;
  school: string;
  /** The adulto di riferimento the child follows today, when it is someone else. */
  linkedTo: { name: string; fiscalCode: string } | null;
  confirmRelink: boolean;
  enrolments: EnrolmentDraft[];
}

export interface RegistrationDraft {
  parent: ParentDraft;
  consent: boolean;
  children: ChildDraft[];
}

let nextKey = 0;
function newKey(prefix: string): string {
  nextKey += 1;
  return `${prefix}${nextKey}`;
}

export function emptyPerson(): PersonDraft {
  return { fiscalCode: '', surname: '', name: '', birthDate: '', sex: '', birthPlace: '', loaded: false };
}

export function emptyEnrolment(schoolYear: string): EnrolmentDraft {
  return {
    key: newKey('e'),
    service: '',
    schoolYear,
    iseeText: '',
    iseeDate: '',
    dietType: '',
    dietCertificate: '',
    routeCode: '',
    stopCode: '',
    direction: 'andata_ritorno',
    nidoTime: 'tempo_pieno',
  };
}

export function emptyChild(schoolYear: string): ChildDraft {
  return {
    ...emptyPerson(),
    key: newKey('c'),
    school: '',
    linkedTo: null,
    confirmRelink: false,
    enrolments: [emptyEnrolment(schoolYear)],
  };
}

export function emptyDraft(schoolYear: string): RegistrationDraft {
  return {
    parent: { ...emptyPerson(), address: '', phone: '', email: '' },
    consent: false,
    children: [emptyChild(schoolYear)],
  };
}

/** True once anything was typed: leaving then asks for confirmation. */
export function hasTypedData(draft: RegistrationDraft): boolean {
  const p = draft.parent;
  if ([p.fiscalCode, p.surname, p.name, p.address, p.phone, p.email].some((v) => v.trim() !== '')) return true;
  if (draft.consent) return true;
  return draft.children.some(
    (c) =>
      [c.fiscalCode, c.surname, c.name, c.school].some((v) => v.trim() !== '') ||
      c.enrolments.some((e) => e.service !== '' || e.iseeText.trim() !== ''),
  );
}

export function normaliseFiscalCode(text: string): string {
  return text.replace(/\s/g, '').toUpperCase();
}

/** Ids of the fields, so a check can send the cursor back to the one to fix. */
export const fieldId = {
  parent: (field: string) => `reg-parent-${field}`,
  consent: 'reg-consent',
  child: (childKey: string, field: string) => `reg-${childKey}-${field}`,
  enrolment: (enrolmentKey: string, field: string) => `reg-${enrolmentKey}-${field}`,
};

export type SaveInput = ChannelInput<'registration.save'>;
export type Checked = { ok: true; input: SaveInput } | { ok: false; message: string; fieldId: string };

function fail(message: string, id: string): Checked {
  return { ok: false, message, fieldId: id };
}

/** ISEE in cents, null when left empty, 'invalid' when unreadable. */
export function iseeCentsOf(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  return parseEuroInput(text) ?? 'invalid';
}

function enrolmentInput(
  e: EnrolmentDraft,
  who: string,
  options: RegistrationOptions,
): { ok: true; value: EnrolmentInput } | { ok: false; message: string; fieldId: string } {
  const id = (f: string) => fieldId.enrolment(e.key, f);
  if (e.service === '') return { ok: false, message: `Scegliere il servizio per ${who}.`, fieldId: id('service') };
  const isee = iseeCentsOf(e.iseeText);
  if (isee === 'invalid')
    return {
      ok: false,
      message: `ISEE non leggibile per ${who}: scrivere per esempio 12.500,00.`,
      fieldId: id('isee'),
    };
  const iseeDate = parseItalianDate(e.iseeDate);
  if (isee !== null && iseeDate === null)
    return {
      ok: false,
      message: `Indicare la data dell'attestazione ISEE per ${who} (gg/mm/aaaa).`,
      fieldId: id('iseeDate'),
    };
  const base: EnrolmentInput = {
    service: e.service,
    schoolYear: e.schoolYear || options.schoolYear,
    ...(isee !== null && iseeDate !== null ? { iseeCents: isee, iseeDate } : {}),
  };
  switch (e.service) {
    case 'refezione': {
      if (e.dietType === '') return { ok: true, value: base };
      if (e.dietCertificate.trim() === '')
        return {
          ok: false,
          message: `Dieta speciale per ${who}: indicare il certificato medico.`,
          fieldId: id('dietCertificate'),
        };
      return { ok: true, value: { ...base, diet: { type: e.dietType, certificate: e.dietCertificate.trim() } } };
    }
    case 'trasporto':
      if (e.routeCode === '')
        return { ok: false, message: `Scegliere la linea del trasporto per ${who}.`, fieldId: id('route') };
      if (e.stopCode === '')
        return { ok: false, message: `Scegliere la fermata del trasporto per ${who}.`, fieldId: id('stop') };
      return {
        ok: true,
        value: { ...base, transport: { routeCode: e.routeCode, stopCode: e.stopCode, direction: e.direction } },
      };
    case 'asilo_nido':
      return { ok: true, value: { ...base, nidoTime: e.nidoTime } };
  }
}

function personFields(
  p: PersonDraft,
  who: string,
  id: (field: string) => string,
): { ok: true } | { ok: false; message: string; fieldId: string } {
  const cf = normaliseFiscalCode(p.fiscalCode);
  if (cf.length !== 16 && cf.length !== 11)
    return {
      ok: false,
      message: `Codice fiscale di ${who}: 16 caratteri (o 11 cifre se provvisorio).`,
      fieldId: id('cf'),
    };
  if (p.surname.trim() === '') return { ok: false, message: `Inserire il cognome di ${who}.`, fieldId: id('surname') };
  if (p.name.trim() === '') return { ok: false, message: `Inserire il nome di ${who}.`, fieldId: id('name') };
  if (parseItalianDate(p.birthDate) === null)
    return { ok: false, message: `Data di nascita di ${who}: scriverla come gg/mm/aaaa.`, fieldId: id('birthDate') };
  if (p.sex === '') return { ok: false, message: `Indicare il sesso di ${who}.`, fieldId: id('sex') };
  return { ok: true };
}

export function toSaveInput(draft: RegistrationDraft, options: RegistrationOptions): Checked {
  const p = draft.parent;
  const parentCheck = personFields(p, "l'adulto di riferimento", fieldId.parent);
  if (!parentCheck.ok) return parentCheck;
  if (p.address.trim().length < 3)
    return fail("Inserire l'indirizzo dell'adulto di riferimento.", fieldId.parent('address'));
  if (!draft.consent)
    return fail('Serve il consenso al trattamento dei dati personali (Spazio per spuntarlo).', fieldId.consent);
  const parent: ParentInput = {
    fiscalCode: normaliseFiscalCode(p.fiscalCode),
    surname: p.surname.trim(),
    name: p.name.trim(),
    birthDate: parseItalianDate(p.birthDate) ?? '',
    sex: p.sex as Sex,
    address: p.address.trim(),
    ...(p.phone.trim() !== '' ? { phone: p.phone.trim() } : {}),
    ...(p.email.trim() !== '' ? { email: p.email.trim() } : {}),
  };
  const children: ChildInput[] = [];
  for (const [index, c] of draft.children.entries()) {
    const who = c.name.trim() !== '' ? c.name.trim() : `figlio ${index + 1}`;
    const id = (f: string) => fieldId.child(c.key, f);
    const check = personFields(c, who, id);
    if (!check.ok) return check;
    if (c.school.trim() === '') return fail(`Scegliere la scuola di ${who}.`, id('school'));
    if (c.linkedTo && !c.confirmRelink)
      return fail(
        `${who} è collegato a ${c.linkedTo.name}: spuntare "collega a questo genitore" per cambiarlo.`,
        id('relink'),
      );
    if (c.enrolments.length === 0) return fail(`Aggiungere almeno un servizio per ${who}.`, id('cf'));
    const services = new Set<string>();
    const enrolments: EnrolmentInput[] = [];
    for (const e of c.enrolments) {
      const made = enrolmentInput(e, who, options);
      if (!made.ok) return made;
      const key = `${made.value.service} ${made.value.schoolYear}`;
      if (services.has(key))
        return fail(
          `${who} ha due iscrizioni allo stesso servizio per lo stesso anno.`,
          fieldId.enrolment(e.key, 'service'),
        );
      services.add(key);
      enrolments.push(made.value);
    }
    children.push({
      fiscalCode: normaliseFiscalCode(c.fiscalCode),
      surname: c.surname.trim(),
      name: c.name.trim(),
      birthDate: parseItalianDate(c.birthDate) ?? '',
      sex: c.sex as Sex,
      school: c.school.trim(),
      ...(c.linkedTo ? { confirmRelink: true } : {}),
      enrolments,
    });
  }
  return { ok: true, input: { parent, consent: true, children } };
}

/**
 * The order of a child among the family's children enrolled in the same service and year (1 for the
 * first): it decides the sibling reduction the quote shows.
 */
export function siblingOrder(draft: RegistrationDraft, childIndex: number, e: EnrolmentDraft): number {
  let order = 0;
  for (const [i, c] of draft.children.entries()) {
    if (i > childIndex) break;
    if (c.enrolments.some((x) => x.service === e.service && x.schoolYear === e.schoolYear)) order += 1;
  }
  return Math.max(1, order);
}
