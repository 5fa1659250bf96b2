import type { Db } from '../db/open';
import { verifyPin } from '../operators/pin';
import { sessionQueries } from './queries';
import { Role } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { mayApproveAt, mayLogInAt } from '../../shared/roles';
import type { Counter } from '../core/installation';

export interface Operator {
  code: string;
  name: string;
  role: Role;
  counterCode: string | null;
}

interface SessionState {
  operator: Operator;
  lastActivity: number;
}

/**
 * Operator sessions live in the core, keyed by an opaque id the host gives each window or browser.
 * A session idle longer than the counter's limit is locked: the operator must type the PIN again.
 */
export class Sessions {
  private readonly byId = new Map<string, SessionState>();

  constructor(
    private readonly db: Db,
    private readonly counter: Counter,
  ) {}

  /** The operator of a live session, or a DomainError that says why there is none. */
  require(sessionId: string, now: Date): Operator {
    const s = this.byId.get(sessionId);
    if (!s) throw new DomainError('NOT_LOGGED_IN', 'Accesso richiesto: inserire codice operatore e PIN.');
    if (now.getTime() - s.lastActivity > this.counter.config.idleLockMinutes * 60_000) {
      this.byId.delete(sessionId);
      throw new DomainError('SESSION_LOCKED', 'Schermo bloccato per inattività: inserire di nuovo il PIN.');
    }
    s.lastActivity = now.getTime();
    return s.operator;
  }

  /** Whether a session has an operator who has not idled out; unlike `require` it is not activity. */
  isOpen(sessionId: string, now: Date): boolean {
    const s = this.byId.get(sessionId);
    return s !== undefined && now.getTime() - s.lastActivity <= this.counter.config.idleLockMinutes * 60_000;
  }

  current(sessionId: string, now: Date): Operator | null {
    try {
      return this.require(sessionId, now);
    } catch {
      return null;
    }
  }

  login(sessionId: string, code: string, pin: string, now: Date): Operator {
    const operator = this.checkCredentials(code, pin, now);
    if (!mayLogInAt(operator.counterCode, operator.role, this.counter.code)) {
      throw new DomainError(
        'FORBIDDEN',
        `L'operatore ${operator.code} non appartiene allo sportello ${this.counter.name}: può accedere solo al proprio sportello.`,
      );
    }
    this.byId.set(sessionId, { operator, lastActivity: now.getTime() });
    return operator;
  }

  logout(sessionId: string): void {
    this.byId.delete(sessionId);
  }

  /** A supervisor's approval (code + PIN) for this counter; wrong PINs count towards the lock. */
  approve(code: string, pin: string, now: Date): Operator {
    const operator = this.checkCredentials(code, pin, now);
    if (!mayApproveAt(operator.counterCode, operator.role, this.counter.code)) {
      throw new DomainError(
        'FORBIDDEN',
        `${operator.name} non è un supervisore di questo sportello: non può approvare.`,
      );
    }
    return operator;
  }

  private checkCredentials(code: string, pin: string, now: Date): Operator {
    const q = sessionQueries(this.db.sqlite);
    const row = q.operator.get(code.trim().toLowerCase());
    const bad = new DomainError('BAD_CREDENTIALS', 'Codice operatore o PIN errati.');
    if (!row || row.active !== 1) throw bad;
    if (row.locked_until && row.locked_until > now.toISOString()) {
      throw new DomainError(
        'OPERATOR_LOCKED',
        `Operatore bloccato per troppi PIN errati fino alle ${new Date(row.locked_until).toLocaleTimeString('it-IT', {
          timeZone: 'Europe/Rome',
          hour: '2-digit',
          minute: '2-digit',
        })}. Rivolgersi a un supervisore.`,
      );
    }
    const { pinMaxAttempts, pinLockMinutes } = this.counter.config;
    if (!verifyPin(pin, row.pin_hash)) {
      const failed = row.failed_attempts + 1;
      const lockedUntil =
        failed >= pinMaxAttempts ? new Date(now.getTime() + pinLockMinutes * 60_000).toISOString() : null;
      q.failedAttempt.run(lockedUntil ? 0 : failed, lockedUntil, row.code);
      if (lockedUntil) {
        throw new DomainError(
          'OPERATOR_LOCKED',
          `PIN errato per ${pinMaxAttempts} volte: operatore bloccato per ${pinLockMinutes} minuti.`,
        );
      }
      throw bad;
    }
    if (row.failed_attempts !== 0 || row.locked_until !== null) {
      q.clearFailures.run(row.code);
    }
    return { code: row.code, name: row.name, role: Role.parse(row.role), counterCode: row.counter_code };
  }
}
