import type { EnrolmentView, RegistrationView } from '../../shared/contract';
import { checkFiscalCode } from '../../shared/codiceFiscale';
import type { Service } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/open';
import type { Database } from '../db/schema';
import { describeDetails, type EnrolmentDetails } from './details';

interface EnrolmentRow {
  id: string;
  child_id: string;
  service: Service;
  school_year: string;
  account_id: string;
  papay_code: string;
  papay_provisional: number;
  band_code: string;
  band_label: string;
  tariff_cents: number;
  final_tariff_cents: number;
  tariff_unit: string;
  sibling_reduction_percent: number;
  late: number;
  details: string;
  state: EnrolmentView['state'];
  refusal: string | null;
}

type FamilyRow = Database['families'];

type ChildRow = Omit<Database['children'], 'fiscal_code_canonical'>;

export type ParentView = RegistrationView['parent'];

/** Reads of registrations, people and enrolments as the contract shows them. */
export function registrationViews(db: Db) {
  const s = db.sqlite;
  const q = {
    enrolmentsOfChild: s.prepare(`${ENROLMENT_SELECT} WHERE e.child_id = ? ORDER BY e.school_year DESC, e.service`),
    enrolmentsOfRegistration: s.prepare(`${ENROLMENT_SELECT} WHERE e.registration_id = ? ORDER BY e.rowid`),
    family: s.prepare(
      'SELECT id, surname, name, fiscal_code, address, phone, email, birth_date, sex FROM families WHERE id = ?',
    ),
    familyByCf: s.prepare(
      `SELECT id, surname, name, fiscal_code, address, phone, email, birth_date, sex FROM families
        WHERE fiscal_code IN (?, ?) ORDER BY fiscal_code = ? DESC, id LIMIT 1`,
    ),
    child: s.prepare('SELECT id, family_id, surname, name, fiscal_code, birth_date, school FROM children WHERE id = ?'),
    childByCf: s.prepare(
      `SELECT id, family_id, surname, name, fiscal_code, birth_date, school FROM children
        WHERE fiscal_code_canonical = ? ORDER BY id LIMIT 1`,
    ),
    registration: s.prepare(
      `SELECT id, created_at, operator_code, family_id, consent_at, counter_code, year, number
         FROM registrations WHERE id = ?`,
    ),
    childrenOfRegistration: s.prepare(
      'SELECT DISTINCT child_id FROM enrolments WHERE registration_id = ? ORDER BY rowid',
    ),
    relink: s.prepare(
      `SELECT f.surname, f.name, f.fiscal_code FROM child_links l JOIN families f ON f.id = l.from_family_id
        WHERE l.registration_id = ? AND l.child_id = ? AND l.from_family_id IS NOT NULL LIMIT 1`,
    ),
  };

  const enrolmentView = (r: EnrolmentRow): EnrolmentView => ({
    enrolmentId: r.id,
    childId: r.child_id,
    service: r.service,
    schoolYear: r.school_year,
    accountId: r.account_id,
    papayCode: r.papay_code,
    papayProvisional: r.papay_provisional === 1,
    band: { code: r.band_code, label: r.band_label },
    tariffCents: r.tariff_cents,
    finalTariffCents: r.final_tariff_cents,
    tariffUnit: r.tariff_unit,
    siblingReductionPercent: r.sibling_reduction_percent,
    late: r.late === 1,
    details: describeDetails(JSON.parse(r.details) as EnrolmentDetails),
    state: r.state,
    refusal: r.refusal,
  });

  const parentView = (f: FamilyRow): ParentView => {
    const decoded = checkFiscalCode(f.fiscal_code);
    return {
      personId: f.id,
      fiscalCode: f.fiscal_code,
      surname: f.surname,
      name: f.name,
      birthDate: f.birth_date ?? (decoded.valid ? decoded.birthDate : null),
      sex: sexOf(f.sex) ?? (decoded.valid ? decoded.sex : null),
      address: f.address,
      phone: f.phone,
      email: f.email,
    };
  };

  const childPerson = (c: ChildRow) => {
    const decoded = c.fiscal_code === null ? null : checkFiscalCode(c.fiscal_code);
    return {
      personId: c.id,
      fiscalCode: c.fiscal_code ?? '',
      surname: c.surname,
      name: c.name,
      birthDate: c.birth_date,
      sex: decoded?.valid ? decoded.sex : null,
      school: c.school,
    };
  };

  const linkOf = (familyId: string | null) => {
    if (familyId === null) return null;
    const f = q.family.get(familyId) as FamilyRow | undefined;
    return f ? { name: `${f.name} ${f.surname}`, fiscalCode: f.fiscal_code } : null;
  };

  return {
    enrolmentsOfChild: (childId: string) => (q.enrolmentsOfChild.all(childId) as EnrolmentRow[]).map(enrolmentView),

    /** The adulto di riferimento under a codice fiscale (as typed or its canonical form). */
    parentByFiscalCode(code: string, canonical: string): ParentView | null {
      const f = q.familyByCf.get(code, canonical, code) as FamilyRow | undefined;
      return f ? parentView(f) : null;
    },

    /** The child under a canonical codice fiscale, with the parent it is linked to today. */
    childByFiscalCode(canonical: string) {
      const c = q.childByCf.get(canonical) as ChildRow | undefined;
      if (!c) return null;
      return {
        ...childPerson(c),
        linkedTo: linkOf(c.family_id),
        enrolments: (q.enrolmentsOfChild.all(c.id) as EnrolmentRow[]).map(enrolmentView),
      };
    },

    registration(registrationId: string): RegistrationView {
      const r = q.registration.get(registrationId) as
        | {
            id: string;
            created_at: string;
            operator_code: string;
            family_id: string;
            consent_at: string;
            counter_code: string;
            year: number | null;
            number: number | null;
          }
        | undefined;
      if (!r) throw new DomainError('NOT_FOUND', 'Iscrizione non trovata.');
      const family = q.family.get(r.family_id) as FamilyRow;
      const enrolments = (q.enrolmentsOfRegistration.all(r.id) as EnrolmentRow[]).map(enrolmentView);
      const childIds = q.childrenOfRegistration.pluck().all(r.id) as string[];
      const children = childIds.map((id) => {
        const c = q.child.get(id) as ChildRow;
        const from = q.relink.get(r.id, id) as { surname: string; name: string; fiscal_code: string } | undefined;
        return {
          ...childPerson(c),
          relinkedFrom: from ? { name: `${from.name} ${from.surname}`, fiscalCode: from.fiscal_code } : null,
          enrolments: enrolments.filter((e) => e.childId === id),
        };
      });
      return {
        registrationId: r.id,
        registrationNo:
          r.year === null || r.number === null ? r.id : formatRegistrationNo(r.counter_code, r.year, r.number),
        createdAt: r.created_at,
        operatorCode: r.operator_code,
        parent: parentView(family),
        consentAt: r.consent_at,
        children,
        provisional: enrolments.some((e) => e.papayProvisional),
      };
    },
  };
}

const ENROLMENT_SELECT = `
  SELECT e.id, e.child_id, e.service, e.school_year, e.account_id, a.papay_code, a.papay_provisional,
         e.band_code, e.band_label, e.tariff_cents, e.final_tariff_cents, e.tariff_unit,
         e.sibling_reduction_percent, e.late, e.details, e.state, e.refusal
    FROM enrolments e JOIN accounts a ON a.id = e.account_id`;

function sexOf(value: string | null): 'M' | 'F' | null {
  return value === 'M' || value === 'F' ? value : null;
}

/** "SE1/2026/000042": a registration's number as printed and shown, the same form as a receipt's. */
export function formatRegistrationNo(counterCode: string, year: number, number: number): string {
  return `${counterCode}/${year}/${String(number).padStart(6, '0')}`;
}
