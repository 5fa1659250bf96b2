import { describe, expect, it } from 'vitest';
import { channelOf, compareVersions, decideUpdate, type UpdateFacts } from '../../../src-main/updates/decision';

const ready: UpdateFacts = {
  installed: '1.2.0',
  downloaded: '1.3.0',
  verified: true,
  moment: 'start',
  shiftOpen: false,
  operationInProgress: false,
  outboxPending: 0,
};

describe('update decision', () => {
  it('installs a verified newer version at the start, with nothing open or pending', () => {
    expect(decideUpdate(ready)).toEqual({ action: 'install', version: '1.3.0' });
  });

  it('waits during a shift, an operation, with outbox entries pending, or while running', () => {
    expect(decideUpdate({ ...ready, shiftOpen: true }).action).toBe('wait');
    expect(decideUpdate({ ...ready, operationInProgress: true }).action).toBe('wait');
    expect(decideUpdate({ ...ready, outboxPending: 3 })).toEqual({
      action: 'wait',
      reason: "3 operazioni da inviare alla centrale prima dell'aggiornamento.",
    });
    expect(decideUpdate({ ...ready, moment: 'running' }).action).toBe('wait');
  });

  it('never installs an unverified, older, equal or missing update', () => {
    expect(decideUpdate({ ...ready, verified: false }).action).toBe('none');
    expect(decideUpdate({ ...ready, downloaded: '1.1.9' }).action).toBe('none');
    expect(decideUpdate({ ...ready, downloaded: '1.2.0' }).action).toBe('none');
    const { downloaded: _omit, ...none } = ready;
    expect(decideUpdate(none).action).toBe('none');
  });

  it('refuses a malformed version in the metadata', () => {
    expect(() => decideUpdate({ ...ready, downloaded: '1.3' })).toThrow('versione non valida');
  });
});

describe('versions and channels', () => {
  it('orders versions as semver does', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.2.0-beta.2', '1.2.0')).toBe(-1);
    expect(compareVersions('1.2.0-beta.10', '1.2.0-beta.9')).toBe(1);
    expect(compareVersions('1.2.0-alpha', '1.2.0-beta')).toBe(-1);
    expect(compareVersions('v2.0.0', '2.0.0')).toBe(0);
  });

  it('names the channel after the pre-release tag', () => {
    expect(channelOf('1.4.0')).toBe('latest');
    expect(channelOf('1.4.0-beta.2')).toBe('beta');
  });
});
