import fs from 'node:fs';
import path from 'node:path';
import { fileKeyStore, KEY_FILE, newKey, parseKey, writePrivateFile } from '../db/key';

/** The few members of Electron's safeStorage used here (no Electron import: tested with a stand-in). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The database key wrapped by safeStorage (Windows DPAPI): only this Windows user on this PC unwraps it. */
export const PROTECTED_KEY_FILE = 'chiave-database.protetta';

/**
 * The database key of an Electron installation, in hex, for the core process: unwrapped from
 * `PROTECTED_KEY_FILE`, or made now and kept wrapped. A plain key file left by the browser host is
 * wrapped and removed, so no key is on the disk in clear. Without DPAPI (no user profile) the
 * counter does not start: it says why instead of keeping the key in clear.
 */
export function protectedDatabaseKey(dataDir: string, safe: SafeStorageLike): string {
  if (!safe.isEncryptionAvailable()) {
    throw new Error(
      'La protezione delle chiavi di Windows (DPAPI) non è disponibile per questo utente: Sportello non può aprire ' +
        'il database cifrato. Accedere a Windows con il proprio utente (non un profilo temporaneo) e riaprire il programma.',
    );
  }
  const wrapped = path.join(dataDir, PROTECTED_KEY_FILE);
  if (fs.existsSync(wrapped)) return parseKey(safe.decryptString(fs.readFileSync(wrapped)), wrapped).toString('hex');
  const key = fileKeyStore(dataDir).read() ?? newKey();
  writePrivateFile(wrapped, safe.encryptString(key.toString('hex')));
  fs.rmSync(path.join(dataDir, KEY_FILE), { force: true });
  return key.toString('hex');
}
