import type { Service } from '../../shared/domain';
import type { FamilyRecord } from '../../shared/central';
import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** An enrolment with its account's code, as the views show it. */
export type EnrolmentRow = Pick<
  Row<'enrolments'>,
  | 'id'
  | 'child_id'
  | 'school_year'
  | 'account_id'
  | 'band_code'
  | 'band_label'
  | 'tariff_cents'
  | 'final_tariff_cents'
  | 'tariff_unit'
  | 'sibling_reduction_percent'
  | 'late'
  | 'details'
  | 'state'
  | 'refusal'
> &
  Pick<Row<'accounts'>, 'papay_code' | 'papay_provisional'> & {
    /** Written by the counter from the contract's Service. */
    service: Service;
  };

export type FamilyRow = Row<'families'>;
export type ChildRow = Omit<Row<'children'>, 'fiscal_code_canonical'>;
/** A child found by codice fiscale, with the parent it is linked to today. */
export type LinkedChildRow = Pick<Row<'children'>, 'id' | 'family_id'> & {
  parent_name: string | null;
  parent_cf: Row<'families'>['fiscal_code'] | null;
};
export type RegistrationRow = Pick<
  Row<'registrations'>,
  'id' | 'created_at' | 'operator_code' | 'family_id' | 'consent_at' | 'counter_code' | 'year' | 'number'
>;

/** The adulto di riferimento as a registration writes it. */
export interface RegisteredFamily extends FamilyRecord {
  birthDate: Row<'families'>['birth_date'];
  sex: Row<'families'>['sex'];
}

/** A child as a registration writes it (linked to the family that enrolled it). */
export interface RegisteredChild {
  id: string;
  familyId: string;
  surname: string;
  name: string;
  fiscalCode: string;
  /** The non-omocodic form of fiscalCode, on which lookups run. */
  canonical: string;
  birthDate: Row<'children'>['birth_date'];
  school: string;
  /** shared/searchKey.ts's childSearchKeys of surname and name. */
  surnameKey: string;
  nameKey: string;
}

export interface NewRegistration {
  id: string;
  at: string;
  counterCode: string;
  operatorCode: string;
  familyId: string;
  consentText: string;
  consentSha: string;
  operationId: string;
  year: number;
  number: number;
}

export interface NewEnrolment {
  id: string;
  registrationId: string;
  childId: string;
  service: string;
  schoolYear: string;
  accountId: string;
  iseeCents: number | null;
  iseeDate: string | null;
  bandCode: string;
  bandLabel: string;
  tariffCents: number;
  siblingReductionPercent: number;
  finalTariffCents: number;
  tariffUnit: string;
  late: number;
  /** JSON of the enrolment's details. */
  details: string;
  at: string;
}

const ENROLMENT_SELECT = `
  SELECT e.id, e.child_id, e.service, e.school_year, e.account_id, a.papay_code, a.papay_provisional,
         e.band_code, e.band_label, e.tariff_cents, e.final_tariff_cents, e.tariff_unit,
         e.sibling_reduction_percent, e.late, e.details, e.state, e.refusal
    FROM enrolments e JOIN accounts a ON a.id = e.account_id`;

const FAMILY_COLUMNS = 'id, surname, name, fiscal_code, address, phone, email, birth_date, sex';
const CHILD_COLUMNS = 'id, family_id, surname, name, fiscal_code, birth_date, school';

