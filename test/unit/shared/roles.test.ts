import { describe, expect, it } from 'vitest';
import { COUNTER_KINDS, ROLES } from '../../../shared/domain';
import {
  isMinimised,
  mayApproveAt,
  mayLogInAt,
  searchAllowed,
  searchRefusedMessage,
  surnameInitial,
} from '../../../shared/roles';

describe('isMinimised', () => {
  it('is true exactly when the role or the counter is a pharmacy', () => {
    for (const role of ROLES) {
      for (const kind of COUNTER_KINDS) {
        expect(isMinimised(role, kind), `${role}@${kind}`).toBe(role === 'farmacia' || kind === 'farmacia');
      }
    }
  });
});

describe('searchAllowed', () => {
  it('lets a pharmacy search only by Pa-Pay code', () => {
    expect(searchAllowed('farmacia', 'farmacia', 'papay')).toBe(true);
    expect(searchAllowed('farmacia', 'farmacia', 'cf')).toBe(false);
    expect(searchAllowed('farmacia', 'farmacia', 'name')).toBe(false);
    // A supervisor logged in at a pharmacy counter sees what the pharmacy sees.
    expect(searchAllowed('supervisore', 'farmacia', 'cf')).toBe(false);
    expect(searchAllowed('supervisore', 'farmacia', 'name')).toBe(false);
  });

  it('lets the front office search by anything', () => {
    for (const kind of ['papay', 'cf', 'name'] as const) {
      expect(searchAllowed('sportello', 'sportello', kind)).toBe(true);
      expect(searchAllowed('sportello', 'economato', kind)).toBe(true);
      expect(searchAllowed('supervisore', 'sportello', kind)).toBe(true);
    }
  });

  it('lets an invalid query through so that its parse message is shown', () => {
    expect(searchAllowed('farmacia', 'farmacia', 'invalid')).toBe(true);
  });

  it('explains the refusal in Italian', () => {
    expect(searchRefusedMessage()).toContain('In farmacia si cerca solo per codice Pa-Pay');
  });
});

const FAR_CAVATORE = { code: 'FARM-CAVATORE', kind: 'farmacia' } as const;
const FAR_LAPERLA = { code: 'FARM-LAPERLA', kind: 'farmacia' } as const;
const SPORT_1 = { code: 'SPORT-1', kind: 'sportello' } as const;
const ECO = { code: 'ECO', kind: 'economato' } as const;

describe('mayLogInAt', () => {
  it('lets an operator log in only at their own counter', () => {
    expect(mayLogInAt('FARM-CAVATORE', 'farmacia', FAR_CAVATORE)).toBe(true);
    expect(mayLogInAt('FARM-CAVATORE', 'farmacia', FAR_LAPERLA)).toBe(false);
    expect(mayLogInAt('SPORT-1', 'supervisore', FAR_LAPERLA)).toBe(false);
  });

  it('lets a supervisor without a counter log in at the front office only, and nobody else without a counter', () => {
    expect(mayLogInAt(null, 'supervisore', SPORT_1)).toBe(true);
    expect(mayLogInAt(null, 'supervisore', ECO)).toBe(true);
    expect(mayLogInAt(null, 'supervisore', FAR_LAPERLA)).toBe(false);
    expect(mayLogInAt(null, 'sportello', SPORT_1)).toBe(false);
    expect(mayLogInAt(null, 'farmacia', FAR_LAPERLA)).toBe(false);
  });
});

describe('mayApproveAt', () => {
  it('only supervisors approve, at their counter or, without one, at the front office', () => {
    expect(mayApproveAt(null, 'supervisore', SPORT_1)).toBe(true);
    expect(mayApproveAt(null, 'supervisore', FAR_LAPERLA)).toBe(false);
    expect(mayApproveAt('SPORT-1', 'supervisore', SPORT_1)).toBe(true);
    expect(mayApproveAt('SPORT-1', 'supervisore', FAR_LAPERLA)).toBe(false);
    expect(mayApproveAt('SPORT-1', 'sportello', SPORT_1)).toBe(false);
    expect(mayApproveAt(null, 'sportello', SPORT_1)).toBe(false);
    expect(mayApproveAt('FARM-LAPERLA', 'farmacia', FAR_LAPERLA)).toBe(false);
  });
});

describe('surnameInitial', () => {
  it.each([
    ["Dell'Amico", 'D.'],
    ['rossi', 'R.'],
    ['  Bianchi ', 'B.'],
    ['Èrcole', 'È.'],
    ['', ''],
    ['   ', ''],
  ])('%j -> %j', (surname, initial) => {
    expect(surnameInitial(surname)).toBe(initial);
  });
});
