import type { OperationResult, RegistrationOperation } from '../shared/central';
import { checkFiscalCode } from '../shared/codiceFiscale';
import { SERVICE_LABELS, type Service } from '../shared/domain';
import { makePapayCode } from '../shared/papay';
import type { z } from 'zod';
import { changeRecorder, type CentralSqlite } from './schema';

type Registration = z.infer<typeof RegistrationOperation>;

/** Serials of the Pa-Pay codes the emulator assigns: below the demo roster's (100,000,000 and up). */
const FIRST_SERIAL = 10_000_000;

class Refusal extends Error {}

export interface CentralRegistrations {
  /** Stores a registration (or answers with the seq it got the first time) or refuses it whole. */
  push(op: Registration, receivedAt: string): OperationResult;
  /** The code is the provisional one a counter gave this account before the central assigned the real one. */
  isProvisionalCodeOf(code: string, accountId: string): boolean;
}

/**
 * The central side of a registration made at a counter: the family, the children (linked to this
 * family: the child follows the parent who enrolled it last), the accounts with their REAL Pa-Pay
 * codes (same ids as at the counter), the enrolments; every entity goes to the change log so each
 * counter's feed delivers it (a pharmacy minimised, as feed.ts does). All in a savepoint: a refusal
 * leaves nothing behind.
 */