/** Reads of registrations, people and enrolments. */
export const registrationReads = preparedPerConnection((s) => ({
  enrolmentsOfChild: s.prepare<[childId: string], EnrolmentRow>(
    `${ENROLMENT_SELECT} WHERE e.child_id = ? ORDER BY e.school_year DESC, e.service`,
  ),
  enrolmentsOfRegistration: s.prepare<[registrationId: string], EnrolmentRow>(
    `${ENROLMENT_SELECT} WHERE e.registration_id = ? ORDER BY e.rowid`,
  ),
  family: s.prepare<[familyId: string], FamilyRow>(`SELECT ${FAMILY_COLUMNS} FROM families WHERE id = ?`),
  familyByCf: s.prepare<[code: string, canonical: string, preferred: string], FamilyRow>(
    `SELECT ${FAMILY_COLUMNS} FROM families WHERE fiscal_code IN (?, ?) ORDER BY fiscal_code = ? DESC, id LIMIT 1`,
  ),
  child: s.prepare<[childId: string], ChildRow>(`SELECT ${CHILD_COLUMNS} FROM children WHERE id = ?`),
  childByCf: s.prepare<[canonical: string], ChildRow>(
    `SELECT ${CHILD_COLUMNS} FROM children WHERE fiscal_code_canonical = ? ORDER BY id LIMIT 1`,
  ),
  registration: s.prepare<[registrationId: string], RegistrationRow>(
    `SELECT id, created_at, operator_code, family_id, consent_at, counter_code, year, number
       FROM registrations WHERE id = ?`,
  ),
  childrenOfRegistration: s
    .prepare<[registrationId: string], Row<'enrolments'>['child_id']>(
      'SELECT DISTINCT child_id FROM enrolments WHERE registration_id = ? ORDER BY rowid',
    )
    .pluck(),
  relink: s.prepare<[registrationId: string, childId: string], Pick<FamilyRow, 'surname' | 'name' | 'fiscal_code'>>(
    `SELECT f.surname, f.name, f.fiscal_code FROM child_links l JOIN families f ON f.id = l.from_family_id
      WHERE l.registration_id = ? AND l.child_id = ? AND l.from_family_id IS NOT NULL LIMIT 1`,
  ),
  consentText: s
    .prepare<[registrationId: string], Row<'registrations'>['consent_text']>(
      'SELECT consent_text FROM registrations WHERE id = ?',
    )
    .pluck(),
}));

