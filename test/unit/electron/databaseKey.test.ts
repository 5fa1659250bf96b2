import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../../src-main/db/key';
import { PROTECTED_KEY_FILE, protectedDatabaseKey, type SafeStorageLike } from '../../../src-main/electron/databaseKey';

/** A stand-in for safeStorage: "wraps" by reversing and marking the bytes, and counts its calls. */
function fakeSafeStorage(available = true): SafeStorageLike & { wraps: number } {
  return {
    wraps: 0,
    isEncryptionAvailable: () => available,
    encryptString(text) {
      this.wraps++;
      return Buffer.concat([Buffer.from('DPAPI:'), Buffer.from([...Buffer.from(text)].reverse())]);
    },
    decryptString(data) {
      if (!data.subarray(0, 6).equals(Buffer.from('DPAPI:'))) throw new Error('not wrapped here');
      return Buffer.from([...data.subarray(6)].reverse()).toString();
    },
  };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-key-'));

describe('the database key under Electron', () => {
  it('is made once, kept only wrapped, and unwrapped the same at every start', () => {
    const dir = tmp();
    const safe = fakeSafeStorage();
    const first = protectedDatabaseKey(dir, safe);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const stored = fs.readFileSync(path.join(dir, PROTECTED_KEY_FILE));
    expect(stored.includes(first)).toBe(false);
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
    expect(protectedDatabaseKey(dir, safe)).toBe(first);
    expect(safe.wraps).toBe(1);
  });

  it('wraps the plain key file a browser-host folder has, and removes it', () => {
    const dir = tmp();
    const plain = 'ab'.repeat(32);
    fs.writeFileSync(path.join(dir, KEY_FILE), plain);
    expect(protectedDatabaseKey(dir, fakeSafeStorage())).toBe(plain);
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
    expect(protectedDatabaseKey(dir, fakeSafeStorage())).toBe(plain);
  });

  it('without DPAPI it refuses in Italian and writes nothing', () => {
    const dir = tmp();
    expect(() => protectedDatabaseKey(dir, fakeSafeStorage(false))).toThrow(/DPAPI\) non è disponibile/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
