import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COUNTER_FILE_NAME,
  counterSwitchFrom,
  resolveCounterCode,
} from '../../../src-main/electron/counterSetting';

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
  it('has no code on a first run without a switch', () => {
    expect(resolveCounterCode({ switchValue: undefined, configDir: tempDir() })).toBeUndefined();
  });

  it('remembers the code given once by the switch', () => {
    const dir = tempDir();
    expect(resolveCounterCode({ switchValue: 'SE1', configDir: dir })).toBe('SE1');
    expect(JSON.parse(fs.readFileSync(path.join(dir, COUNTER_FILE_NAME), 'utf8'))).toEqual({ counterCode: 'SE1' });
    expect(resolveCounterCode({ switchValue: undefined, configDir: dir })).toBe('SE1');
    expect(resolveCounterCode({ switchValue: '', configDir: dir })).toBe('SE1');
  });

  it('lets a later switch replace the remembered code', () => {
    const dir = tempDir();
    resolveCounterCode({ switchValue: 'SE1', configDir: dir });
    expect(resolveCounterCode({ switchValue: 'FA2', configDir: dir })).toBe('FA2');
    expect(resolveCounterCode({ switchValue: undefined, configDir: dir })).toBe('FA2');
  });

  it('refuses a malformed code and a broken file', () => {
    const dir = tempDir();
    expect(() => resolveCounterCode({ switchValue: '../etc', configDir: dir })).toThrow(/non valido/);
    fs.writeFileSync(path.join(dir, COUNTER_FILE_NAME), '{"counter": 1}');
    expect(() => resolveCounterCode({ switchValue: undefined, configDir: dir })).toThrow(/counterCode/);
  });
});
