import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openStation } from '../../../src-main/setup/station';
import { STATION_FILE_NAME } from '../../../src-main/setup/stationFile';
import { withoutSecrets } from '../../../src-main/settings/diagnostics';
import type { LocalCore } from '../../../src-main/core/types';
import { callersOf, demoDataDir, ManualClock, openTestCore, type TestCore } from '../../support/core-fixture';

let core: LocalCore | undefined;
let t: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  await t?.close();
  core = undefined;
  t = undefined;
});

const stationFile = (dir: string) => path.join(dir, STATION_FILE_NAME);

/** The entries of a zip (central directory, stored or deflated), enough to read what yazl writes. */
function unzip(file: string): Map<string, string> {
  const buf = fs.readFileSync(file);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataAt, dataAt + size);
    out.set(name, (method === 8 ? zlib.inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

describe('the first-run setup', () => {
  it('writes each step only when confirmed, refuses to finish before all, then opens the counter', async () => {
    const dataDir = demoDataDir();
    core = await openStation({ dataDir, clock: new ManualClock(), syncIntervalMs: 3_600_000 });
    const { call, must } = callersOf(core);
    const state = await must('setup.state', {});
    expect(state.needed).toBe(true);
    expect(state.counters.map((c) => c.code)).toContain('SE1');
    expect(fs.existsSync(stationFile(dataDir))).toBe(false);
    // A test print writes nothing; a printer without its confirmed test is refused.
    const test = await must('setup.testPrint', { printer: { kind: 'file' } });
    expect(test.printed).toBe(true);
    expect(fs.existsSync(stationFile(dataDir))).toBe(false);
    const unconfirmed = await call('setup.saveStep', { step: 'receiptPrinter', printer: null } as never);
    expect(unconfirmed.ok).toBe(false);
    expect(fs.existsSync(stationFile(dataDir))).toBe(false);
    expect((await call('counter.info', {})).ok).toBe(false);
    const unknown = await call('setup.saveStep', { step: 'counter', counterCode: 'XX9' });
    expect(unknown.ok ? 'ok' : unknown.error.message).toBe("Lo sportello XX9 non è nell'anagrafica di questo PC.");

    await must('setup.saveStep', { step: 'counter', counterCode: 'SE2' });
    expect(JSON.parse(fs.readFileSync(stationFile(dataDir), 'utf8'))).toEqual({ version: 1, counterCode: 'SE2' });
    const early = await call('setup.finish', {});
    expect(early.ok ? 'ok' : early.error.message).toBe(
      'Da confermare ancora: la stampante delle ricevute, la stampante A4, il servizio centrale.',
    );
    await must('setup.saveStep', {
      step: 'receiptPrinter',
      printer: { kind: 'file', drawer: true },
      testConfirmed: true,
    });
    await must('setup.saveStep', { step: 'a4Printer', a4Printer: 'HP LaserJet Ufficio' });
    await must('setup.saveStep', { step: 'central', centralUrl: null });
    expect(await must('setup.finish', {})).toEqual({ counterCode: 'SE2' });
    // No temporary file left beside it.
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith(STATION_FILE_NAME))).toEqual([STATION_FILE_NAME]);

    // The same object is now the counter SE2, with the printer chosen.
    expect((await must('counter.info', {})).code).toBe('SE2');
    expect((await must('setup.state', {})).needed).toBe(false);
    await must('session.login', { operator: 'supervisore', pin: 'carrara-1357' });
    const view = await must('settings.get', {});
    expect(view).toMatchObject({ counterCode: 'SE2', receiptPrinter: { kind: 'file', drawer: true } });
    expect(view.a4Printer).toBe('HP LaserJet Ufficio');
    const again = await call('setup.saveStep', { step: 'counter', counterCode: 'SE1' });
    expect(again.ok ? 'ok' : again.error.code).toBe('FORBIDDEN');
    await core.close();

    // The next start reads the file: no switch needed.
    core = await openStation({ dataDir, clock: new ManualClock(), syncIntervalMs: 3_600_000 });
    expect((await callersOf(core).must('counter.info', {})).code).toBe('SE2');
  });

  it('on a PC with no data, takes a code from the central service and opens it to be enrolled', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-empty-'));
    core = await openStation({ dataDir, clock: new ManualClock(), syncIntervalMs: 3_600_000 });
    const { call, must } = callersOf(core);
    expect((await must('setup.state', {})).counters).toEqual([]);
    await must('setup.saveStep', { step: 'counter', counterCode: 'FAR-CAVATORE' });
    await must('setup.saveStep', { step: 'receiptPrinter', printer: null, testConfirmed: true });
    await must('setup.saveStep', { step: 'a4Printer', a4Printer: null });
    await must('setup.saveStep', { step: 'central', centralUrl: null });
    const refused = await call('setup.finish', {});
    expect(refused.ok ? 'ok' : refused.error.message).toBe(
      "Lo sportello FAR-CAVATORE arriva dal servizio centrale: indicarne l'indirizzo.",
    );
    await must('setup.saveStep', { step: 'central', centralUrl: 'http://127.0.0.1:9' });
    await must('setup.finish', {});
    const status = await must('sync.status', {});
    expect(status).toMatchObject({ enrolled: false, centralUrl: 'http://127.0.0.1:9' });
    expect((await must('counter.info', {})).code).toBe('FAR-CAVATORE');
  });

  it('starts configured, as before, when the host names the counter', async () => {
    core = await openStation({ dataDir: demoDataDir(), counterCode: 'SE1', clock: new ManualClock() });
    expect((await callersOf(core).must('setup.state', {})).needed).toBe(false);
  });
});

