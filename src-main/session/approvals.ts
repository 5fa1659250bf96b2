import { DomainError } from '../../shared/errors';

/**
 * Wrong supervisor PINs typed in an approval (a void, a till close or reopening) count against the
 * operator who asked for the approval, never against the supervisor's account: after the counter's
 * `pinMaxAttempts` in a row that operator may not ask for approvals for `pinLockMinutes` (a
 * supervisor may lift it with `session.unlock`), while the supervisor still logs in and approves
 * everywhere else. The count is kept in the core's memory, as the sessions are.
 */
export class ApprovalAttempts {
  private readonly byRequester = new Map<string, { failed: number; blockedUntil: number | null }>();

  /** Refuses when the operator is blocked from asking; a block that has run out is forgotten. */
  assertMayAsk(requester: string, now: Date): void {
    const s = this.byRequester.get(requester);
    if (!s || s.blockedUntil === null) return;
    if (s.blockedUntil <= now.getTime()) {
      this.byRequester.delete(requester);
      return;
    }
    const at = new Date(s.blockedUntil).toLocaleTimeString('it-IT', {
      timeZone: 'Europe/Rome',
      hour: '2-digit',
      minute: '2-digit',
    });
    throw new DomainError(
      'OPERATOR_LOCKED',
      `Troppi PIN di approvazione errati da questa postazione: nuove approvazioni dalle ${at}, o un supervisore può sbloccare l'operatore (Impostazioni: Ctrl+Maiusc+U, poi Alt+B).`,
    );
  }

  /** Counts a wrong approval; answers the end of the block when this one starts it. */
  failed(requester: string, now: Date, limits: { maxAttempts: number; lockMinutes: number }): Date | null {
    const s = this.byRequester.get(requester) ?? { failed: 0, blockedUntil: null };
    s.failed += 1;
    if (s.failed >= limits.maxAttempts) {
      s.failed = 0;
      s.blockedUntil = now.getTime() + limits.lockMinutes * 60_000;
    }
    this.byRequester.set(requester, s);
    return s.blockedUntil === null ? null : new Date(s.blockedUntil);
  }

  succeeded(requester: string): void {
    this.byRequester.delete(requester);
  }

  /** Whether the operator is blocked from asking, and lifts it. */
  lift(requester: string, now: Date): boolean {
    const s = this.byRequester.get(requester);
    this.byRequester.delete(requester);
    return s?.blockedUntil != null && s.blockedUntil > now.getTime();
  }
}
