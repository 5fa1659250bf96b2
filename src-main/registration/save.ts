import crypto from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { journal, type AuditEntryWithout } from '../journal/journal';
import { registrationWrites } from './queries';
import type { z } from 'zod';
import type { RegistrationOperation } from '../../shared/central';
import type { ChildInput, ParentInput } from '../../shared/contract';
import { checkFiscalCode, decodeFiscalCode, type DecodedPerson } from '../../shared/codiceFiscale';
import { SERVICE_LABELS } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import type { EnrolmentConfig } from '../../shared/registration/config';
import { consentFor } from '../../shared/registration/consent';
import { quoteTariff } from '../../shared/registration/tariff';
import { childSearchKeys } from '../../shared/searchKey';
import { formatLocalDate, romeDate, romeYear } from '../../shared/time';
import type { CoreContext } from '../core/context';
import type { Operator } from '../session/sessions';
import { detailsOf, type EnrolmentDetails } from './details';

type Payload = Omit<z.infer<typeof RegistrationOperation>, 'type'>;

export interface SaveRequest {
  parent: ParentInput;
  children: ChildInput[];
}

/** A child's codice fiscale checked against what was typed, before anything is written. */
interface CheckedChild {
  input: ChildInput;
  code: string;
  canonical: string;
  label: string;
  details: EnrolmentDetails[];
}

/**
 * Registers a family in ONE immediate transaction: the parent (upserted by codice fiscale: a
 * known one keeps its id, its contact data are updated), each child (upserted by canonical
 * codice fiscale; a child linked to another parent moves only with confirmRelink, and the move is
 * recorded), each enrolment with its account (reused, or opened with a provisional Pa-Pay code) and
 * tariff, the consent, the outbox row for the central service and the audit. Any refusal leaves
 * the database as it was.
 */
