import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * The installed version: package.json's, found by walking up from this file (dist/src-main in the
 * build and the installer's app.asar, src-main under tsx in the tests).
 */
export function appVersion(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === 'sportello' && typeof pkg.version === 'string') return (cached = pkg.version);
    } catch {
      // not here: one folder up
    }
    dir = path.dirname(dir);
  }
  return (cached = '0.0.0');
}
