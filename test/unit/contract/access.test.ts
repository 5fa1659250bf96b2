import { describe, expect, it } from 'vitest';
import { frontOfficeOnly, MINIMISED_AT_PHARMACY, OPERATOR, supervisorOnly } from '../../../shared/contract';
import type { CounterKind, Role } from '../../../shared/domain';
import { checkAccess } from '../../../src-main/core/access';
import type { Operator } from '../../../src-main/session/sessions';

const as = (role: Role): Operator => ({ code: 'op', name: 'Operatore', role, counterCode: null });

/** The answer of the check as data: what the operator sees, or the refusal's code and text. */
function outcome(access: Parameters<typeof checkAccess>[0], role: Role, counter: CounterKind) {
  try {
    return checkAccess(access, as(role), counter);
  } catch (e) {
    return e instanceof Error ? `${(e as { code?: string }).code ?? '?'}: ${e.message}` : 'non un errore';
  }
}

describe('the one access check of the core', () => {
  const supervisors = supervisorOnly('Solo supervisori.');
  const frontOffice = frontOfficeOnly('Solo allo sportello.');

  it('lets any operator call an operator channel, minimised when the operator or the counter is a pharmacy', () => {
    expect(outcome(MINIMISED_AT_PHARMACY, 'sportello', 'sportello')).toBe('full');
    expect(outcome(MINIMISED_AT_PHARMACY, 'supervisore', 'economato')).toBe('full');
    expect(outcome(MINIMISED_AT_PHARMACY, 'farmacia', 'farmacia')).toBe('minimal');
    expect(outcome(MINIMISED_AT_PHARMACY, 'supervisore', 'farmacia')).toBe('minimal');
    expect(outcome(MINIMISED_AT_PHARMACY, 'farmacia', 'sportello')).toBe('minimal');
    expect(outcome(OPERATOR, 'farmacia', 'farmacia')).toBe('minimal');
  });

  it('refuses a supervisor channel to everyone else with its own text, at a pharmacy too', () => {
    expect(outcome(supervisors, 'supervisore', 'sportello')).toBe('full');
    expect(outcome(supervisors, 'supervisore', 'farmacia')).toBe('minimal');
    expect(outcome(supervisors, 'sportello', 'sportello')).toBe('FORBIDDEN: Solo supervisori.');
    expect(outcome(supervisors, 'farmacia', 'farmacia')).toBe('FORBIDDEN: Solo supervisori.');
  });

  it('refuses a front-office channel at a pharmacy, whoever asks, and to a pharmacy operator anywhere', () => {
    expect(outcome(frontOffice, 'sportello', 'sportello')).toBe('full');
    expect(outcome(frontOffice, 'supervisore', 'economato')).toBe('full');
    expect(outcome(frontOffice, 'supervisore', 'farmacia')).toBe('FORBIDDEN: Solo allo sportello.');
    expect(outcome(frontOffice, 'sportello', 'farmacia')).toBe('FORBIDDEN: Solo allo sportello.');
    expect(outcome(frontOffice, 'farmacia', 'sportello')).toBe('FORBIDDEN: Solo allo sportello.');
  });
});
