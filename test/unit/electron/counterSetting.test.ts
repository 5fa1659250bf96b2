import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COUNTER_FILE_NAME, counterSwitchFrom, resolveCounterCode } from '../../../src-main/electron/counterSetting';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('counter switch', () => {
  it('reads both --counter=SE1 and --counter SE1', () => {
    expect(counterSwitchFrom(['Sportello.exe', '--counter=SE1'])).toBe('SE1');
    expect(counterSwitchFrom(['Sportello.exe', '--counter', 'FA3'])).toBe('FA3');
    expect(counterSwitchFrom(['Sportello.exe', '--other'])).toBeUndefined();
  });
});

describe('counter code resolution', () => {
  it('has no code without a switch or a file (the core keeps the one of the first start)', () => {
    expect(resolveCounterCode({ switchValue: undefined, configDir: tempDir() })).toBeUndefined();
    expect(resolveCounterCode({ switchValue: '', configDir: tempDir() })).toBeUndefined();
  });

  it('reads the first-run file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, COUNTER_FILE_NAME), '{"counterCode": "FA3"}');
    expect(resolveCounterCode({ switchValue: undefined, configDir: dir })).toBe('FA3');
  });

  it('lets the switch win over the file, and writes nothing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, COUNTER_FILE_NAME), '{"counterCode": "FA3"}');
    expect(resolveCounterCode({ switchValue: ' SE1 ', configDir: dir })).toBe('SE1');
    expect(fs.readFileSync(path.join(dir, COUNTER_FILE_NAME), 'utf8')).toBe('{"counterCode": "FA3"}');
  });

  it('refuses a malformed code and a broken file', () => {
    const dir = tempDir();
    expect(() => resolveCounterCode({ switchValue: '../etc', configDir: dir })).toThrow(/non valido/);
    fs.writeFileSync(path.join(dir, COUNTER_FILE_NAME), '{"counter": 1}');
    expect(() => resolveCounterCode({ switchValue: undefined, configDir: dir })).toThrow(/counterCode/);
    fs.writeFileSync(path.join(dir, COUNTER_FILE_NAME), 'SE1');
    expect(() => resolveCounterCode({ switchValue: undefined, configDir: dir })).toThrow(/JSON/);
  });
});

describe('central switch', () => {
  it('reads --central=<url> and the spaced form, refusing what is not an http(s) address', async () => {
    const { centralSwitchFrom } = await import('../../../src-main/electron/counterSetting');
    expect(centralSwitchFrom(['app', '--central=https://central.example/api'])).toBe('https://central.example/api');
    expect(centralSwitchFrom(['app', '--central', 'http://127.0.0.1:9000'])).toBe('http://127.0.0.1:9000');
    expect(centralSwitchFrom(['app', '--counter=SE1'])).toBeUndefined();
    expect(() => centralSwitchFrom(['app', '--central=ftp://x'])).toThrow(/non valido/);
    expect(() => centralSwitchFrom(['app', '--central=nonsense'])).toThrow(/non valido/);
  });
});