describe('Esporta diagnostica', () => {
  it('zips logs, configuration without secrets, integrity and versions', async () => {
    t = await openTestCore();
    t.sql.prepare("UPDATE sync_state SET central_url = 'http://127.0.0.1:9', token = 'segretissimo-token-1234'").run();
    const verifier = t.sql.prepare("SELECT * FROM operators WHERE code = 'supervisore'").get() as Record<
      string,
      unknown
    >;
    await t.login('supervisore', 'carrara-1357');
    const done = await t.must('settings.exportDiagnostics', {});
    expect(done.path.startsWith(path.join(t.dataDir, 'documents', 'diagnostica'))).toBe(true);
    const zip = unzip(done.path);
    expect([...zip.keys()]).toEqual(expect.arrayContaining(['configurazione.json', 'integrita.txt', 'versioni.json']));
    expect([...zip.keys()].some((k) => k.startsWith('logs/sportello.log'))).toBe(true);
    expect(zip.get('integrita.txt')).toMatch(/\nok\n$/);
    const versions = JSON.parse(zip.get('versioni.json')!) as Record<string, unknown>;
    expect(versions['sportello']).toMatch(/^\d+\.\d+\.\d+/);
    expect(versions['migrations']).toContain('0001_initial');
    const everything = [...zip.values()].join('\n');
    expect(everything).not.toContain('segretissimo-token-1234');
    for (const value of Object.values(verifier)) {
      if (typeof value === 'string' && value.length >= 16) expect(everything).not.toContain(value);
    }
    const config = JSON.parse(zip.get('configurazione.json')!) as { sync: Record<string, unknown> };
    expect(config.sync).toMatchObject({ centralUrl: 'http://127.0.0.1:9', enrolled: true });
    expect(JSON.stringify(config)).not.toMatch(/token/i);
    // What is not a secret stays: the PIN's attempt limit is configuration the help desk needs.
    expect(JSON.stringify(config)).toContain('"pinMaxAttempts":5');
    expect(withoutSecrets({ a: { token: 'x', pinHash: 'y', pin: '1', b: [{ secretKey: 2, c: 3 }] } })).toEqual({
      a: { b: [{ c: 3 }] },
    });
  });
});