export function saveRegistration(
  ctx: CoreContext,
  config: EnrolmentConfig,
  operator: Operator,
  req: SaveRequest,
): { registrationId: string } {
  const parentCode = checkedCode(req.parent.fiscalCode, req.parent, 'Genitore');
  const children: CheckedChild[] = [];
  for (const [i, child] of req.children.entries()) {
    const label = `Figlio ${i + 1} (${child.name} ${child.surname})`;
    const decoded = checkedCode(child.fiscalCode, child, label);
    const canonical = canonicalOf(decoded);
    if (canonical === canonicalOf(parentCode)) {
      throw new DomainError('INPUT_INVALID', `${label}: il codice fiscale è quello del genitore.`);
    }
    if (children.some((c) => c.canonical === canonical)) {
      throw new DomainError('INPUT_INVALID', `${label}: lo stesso codice fiscale è già in questa iscrizione.`);
    }
    const seen = new Set<string>();
    for (const e of child.enrolments) {
      const key = `${e.service} ${e.schoolYear}`;
      if (seen.has(key)) {
        throw new DomainError(
          'INPUT_INVALID',
          `${label}: ${SERVICE_LABELS[e.service].toLowerCase()} ${e.schoolYear} indicato due volte.`,
        );
      }
      seen.add(key);
    }
    children.push({
      input: child,
      code: decoded.code,
      canonical,
      label,
      details: child.enrolments.map((e) => detailsOf(config, e, label)),
    });
  }

  const s = ctx.db.sqlite;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = romeDate(now);
  const counterCode = ctx.counter.code;
  const registrationId = uuidv7({ msecs: now.getTime() });
  const operationId = uuidv7({ msecs: now.getTime() });
  // What the parent signs: the configured statement agreeing with the parent's sex.
  const consentText = consentFor(config.consentText, req.parent.sex);
  const consentSha = crypto.createHash('sha256').update(consentText, 'utf8').digest('hex');

  const q = registrationWrites(s);
  const j = journal(s);
  const audit = (entry: AuditEntryWithout<'at' | 'counterCode' | 'operatorCode'>) =>
    j.audit({ ...entry, at, counterCode, operatorCode: operator.code });

  const commit = s.transaction(() => {
    const p = req.parent;
    const existingFamily = q.familyIdByCf.get(parentCode.code, canonicalOf(parentCode), parentCode.code);
    const familyId = existingFamily?.id ?? uuidv7({ msecs: now.getTime() });
    const familyRow = {
      id: familyId,
      surname: p.surname,
      name: p.name,
      fiscalCode: parentCode.code,
      address: p.address,
      phone: p.phone ?? null,
      email: p.email ?? null,
      birthDate: p.birthDate,
      sex: p.sex,
    };
    if (existingFamily) q.updateFamily.run(familyRow);
    else q.insertFamily.run(familyRow);
    const year = romeYear(now);
    q.insertRegistration.run({
      id: registrationId,
      at,
      counterCode,
      operatorCode: operator.code,
      familyId,
      consentText,
      consentSha,
      operationId,
      year,
      number: q.nextNumber.get(counterCode, year) ?? 0,
    });

    const payload: Payload = {
      id: operationId,
      registrationId,
      counterCode,
      operatorCode: operator.code,
      createdAt: at,
      consentAt: at,
      consentTextSha256: consentSha,
      family: {
        id: familyId,
        surname: p.surname,
        name: p.name,
        fiscalCode: parentCode.code,
        address: p.address,
        phone: p.phone ?? null,
        email: p.email ?? null,
      },
      children: [],
      accounts: [],
      enrolments: [],
    };

    for (const c of children) {
      const child = c.input;
      const existing = q.linkedChildByCf.get(c.canonical);
      const childId = existing?.id ?? uuidv7({ msecs: now.getTime() });
      const row = {
        id: childId,
        familyId,
        surname: child.surname,
        name: child.name,
        fiscalCode: c.code,
        canonical: c.canonical,
        birthDate: child.birthDate,
        school: child.school,
        ...childSearchKeys(child.surname, child.name),
      };
      if (!existing) {
        q.insertChild.run(row);
        q.link.run(childId, null, familyId, at, operator.code, registrationId);
      } else {
        const from = existing.family_id;
        if (from !== null && from !== familyId && child.confirmRelink !== true) {
          throw new DomainError(
            'INPUT_INVALID',
            `${c.label} è collegato a ${existing.parent_name ?? 'un altro genitore'} (${existing.parent_cf ?? '-'}): ` +
              `confermare il cambio dell'adulto di riferimento per collegarlo a ${p.name} ${p.surname}.`,
          );
        }
        q.updateChild.run(row);
        if (from !== familyId) {
          q.link.run(childId, from, familyId, at, operator.code, registrationId);
          audit({
            action: 'figlio_ricollegato',
            detail: { childId, fromFamilyId: from, toFamilyId: familyId, registrationId },
          });
        }
      }
      payload.children.push({
        id: childId,
        familyId,
        surname: child.surname,
        name: child.name,
        fiscalCode: c.code,
        birthDate: child.birthDate,
        school: child.school,
      });

      for (const [i, e] of child.enrolments.entries()) {
        const service = SERVICE_LABELS[e.service].toLowerCase();
        if (q.enrolled.get(childId, e.service, e.schoolYear) !== undefined) {
          throw new DomainError(
            'INPUT_INVALID',
            `${c.label} è già iscritto a ${service} per l'anno scolastico ${e.schoolYear}.`,
          );
        }
        const siblingOrder = (q.siblingsEnrolled.get(familyId, childId, e.service, e.schoolYear) ?? 0) + 1;
        const quote = quoteTariff(
          config,
          {
            service: e.service,
            schoolYear: e.schoolYear,
            iseeCents: e.iseeCents,
            iseeDate: e.iseeDate,
            siblingOrder,
            nidoTime: e.nidoTime,
          },
          today,
        );
        const details: EnrolmentDetails = { ...c.details[i] };
        if (quote.note !== undefined) details.iseeNote = quote.note;

        let account = q.account.get(childId, e.service);
        if (!account) {
          const n = q.nextProvisional.get(counterCode);
          if (n === undefined) throw new Error('numerazione dei codici Pa-Pay provvisori: nessun numero restituito');
          account = {
            id: uuidv7({ msecs: now.getTime() }),
            papay_code: `P-${counterCode}-${String(n).padStart(6, '0')}`,
            papay_provisional: 1,
          };
          q.insertAccount.run(account.id, childId, e.service, account.papay_code);
        }
        if (!payload.accounts.some((a) => a.id === account.id)) {
          payload.accounts.push({
            id: account.id,
            childId,
            service: e.service,
            papayCode: account.papay_code,
            provisional: account.papay_provisional === 1,
          });
        }
        const enrolmentId = uuidv7({ msecs: now.getTime() });
        const iseeCents = e.iseeCents ?? null;
        const iseeDate = e.iseeDate ?? null;
        q.insertEnrolment.run({
          id: enrolmentId,
          registrationId,
          childId,
          service: e.service,
          schoolYear: e.schoolYear,
          accountId: account.id,
          iseeCents,
          iseeDate,
          bandCode: quote.band.code,
          bandLabel: quote.band.label,
          tariffCents: quote.tariffCents,
          siblingReductionPercent: quote.siblingReductionPercent,
          finalTariffCents: quote.finalTariffCents,
          tariffUnit: quote.tariffUnit,
          late: quote.late ? 1 : 0,
          details: JSON.stringify(details),
          at,
        });
        payload.enrolments.push({
          id: enrolmentId,
          childId,
          accountId: account.id,
          service: e.service,
          schoolYear: e.schoolYear,
          iseeCents,
          iseeDate,
          bandCode: quote.band.code,
          tariffCents: quote.tariffCents,
          siblingReductionPercent: quote.siblingReductionPercent,
          finalTariffCents: quote.finalTariffCents,
          tariffUnit: quote.tariffUnit,
          late: quote.late,
          details: { ...details },
        });
      }
    }
    j.outbox({ type: 'registration', payload });
    audit({
      action: 'iscrizione',
      detail: {
        registrationId,
        operationId,
        familyId,
        children: payload.children.map((c) => c.id),
        enrolments: payload.enrolments.map((e) => e.id),
        consentTextSha256: consentSha,
      },
    });
  });
  commit.immediate();
  return { registrationId };
}

/** Decodes a codice fiscale and checks that the typed birth date and sex agree with it. */
function checkedCode(fiscalCode: string, typed: { birthDate: string; sex: 'M' | 'F' }, who: string): DecodedPerson {
  const decoded = decodeFiscalCode(fiscalCode);
  if (!decoded.valid) throw new DomainError('INPUT_INVALID', `${who}: ${decoded.message}`);
  const person = decoded.person;
  if (person.birthDate !== null && person.birthDate !== typed.birthDate) {
    throw new DomainError(
      'INPUT_INVALID',
      `${who}: la data di nascita ${formatLocalDate(typed.birthDate)} non corrisponde a quella del codice fiscale (${formatLocalDate(person.birthDate)}).`,
    );
  }
  if (person.sex !== null && person.sex !== typed.sex) {
    throw new DomainError(
      'INPUT_INVALID',
      `${who}: il sesso ${typed.sex} non corrisponde a quello del codice fiscale (${person.sex}).`,
    );
  }
  return person;
}

/** Omocodia undone: the form every variant of one person shares (a provisional code is its own). */
function canonicalOf(person: DecodedPerson): string {
  if (person.provisional) return person.code;
  const check = checkFiscalCode(person.code);
  return check.valid ? check.canonical : person.code;
}