export function centralRegistrations(sqlite: CentralSqlite): CentralRegistrations {
  const recordChange = changeRecorder(sqlite);
  const q = {
    seqOf: sqlite.prepare('SELECT seq FROM registrations WHERE id = ?').pluck(),
    familyByCf: sqlite.prepare('SELECT id FROM families WHERE fiscal_code = ? AND id != ?').pluck(),
    upsertFamily: sqlite.prepare(
      `INSERT INTO families (id, surname, name, fiscal_code, address, phone, email)
       VALUES (@id, @surname, @name, @fiscalCode, @address, @phone, @email)
       ON CONFLICT (id) DO UPDATE SET surname = excluded.surname, name = excluded.name,
         fiscal_code = excluded.fiscal_code, address = excluded.address, phone = excluded.phone, email = excluded.email`,
    ),
    childById: sqlite.prepare('SELECT fiscal_code AS fiscalCode FROM children WHERE id = ?'),
    childIdByCf: sqlite.prepare('SELECT id FROM children WHERE fiscal_code = ? AND id != ?').pluck(),
    upsertChild: sqlite.prepare(
      `INSERT INTO children (id, family_id, surname, name, fiscal_code, birth_date, school)
       VALUES (@id, @familyId, @surname, @name, @fiscalCode, @birthDate, @school)
       ON CONFLICT (id) DO UPDATE SET family_id = excluded.family_id, surname = excluded.surname,
         name = excluded.name, fiscal_code = excluded.fiscal_code, birth_date = excluded.birth_date,
         school = excluded.school`,
    ),
    accountById: sqlite.prepare('SELECT child_id AS childId, service FROM accounts WHERE id = ?'),
    accountOf: sqlite.prepare('SELECT id FROM accounts WHERE child_id = ? AND service = ?').pluck(),
    papayUsed: sqlite.prepare('SELECT 1 FROM accounts WHERE papay_code = ?').pluck(),
    nextSerial: sqlite
      .prepare(
        `INSERT INTO papay_serials (id, next_serial) VALUES (1, ${FIRST_SERIAL + 1})
         ON CONFLICT (id) DO UPDATE SET next_serial = next_serial + 1 RETURNING next_serial - 1`,
      )
      .pluck(),
    insertProvisional: sqlite.prepare('INSERT INTO provisional_papay_codes (code, account_id) VALUES (?, ?)'),
    isProvisional: sqlite.prepare('SELECT 1 FROM provisional_papay_codes WHERE code = ? AND account_id = ?').pluck(),
    insertAccount: sqlite.prepare(
      `INSERT INTO accounts (id, child_id, service, papay_code, opening_balance_cents, balance_cents, balance_seq,
                             balance_at)
       VALUES (?, ?, ?, ?, 0, 0, 0, ?)`,
    ),
    enrolmentOf: sqlite.prepare(
      'SELECT id, origin FROM enrolments WHERE child_id = ? AND service = ? AND school_year = ?',
    ),
    insertEnrolment: sqlite.prepare(
      `INSERT INTO enrolments (id, child_id, service, school_year, account_id, origin, operation_id, band_code,
                               final_tariff_cents, late, created_at)
       VALUES (@id, @childId, @service, @schoolYear, @accountId, 'sportello', @operationId, @bandCode,
               @finalTariffCents, @late, @createdAt)`,
    ),
    insertRegistration: sqlite.prepare(
      `INSERT INTO registrations (id, registration_id, counter_code, operator_code, family_id, created_at,
                                  received_at, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq`,
    ),
  };

  function assignPapay(): string {
    for (;;) {
      const code = makePapayCode(q.nextSerial.get() as number);
      if (q.papayUsed.get(code) === undefined) return code;
    }
  }

  function apply(op: Registration, receivedAt: string): number {
    const f = op.family;
    const otherFamily = q.familyByCf.get(f.fiscalCode, f.id) as string | undefined;
    if (otherFamily !== undefined) {
      throw new Refusal(
        `Dati in conflitto: il servizio centrale ha già un adulto di riferimento con codice fiscale ${f.fiscalCode} (altra scheda). Aggiornare i dati dello sportello e ripetere.`,
      );
    }
    q.upsertFamily.run(f);
    recordChange('family', f.id);

    const childNames = new Map<string, string>();
    for (const c of op.children) {
      childNames.set(c.id, `${c.name} ${c.surname}`);
      if (c.familyId !== f.id)
        throw new Refusal(`Dati in conflitto: ${c.name} ${c.surname} non è collegato al genitore dell'iscrizione.`);
      const known = q.childById.get(c.id) as { fiscalCode: string } | undefined;
      if (known && canonical(known.fiscalCode) !== canonical(c.fiscalCode)) {
        throw new Refusal(
          `Dati in conflitto: ${c.name} ${c.surname} ha al servizio centrale il codice fiscale ${known.fiscalCode}, non ${c.fiscalCode}.`,
        );
      }
      if (!known && q.childIdByCf.get(c.fiscalCode, c.id) !== undefined) {
        throw new Refusal(
          `Dati in conflitto: il servizio centrale conosce già ${c.fiscalCode} come un altro bambino. Sincronizzare lo sportello e ripetere l'iscrizione.`,
        );
      }
      q.upsertChild.run(c);
      recordChange('child', c.id);
    }

    for (const a of op.accounts) {
      const known = q.accountById.get(a.id) as { childId: string; service: Service } | undefined;
      if (known) {
        if (known.childId !== a.childId || known.service !== a.service) {
          throw new Refusal(`Dati in conflitto: il conto ${a.id} è di un altro bambino o servizio.`);
        }
        continue;
      }
      const other = q.accountOf.get(a.childId, a.service) as string | undefined;
      if (other !== undefined) {
        throw new Refusal(
          `Dati in conflitto: ${childNames.get(a.childId) ?? a.childId} ha già un conto di ${SERVICE_LABELS[a.service].toLowerCase()} al servizio centrale.`,
        );
      }
      q.insertAccount.run(a.id, a.childId, a.service, assignPapay(), receivedAt);
      if (a.provisional) q.insertProvisional.run(a.papayCode, a.id);
      recordChange('account', a.id);
    }

    for (const e of op.enrolments) {
      const existing = q.enrolmentOf.get(e.childId, e.service, e.schoolYear) as
        { id: string; origin: string } | undefined;
      if (existing) {
        const where = existing.origin === 'portale' ? ' (fatta sul portale WEB GENITORI)' : '';
        throw new Refusal(
          `Il servizio centrale ha già l'iscrizione di ${childNames.get(e.childId) ?? e.childId} a ` +
            `${SERVICE_LABELS[e.service].toLowerCase()} per l'anno scolastico ${e.schoolYear}${where}.`,
        );
      }
      q.insertEnrolment.run({
        id: e.id,
        childId: e.childId,
        service: e.service,
        schoolYear: e.schoolYear,
        accountId: e.accountId,
        operationId: op.id,
        bandCode: e.bandCode,
        finalTariffCents: e.finalTariffCents,
        late: e.late ? 1 : 0,
        createdAt: op.createdAt,
      });
    }
    const stored = q.insertRegistration.get(
      op.id,
      op.registrationId,
      op.counterCode,
      op.operatorCode,
      f.id,
      op.createdAt,
      receivedAt,
      JSON.stringify(op),
    ) as { seq: number } | undefined;
    if (!stored) throw new Error(`iscrizione ${op.id} né inserita né presente`);
    return stored.seq;
  }

  // A savepoint: a refused registration leaves no family, child, account or enrolment behind.
  const applyOne = sqlite.transaction(apply);

  return {
    isProvisionalCodeOf: (code, accountId) => q.isProvisional.get(code.trim(), accountId) !== undefined,
    push(op, receivedAt) {
      // A resend (the reply was lost): the same seq, nothing written again.
      const previous = q.seqOf.get(op.id) as number | undefined;
      if (previous !== undefined) return { id: op.id, status: 'accepted', seq: previous };
      try {
        return { id: op.id, status: 'accepted', seq: applyOne(op, receivedAt) };
      } catch (e) {
        if (e instanceof Refusal) return { id: op.id, status: 'rejected', reason: e.message };
        throw e;
      }
    },
  };
}

/** An enrolment made elsewhere (the parents' portal): the emulator's tests and demos use it. */
export function recordPortalEnrolment(
  sqlite: CentralSqlite,
  e: { id: string; childId: string; service: Service; schoolYear: string; createdAt: string },
): void {
  sqlite
    .prepare(
      `INSERT INTO enrolments (id, child_id, service, school_year, account_id, origin, created_at)
       VALUES (?, ?, ?, ?, NULL, 'portale', ?)`,
    )
    .run(e.id, e.childId, e.service, e.schoolYear, e.createdAt);
}

/** Omocodic variants of one person are one person (a code that does not parse is compared as it is). */
function canonical(code: string): string {
  const check = checkFiscalCode(code);
  return check.valid ? check.canonical : code.toUpperCase();
}