/** The writes of a registration, all inside its one transaction (save.ts). */
export const registrationWrites = preparedPerConnection((s) => ({
  familyIdByCf: s.prepare<[code: string, canonical: string, preferred: string], Pick<FamilyRow, 'id'>>(
    'SELECT id FROM families WHERE fiscal_code IN (?, ?) ORDER BY fiscal_code = ? DESC, id LIMIT 1',
  ),
  insertFamily: s.prepare<[RegisteredFamily]>(
    `INSERT INTO families (id, surname, name, fiscal_code, address, phone, email, birth_date, sex)
     VALUES (@id, @surname, @name, @fiscalCode, @address, @phone, @email, @birthDate, @sex)`,
  ),
  updateFamily: s.prepare<[RegisteredFamily]>(
    `UPDATE families SET surname = @surname, name = @name, fiscal_code = @fiscalCode, address = @address,
       phone = @phone, email = @email, birth_date = @birthDate, sex = @sex WHERE id = @id`,
  ),
  linkedChildByCf: s.prepare<[canonical: string], LinkedChildRow>(
    `SELECT c.id, c.family_id, f.name || ' ' || f.surname AS parent_name, f.fiscal_code AS parent_cf
       FROM children c LEFT JOIN families f ON f.id = c.family_id
      WHERE c.fiscal_code_canonical = ? ORDER BY c.id LIMIT 1`,
  ),
  insertChild: s.prepare<[RegisteredChild]>(
    `INSERT INTO children (id, family_id, surname, name, fiscal_code, fiscal_code_canonical, birth_date, school,
                           surname_key, name_key)
     VALUES (@id, @familyId, @surname, @name, @fiscalCode, @canonical, @birthDate, @school, @surnameKey, @nameKey)`,
  ),
  updateChild: s.prepare<[RegisteredChild]>(
    `UPDATE children SET family_id = @familyId, surname = @surname, name = @name, fiscal_code = @fiscalCode,
       fiscal_code_canonical = @canonical, birth_date = @birthDate, school = @school,
       surname_key = @surnameKey, name_key = @nameKey WHERE id = @id`,
  ),
  link: s.prepare<
    [
      childId: string,
      fromFamilyId: string | null,
      toFamilyId: string,
      at: string,
      operatorCode: string,
      registrationId: string,
    ]
  >(
    `INSERT INTO child_links (child_id, from_family_id, to_family_id, at, operator_code, registration_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ),
  enrolled: s
    .prepare<[childId: string, service: string, schoolYear: string], number>(
      'SELECT 1 FROM enrolments WHERE child_id = ? AND service = ? AND school_year = ?',
    )
    .pluck(),
  // The family's other children already enrolled in the service and year count first.
  siblingsEnrolled: s
    .prepare<[familyId: string, childId: string, service: string, schoolYear: string], number>(
      `SELECT COUNT(DISTINCT e.child_id) FROM enrolments e JOIN children c ON c.id = e.child_id
        WHERE c.family_id = ? AND e.child_id != ? AND e.service = ? AND e.school_year = ?`,
    )
    .pluck(),
  account: s.prepare<
    [childId: string, service: string],
    Pick<Row<'accounts'>, 'id' | 'papay_code' | 'papay_provisional'>
  >('SELECT id, papay_code, papay_provisional FROM accounts WHERE child_id = ? AND service = ?'),
  nextProvisional: s
    .prepare<[counterCode: string], number>(
      `INSERT INTO papay_provisional_sequences (counter_code, last_number) VALUES (?, 1)
       ON CONFLICT (counter_code) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
    )
    .pluck(),
  insertAccount: s.prepare<[id: string, childId: string, service: string, papayCode: string]>(
    `INSERT INTO accounts (id, child_id, service, papay_code, server_balance_cents, server_seq, server_balance_at,
                           papay_provisional)
     VALUES (?, ?, ?, ?, 0, 0, NULL, 1)`,
  ),
  insertRegistration: s.prepare<[NewRegistration]>(
    `INSERT INTO registrations (id, created_at, counter_code, operator_code, family_id, consent_at, consent_text,
                                consent_text_sha256, operation_id, year, number)
     VALUES (@id, @at, @counterCode, @operatorCode, @familyId, @at, @consentText, @consentSha, @operationId,
             @year, @number)`,
  ),
  // The registration's readable number: per counter and year, no gaps (a rollback takes it back).
  nextNumber: s
    .prepare<[counterCode: string, year: number], number>(
      `INSERT INTO registration_sequences (counter_code, year, last_number) VALUES (?, ?, 1)
       ON CONFLICT (counter_code, year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
    )
    .pluck(),
  insertEnrolment: s.prepare<[NewEnrolment]>(
    `INSERT INTO enrolments (id, registration_id, child_id, service, school_year, account_id, isee_cents, isee_date,
       band_code, band_label, tariff_cents, sibling_reduction_percent, final_tariff_cents, tariff_unit, late,
       details, state, refusal, state_at)
     VALUES (@id, @registrationId, @childId, @service, @schoolYear, @accountId, @iseeCents, @iseeDate,
       @bandCode, @bandLabel, @tariffCents, @siblingReductionPercent, @finalTariffCents, @tariffUnit, @late,
       @details, 'in_attesa', NULL, @at)`,
  ),
}));

/** The central's answer to a registration, and the provisional accounts the feed replaces. */
export const registrationSettles = preparedPerConnection((s) => ({
  byOperation: s
    .prepare<[operationId: string], Row<'registrations'>['id']>('SELECT id FROM registrations WHERE operation_id = ?')
    .pluck(),
  confirm: s.prepare<[stateAt: string, registrationId: string]>(
    `UPDATE enrolments SET state = 'confermata', refusal = NULL, state_at = ?
      WHERE registration_id = ? AND state != 'confermata'`,
  ),
  refuse: s.prepare<[reason: string, stateAt: string, registrationId: string]>(
    `UPDATE enrolments SET state = 'rifiutata', refusal = ?, state_at = ?
      WHERE registration_id = ? AND state = 'in_attesa'`,
  ),
  provisionalFor: s
    .prepare<[childId: string, service: string, exceptId: string], Row<'accounts'>['id']>(
      'SELECT id FROM accounts WHERE child_id = ? AND service = ? AND id != ? AND papay_provisional = 1',
    )
    .pluck(),
  // What may point at a provisional account: the enrolment, a top-up or a notice made on it.
  moveAccount: [
    s.prepare<[to: string, from: string]>('UPDATE enrolments SET account_id = ? WHERE account_id = ?'),
    s.prepare<[to: string, from: string]>('UPDATE ledger SET account_id = ? WHERE account_id = ?'),
    s.prepare<[to: string, from: string]>('UPDATE notices SET account_id = ? WHERE account_id = ?'),
  ],
  removeProvisional: s.prepare<[id: string]>('DELETE FROM accounts WHERE id = ? AND papay_provisional = 1'),
}));
