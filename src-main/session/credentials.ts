import crypto from 'node:crypto';
import type { Db } from '../db/open';
import type { Row } from '../db/schema';
import { journal, type AuditEntryWithout } from '../journal/journal';
import { verifyPin } from '../operators/pin';
import { sessionQueries } from './queries';
import { DomainError } from '../../shared/errors';
import { SUPERVISOR_SECRET_MIN_LENGTH, supervisorSecretProblem } from '../../shared/secrets';
import type { Counter } from '../core/installation';

/**
 * The check of an operator's code and PIN, for a login or for a supervisor's approval.
 *
 * - A code nobody has (or an operator no longer active) costs the same scrypt as a wrong PIN: the
 *   PIN is checked against a stand-in hash with the parameters the roster uses, so how long the
 *   refusal takes does not tell which codes exist.
 * - At a login, wrong PINs count on the operator's account at this PC and lock it (the lock a
 *   supervisor lifts with `session.unlock`). An approval counts nothing on the approver's account:
 *   the caller counts it against whoever asked (see approvals.ts), so an operator typing wrong PINs
 *   in a void dialog cannot lock a supervisor out.
 * - A supervisor's secret approves money: one that does not meet the policy (shared/secrets.ts: 8
 *   characters, letters and digits), say a 4-digit PIN an older central hashed, is refused even when
 *   it matches, for a login or an approval, with the way out.
 * - Every refusal and every lock is audited.
 */

export type CredentialUse = 'login' | 'approval';

/** Why a code and PIN were refused, as the audit records it. */
export type Refusal = 'unknown' | 'inactive' | 'wrongPin' | 'locked' | 'weakSecret';

export class CredentialRefused extends DomainError {
  constructor(
    readonly refusal: Refusal,
    code: 'BAD_CREDENTIALS' | 'OPERATOR_LOCKED',
    message: string,
  ) {
    super(code, message);
  }
}

const BAD = 'Codice operatore o PIN errati.';

export function checkCredentials(
  db: Db,
  counter: Counter,
  use: CredentialUse,
  input: { code: string; pin: string; now: Date; by: string | null },
): Row<'operators'> {
  const q = sessionQueries(db.sqlite);
  const typed = input.code.trim().toLowerCase();
  const row = q.operator.get(typed);
  const audit = (entry: AuditEntryWithout<'at' | 'counterCode' | 'operatorCode'>) =>
    journal(db.sqlite).audit({
      ...entry,
      at: input.now.toISOString(),
      counterCode: counter.code,
      operatorCode: input.by,
    });
  const refuse = (refusal: Refusal, code: 'BAD_CREDENTIALS' | 'OPERATOR_LOCKED' = 'BAD_CREDENTIALS', text = BAD) => {
    audit({ action: 'credentials.refused', detail: { use, operator: typed.slice(0, 40), refusal } });
    return new CredentialRefused(refusal, code, text);
  };

  if (!row || row.active !== 1) {
    // The same work as a wrong PIN, and the same answer.
    verifyPin(input.pin, row?.pin_hash ?? standInHash(db, use));
    throw refuse(row ? 'inactive' : 'unknown');
  }
  if (row.locked_until && row.locked_until > input.now.toISOString()) {
    throw refuse(
      'locked',
      'OPERATOR_LOCKED',
      `Operatore bloccato per troppi PIN errati fino alle ${new Date(row.locked_until).toLocaleTimeString('it-IT', {
        timeZone: 'Europe/Rome',
        hour: '2-digit',
        minute: '2-digit',
      })}. Un supervisore può sbloccarlo (Impostazioni: Ctrl+Maiusc+U, poi Alt+B).`,
    );
  }
  if (!verifyPin(input.pin, row.pin_hash)) {
    if (use === 'approval') throw refuse('wrongPin');
    const { pinMaxAttempts, pinLockMinutes } = counter.config;
    const failed = row.failed_attempts + 1;
    const lockedUntil =
      failed >= pinMaxAttempts ? new Date(input.now.getTime() + pinLockMinutes * 60_000).toISOString() : null;
    db.sqlite.transaction(() => {
      q.failedAttempt.run(lockedUntil ? 0 : failed, lockedUntil, row.code);
      if (lockedUntil)
        audit({ action: 'operator.locked', detail: { operator: row.code, until: lockedUntil, attempts: failed } });
    })();
    if (lockedUntil) {
      throw refuse(
        'wrongPin',
        'OPERATOR_LOCKED',
        `PIN errato per ${pinMaxAttempts} volte: operatore bloccato per ${pinLockMinutes} minuti. Un supervisore può sbloccarlo (Impostazioni: Ctrl+Maiusc+U, poi Alt+B).`,
      );
    }
    throw refuse('wrongPin');
  }
  if (row.role === 'supervisore' && supervisorSecretProblem(input.pin) !== null) {
    throw refuse(
      'weakSecret',
      'BAD_CREDENTIALS',
      `Il segreto di ${row.name} è troppo debole per approvare operazioni di denaro: chiedere al servizio centrale di impostarne uno di almeno ${SUPERVISOR_SECRET_MIN_LENGTH} caratteri, con lettere e cifre.`,
    );
  }
  if (use === 'login' && (row.failed_attempts !== 0 || row.locked_until !== null)) {
    q.clearFailures.run(row.code);
  }
  return row;
}

/**
 * A hash no PIN matches, with the scrypt parameters and lengths of the costliest one the roster holds
 * for that use (so it costs what a real one costs, and follows the central when it raises them). An
 * approval checks only supervisors, so an unknown approver costs exactly a wrong supervisor's
 * secret; at a login the stand-in costs a supervisor's check too, the slower of the two, so a
 * timing tells at most that a code is an ordinary operator's (whose guesses meet the lockout).
 */
export function standInHash(db: Db, use: CredentialUse): string {
  const hashes = sessionQueries(db.sqlite)
    .pinHashes.all({ role: use === 'approval' ? 'supervisore' : null })
    .map((h) => h.pin_hash);
  const cost = (h: string) => {
    const [, n, r, p] = h.split('$');
    return Number(n) * Number(r) * Number(p);
  };
  const real = hashes.reduce<string | undefined>((best, h) => (best && cost(best) >= cost(h) ? best : h), undefined);
  const [, n, r, p, salt, hash] = (real ?? DEFAULT_SHAPE).split('$');
  const bytes = (b64: string | undefined, fallback: number) =>
    crypto.randomBytes(b64 ? Buffer.from(b64, 'base64').length || fallback : fallback).toString('base64');
  return ['scrypt', n ?? '16384', r ?? '8', p ?? '1', bytes(salt, 16), bytes(hash, 32)].join('$');
}

const DEFAULT_SHAPE = `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;
