import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Packaging smoke test: runs the real electron-builder with the project's electron-builder.yml on a
 * stand-in Electron distribution (the real one cannot be downloaded here), for the Linux `dir`
 * target, with the network cut off when the machine allows it (`unshare -n`). What electron-builder
 * needs from an unpacked electronDist for linux/dir (app-builder-lib's ElectronFramework.unpack and
 * beforeCopyExtraFiles): a directory (not containing electron-v<version>-linux-x64.zip, which it would
 * extract instead) whose files it copies as they are, and in it an `electron` file that it renames
 * to the app's executable name. LICENSE, if present, becomes LICENSE.electron.txt. Nothing else.
 *
 * It needs the build output (dist/). `npm test` builds before running vitest; when run alone, the
 * setup builds if dist/ is missing.
 */

const projectDir = path.resolve(__dirname, '../../..');
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const asar = builderRequire('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
};
const electronBuilderCli = require.resolve('electron-builder/cli.js');

/** Where an Electron binary keeps its fuse wire (@electron/fuses, constants.js). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's fuses as shipped, in @electron/fuses' V1 order: RunAsNode on, cookie encryption off,
 * NODE_OPTIONS on, --inspect on, asar integrity off, only-from-asar off, browser V8 snapshot off,
 * file:// privileges on.
 */
const ELECTRON_DEFAULT_FUSES = '10110001';

let workDir: string;
let outDir: string;
let cacheDir: string;
let networkCut: boolean;
let run: { status: number | null; output: string };

function needBuild(): boolean {
  return [
    'dist/src-main/electron/main.js',
    'dist/preload/preload.js',
    'dist/renderer/index.html',
    'dist/dev/cli.js',
  ].some((file) => !fs.existsSync(path.join(projectDir, file)));
}

