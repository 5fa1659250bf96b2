import type { Db } from '../db/open';
import type { Row } from '../db/schema';
import { journal } from '../journal/journal';
import { ApprovalAttempts } from './approvals';
import { checkCredentials, CredentialRefused } from './credentials';
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
  private readonly approvals = new ApprovalAttempts();

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
    const operator = toOperator(checkCredentials(this.db, this.counter, 'login', { code, pin, now, by: null }));
    if (!mayLogInAt(operator.counterCode, operator.role, this.counter)) {
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

  /**
   * A supervisor's approval (code + PIN) asked for by the logged-in `requester`: wrong PINs count
   * against the requester (approvals.ts), never on the supervisor's account.
   */
  approve(code: string, pin: string, now: Date, requester: Operator): Operator {
    this.approvals.assertMayAsk(requester.code, now);
    let row;
    try {
      row = checkCredentials(this.db, this.counter, 'approval', { code, pin, now, by: requester.code });
    } catch (e) {
      if (e instanceof CredentialRefused && e.refusal !== 'locked') this.approvalFailed(requester, now);
      throw e;
    }
    this.approvals.succeeded(requester.code);
    const operator = toOperator(row);
    if (!mayApproveAt(operator.counterCode, operator.role, this.counter)) {
      throw new DomainError(
        'FORBIDDEN',
        `${operator.name} non è un supervisore di questo sportello: non può approvare.`,
      );
    }
    return operator;
  }

  /**
   * A supervisor lifts an operator's lock at this PC: the one of wrong PINs at login and the block
   * on asking for approvals. Audited; a supervisor does not unlock themselves.
   */
  unlock(supervisor: Operator, code: string, now: Date): { code: string; name: string } {
    const q = sessionQueries(this.db.sqlite);
    const row = q.operator.get(code.trim().toLowerCase());
    if (!row || !mayLogInAt(row.counter_code, Role.parse(row.role), this.counter)) {
      throw new DomainError('NOT_FOUND', `Nessun operatore ${code.trim()} per questo sportello.`);
    }
    if (row.code === supervisor.code) {
      throw new DomainError('FORBIDDEN', 'Un supervisore non può sbloccare se stesso: serve un altro supervisore.');
    }
    const locked = row.locked_until !== null && row.locked_until > now.toISOString();
    const approvalsBlocked = this.approvals.lift(row.code, now);
    if (!locked && !approvalsBlocked && row.failed_attempts === 0) {
      throw new DomainError('INPUT_INVALID', `L'operatore ${row.code} non è bloccato.`);
    }
    this.db.sqlite.transaction(() => {
      q.clearFailures.run(row.code);
      journal(this.db.sqlite).audit({
        at: now.toISOString(),
        counterCode: this.counter.code,
        operatorCode: supervisor.code,
        action: 'operator.unlocked',
        detail: { operator: row.code, lockedUntil: locked ? row.locked_until : null, approvalsBlocked },
      });
    })();
    return { code: row.code, name: row.name };
  }

  /** Counts a wrong approval against the requester; the one that starts the block throws it. */
  private approvalFailed(requester: Operator, now: Date): void {
    const { pinMaxAttempts, pinLockMinutes } = this.counter.config;
    const until = this.approvals.failed(requester.code, now, {
      maxAttempts: pinMaxAttempts,
      lockMinutes: pinLockMinutes,
    });
    if (until === null) return;
    journal(this.db.sqlite).audit({
      at: now.toISOString(),
      counterCode: this.counter.code,
      operatorCode: requester.code,
      action: 'approvals.blocked',
      detail: { operator: requester.code, until: until.toISOString(), attempts: pinMaxAttempts },
    });
    this.approvals.assertMayAsk(requester.code, now); // says so now, with the time it ends
  }
}

function toOperator(row: Row<'operators'>): Operator {
  return { code: row.code, name: row.name, role: Role.parse(row.role), counterCode: row.counter_code };
}
