import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml checked offline against electron-builder's own JSON schema (the one it
 * validates with before building), plus the settings the Comune's installer depends on.
 */

const projectDir = path.resolve(__dirname, '../../..');
// Resolved from app-builder-lib itself so that schema and YAML parser are exactly the ones
// electron-builder uses.
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const schema = builderRequire('./scheme.json') as object;
const yaml = builderRequire('js-yaml') as { load(text: string): unknown };

const configText = fs.readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8');

// Compiled once: the schema is large. Unlike electron-builder, no type coercion: stricter.
const check = new Ajv({ allErrors: true, strict: false }).compile(schema);

function validate(config: unknown) {
  const valid = check(config);
  return { valid, errors: check.errors ?? [] };
}

interface BuilderConfig {
  appId: string;
  productName: string;
  electronVersion: string;
  npmRebuild: boolean;
  asarUnpack: string[];
  files: string[];
  directories: { output: string };
  win: { target: { target: string; arch: string[] }[] };
  nsis: { oneClick: boolean; perMachine: boolean; installerLanguages: string[]; deleteAppDataOnUninstall: boolean };
}

describe('electron-builder.yml', () => {
  const config = yaml.load(configText) as BuilderConfig;

  it("matches electron-builder's schema", () => {
    const { valid, errors } = validate(config);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('holds the settings the Windows installer depends on', () => {
    expect(config.appId).toBe('it.comune.carrara.sportello');
    expect(config.productName).toBe('Sportello Servizi Scolastici');
    expect(config.electronVersion).toBe('45.5.0');
    expect(config.npmRebuild).toBe(false);
    expect(config.directories.output).toBe('out');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node']));
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3'))).toBe(true);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      installerLanguages: ['it_IT'],
      deleteAppDataOnUninstall: false,
    });
  });

  it('pins the same Electron version as package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies['electron']).toBe(config.electronVersion);
  });

  it('rejects a broken copy: a misspelt key', () => {
    const broken = yaml.load(configText.replace(/^appId:/m, 'appid:'));
    const { valid, errors } = validate(broken);
    expect(valid).toBe(false);
    expect(errors.some((e) => e.keyword === 'additionalProperties' && e.params['additionalProperty'] === 'appid')).toBe(
      true,
    );
  });

  it('rejects a broken copy: a value of the wrong type', () => {
    const broken = yaml.load(configText.replace(/^ {2}oneClick: false$/m, '  oneClick: [no]'));
    const { valid, errors } = validate(broken);
    expect(valid).toBe(false);
    expect(errors.some((e) => e.instancePath.startsWith('/nsis'))).toBe(true);
  });
});