function canCutNetwork(): boolean {
  return spawnSync('unshare', ['-n', 'true']).status === 0;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

beforeAll(() => {
  if (needBuild()) execFileSync('npm', ['run', 'build'], { cwd: projectDir, stdio: 'inherit' });
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
  outDir = path.join(workDir, 'out');
  cacheDir = path.join(workDir, 'cache');
  const fakeElectron = path.join(workDir, 'electron-dist');
  fs.mkdirSync(fakeElectron);
  fs.mkdirSync(cacheDir);
  // The stand-in carries a fuse wire as Electron's binary does (@electron/fuses' sentinel, wire
  // version 1, 8 fuses in Electron's default states), so electron-builder flips our fuses in it.
  fs.writeFileSync(
    path.join(fakeElectron, 'electron'),
    `#!/bin/sh\necho "stand-in for Electron 45.5.0"\nexit 0\n# ${FUSE_SENTINEL}\x01\x08${ELECTRON_DEFAULT_FUSES}\n`,
    { mode: 0o755 },
  );
  fs.writeFileSync(path.join(fakeElectron, 'LICENSE'), 'stand-in license\n');

  const args = [
    electronBuilderCli,
    '--linux',
    'dir',
    '--x64',
    '--projectDir',
    projectDir,
    `-c.electronDist=${fakeElectron}`,
    '-c.electronVersion=45.5.0',
    `-c.directories.output=${outDir}`,
  ];
  networkCut = canCutNetwork();
  // Where electron-builder and @electron/get would put anything they download: checked empty below.
  const env = {
    ...process.env,
    ELECTRON_BUILDER_CACHE: cacheDir,
    electron_config_cache: cacheDir,
    XDG_CACHE_HOME: cacheDir,
    CI: 'true',
  };
  const result = networkCut
    ? spawnSync('unshare', ['-n', process.execPath, ...args], { cwd: projectDir, env, encoding: 'utf8' })
    : spawnSync(process.execPath, args, { cwd: projectDir, env, encoding: 'utf8' });
  run = { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}, 180_000);

afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe('electron-builder on a stand-in Electron', () => {
  const appOut = () => path.join(outDir, 'linux-unpacked');

  it('packages without errors and without downloading anything', () => {
    expect(run.output).not.toMatch(/downloading|download(ed)? electron/i);
    expect(run.status, run.output).toBe(0);
    expect(filesUnder(cacheDir)).toEqual([]);
    // Printed so that a run on a machine without `unshare` says so.
    if (!networkCut) console.warn('packaging smoke test: network NOT cut (unshare -n unavailable)');
  });

  it('makes the app executable from the stand-in and keeps the Electron license', () => {
    expect(fs.readFileSync(path.join(appOut(), 'sportello'), 'utf8')).toContain('stand-in for Electron');
    expect(fs.existsSync(path.join(appOut(), 'LICENSE.electron.txt'))).toBe(true);
  });

  it("flips Electron's fuses as electron-builder.yml asks: no run-as-node, NODE_OPTIONS or --inspect; encrypted cookies; asar only, checked", () => {
    const binary = fs.readFileSync(path.join(appOut(), 'sportello'), 'latin1');
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect(binary.charCodeAt(at)).toBe(1);
    expect(binary.charCodeAt(at + 1)).toBe(8);
    // RunAsNode 0, cookies 1, NODE_OPTIONS 0, inspect 0, asar integrity 1, only asar 1; the last two
    // are left as Electron ships them (see electron-builder.yml for file://).
    expect(binary.slice(at + 2, at + 10)).toBe('01001101');
  });

  it('puts the built app and package.json in resources/app.asar', () => {
    const archive = path.join(appOut(), 'resources', 'app.asar');
    expect(fs.existsSync(archive)).toBe(true);
    const listed = new Set(asar.listPackage(archive, { isPack: false }).map((p) => p.split(path.sep).join('/')));
    for (const file of [
      '/package.json',
      '/dist/src-main/electron/main.js',
      '/dist/src-main/core/core.js',
      '/dist/src-main/core/remote/entry.js',
      '/dist/preload/preload.js',
      '/dist/renderer/index.html',
      '/dist/shared/contract.js',
      '/node_modules/better-sqlite3/lib/database.js',
      '/node_modules/zod/package.json',
    ]) {
      expect(listed, file).toContain(file);
    }
    const names = [...listed];
    // Build leftovers and development tools stay out.
    expect(names.filter((p) => p.startsWith('/dist/.tsbuild') || p.endsWith('.map'))).toEqual([]);
    expect(listed).not.toContain('/dist/src-main/electron/preload.js');
    for (const devOnly of ['/node_modules/electron', '/node_modules/vitest', '/node_modules/typescript']) {
      expect(listed).not.toContain(devOnly);
    }
    expect(names.filter((p) => p.startsWith('/node_modules/better-sqlite3/deps/'))).toEqual([]);
  });

  it('leaves out the central service emulator, the demo data and the development command', () => {
    // They are built into dist/ beside the app (the smoke test's build has them): the exclusion is what is tested.
    for (const built of ['dist/central/server.js', 'dist/seeds/demo.js', 'dist/dev/cli.js']) {
      expect(fs.existsSync(path.join(projectDir, built)), built).toBe(true);
    }
    const archive = path.join(appOut(), 'resources', 'app.asar');
    const names = asar.listPackage(archive, { isPack: false }).map((p) => p.split(path.sep).join('/'));
    const devZones = names.filter((p) => /^\/dist\/(central|seeds|dev)(\/|$)/.test(p));
    expect(devZones).toEqual([]);
    const unpacked = path.join(appOut(), 'resources', 'app.asar.unpacked', 'dist');
    expect(fs.existsSync(unpacked)).toBe(false);
  });

  it("carries none of the demo's values: no placeholder Ente codes, no demo seed", () => {
    const archive = path.join(appOut(), 'resources', 'app.asar');
    const extract = builderRequire('@electron/asar') as { extractFile(a: string, f: string): Buffer };
    const appFiles = asar
      .listPackage(archive, { isPack: false })
      .map((p) => p.split(path.sep).join('/'))
      .filter((p) => p.startsWith('/dist/') && p.endsWith('.js'));
    expect(appFiles.length).toBeGreaterThan(50);
    // The demo Ente's codice fiscale and CBILL (seeds/ente.ts) and the demo data's seed (seeds/demo.ts).
    const demoMarks = ['00123450454', 'AB1C2', 'sportello-demo-carrara'];
    const found = appFiles.flatMap((file) => {
      const text = extract.extractFile(archive, file.slice(1)).toString('utf8');
      return demoMarks.filter((mark) => text.includes(mark)).map((mark) => `${file}: ${mark}`);
    });
    expect(found).toEqual([]);
  });

  it('unpacks the native module of better-sqlite3 next to the archive', () => {
    const unpacked = path.join(appOut(), 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
    expect(fs.existsSync(path.join(unpacked, 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    expect(fs.existsSync(path.join(unpacked, 'build', 'Release', 'test_extension.node'))).toBe(false);
  });

  it('ships a package.json whose main is in the archive, with the publisher set', () => {
    const archive = path.join(appOut(), 'resources', 'app.asar');
    const extract = builderRequire('@electron/asar') as { extractFile(a: string, f: string): Buffer };
    const pkg = JSON.parse(extract.extractFile(archive, 'package.json').toString('utf8')) as {
      main: string;
      author: { name: string };
    };
    expect(pkg.main).toBe('dist/src-main/electron/main.js');
    expect(pkg.author.name).toBe('Comune di Carrara');
  });
});
