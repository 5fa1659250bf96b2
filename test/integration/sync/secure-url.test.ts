import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CentralClient } from '../../../src-main/sync/http';
import { openStation } from '../../../src-main/setup/station';
import { STATION_FILE_NAME } from '../../../src-main/setup/stationFile';
import type { LocalCore } from '../../../src-main/core/types';
import { callersOf, demoDataDir, ManualClock } from '../../support/core-fixture';
import { openCore } from '../../../src-main/core/core';
import path from 'node:path';
import { recordHeld } from '../../support/security-table';

let core: LocalCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('the central service only over https (http to this PC only)', () => {
  it('a counter told an http address of another machine refuses it at start, in Italian', async () => {
    const opening = openCore({
      dataDir: demoDataDir(),
      counterCode: 'SE1',
      clock: new ManualClock(),
      centralUrl: 'http://sportello.comune.example',
    });
    await expect(opening).rejects.toThrow(/Indirizzo non sicuro: serve https:\/\//);
  });

  it('the setup refuses it at the central step and writes nothing', async () => {
    const dataDir = demoDataDir();
    core = await openStation({ dataDir, clock: new ManualClock(), syncIntervalMs: 3_600_000 });
    const { call } = callersOf(core);
    const refused = await call('setup.saveStep', { step: 'central', centralUrl: 'http://10.0.0.5:4100' });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toMatch(/Indirizzo non sicuro/);
    expect(fs.existsSync(path.join(dataDir, STATION_FILE_NAME))).toBe(false);
  });

  it('an http address stored before the rule: no request leaves, the token included', async () => {
    let fetched = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = () => {
      fetched++;
      return Promise.reject(new Error('must not be called'));
    };
    try {
      const client = new CentralClient({ baseUrl: 'http://sportello.comune.example', token: 'segreto' });
      await expect(client.feed('', 10)).rejects.toThrow(/Indirizzo non sicuro/);
      expect(fetched).toBe(0);
    } finally {
      globalThis.fetch = realFetch;
    }
    recordHeld({
      attack: 'sending the token to an http:// central (typed, passed by the host, or stored earlier)',
      tried: 3,
      held: 'refused where typed and at start; no request leaves from a stored one',
    });
  });
});
