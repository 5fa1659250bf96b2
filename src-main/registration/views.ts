import type { EnrolmentView, RegistrationView } from '../../shared/contract';
import { checkFiscalCode } from '../../shared/codiceFiscale';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/open';
import { registrationReads, type ChildRow, type EnrolmentRow, type FamilyRow } from './queries';
import { describeDetails, type EnrolmentDetails } from './details';

export type ParentView = RegistrationView['parent'];

/** Reads of registrations, people and enrolments as the contract shows them. */
export function registrationViews(db: Db) {
  const q = registrationReads(db.sqlite);

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
    const f = q.family.get(familyId);
    return f ? { name: `${f.name} ${f.surname}`, fiscalCode: f.fiscal_code } : null;
  };

  return {
    enrolmentsOfChild: (childId: string) => q.enrolmentsOfChild.all(childId).map(enrolmentView),

    /** The adulto di riferimento under a codice fiscale (as typed or its canonical form). */
    parentByFiscalCode(code: string, canonical: string): ParentView | null {
      const f = q.familyByCf.get(code, canonical, code);
      return f ? parentView(f) : null;
    },

    /** The child under a canonical codice fiscale, with the parent it is linked to today. */
    childByFiscalCode(canonical: string) {
      const c = q.childByCf.get(canonical);
      if (!c) return null;
      return {
        ...childPerson(c),
        linkedTo: linkOf(c.family_id),
        enrolments: q.enrolmentsOfChild.all(c.id).map(enrolmentView),
      };
    },

    registration(registrationId: string): RegistrationView {
      const r = q.registration.get(registrationId);
      if (!r) throw new DomainError('NOT_FOUND', 'Iscrizione non trovata.');
      const family = q.family.get(r.family_id);
      if (!family) throw new Error(`iscrizione ${r.id} senza la sua famiglia`);
      const enrolments = q.enrolmentsOfRegistration.all(r.id).map(enrolmentView);
      const childIds = q.childrenOfRegistration.all(r.id);
      const children = childIds.map((id) => {
        const c = q.child.get(id);
        if (!c) throw new Error(`iscrizione ${r.id}: bambino ${id} mancante`);
        const from = q.relink.get(r.id, id);
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

function sexOf(value: string | null): 'M' | 'F' | null {
  return value === 'M' || value === 'F' ? value : null;
}

/** "SE1/2026/000042": a registration's number as printed and shown, the same form as a receipt's. */
export function formatRegistrationNo(counterCode: string, year: number, number: number): string {
  return `${counterCode}/${year}/${String(number).padStart(6, '0')}`;
}
