#!/usr/bin/env node
// Builds the Windows installer of Sportello (NSIS, x64). Run on the Windows build machine with
// `npm run package:win`; it needs Visual Studio Build Tools (C++ workload) and Python, because
// better-sqlite3 has no prebuilt binary for Electron 45 and is compiled from source.
//
// Why three steps instead of letting electron-builder rebuild by itself (npmRebuild is false):
// the same node_modules serve the Node tests, which need better-sqlite3 built for Node's ABI.
// So: rebuild for Electron, package, then ALWAYS put the Node build back, even when packaging fails.
//
//   node scripts/package-win.cjs            run it (Windows only)
//   node scripts/package-win.cjs --dry-run  print the steps without running them (any OS)
'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');

const projectDir = path.resolve(__dirname, '..');
const builderCli = require.resolve('electron-builder/cli.js', { paths: [projectDir] });

/** npm itself: the one that started us when run as an npm script, otherwise the one on the PATH. */
function npmCommand(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.c?js$/.test(npmCli)) return { command: process.execPath, args: [npmCli, ...args] };
  return { command: process.platform === 'win32' ? 'npm.cmd' : 'npm', args, shell: process.platform === 'win32' };
}

/** The steps, in order. `always` steps run even after a failure of an earlier step. */
function packagingSteps() {
  return [
    { title: 'Compilazione / build', ...npmCommand(['run', 'build']) },
    {
      title: 'better-sqlite3 per Electron / rebuild native modules for Electron 45 (win32 x64)',
      command: process.execPath,
      args: [builderCli, 'install-app-deps', '--platform', 'win32', '--arch', 'x64'],
    },
    {
      title: 'Installer NSIS / electron-builder --win nsis --x64',
      command: process.execPath,
      args: [builderCli, '--win', 'nsis', '--x64', '--publish', 'never'],
    },
    {
      title: 'better-sqlite3 per Node / restore the Node build for the tests',
      always: true,
      ...npmCommand(['rebuild', 'better-sqlite3']),
    },
  ];
}

/**
 * Runs the steps with `run(step) -> exit code`. Stops at the first failure except for `always`
 * steps. Returns the first failing exit code, or 0.
 */
function runSteps(steps, run, log = (line) => process.stdout.write(`${line}\n`)) {
  let failure = 0;
  for (const step of steps) {
    if (failure !== 0 && !step.always) {
      log(`- saltato / skipped: ${step.title}`);
      continue;
    }
    log(`> ${step.title}`);
    const code = run(step);
    if (code !== 0) {
      log(`! fallito / failed (${code}): ${step.title}`);
      if (failure === 0) failure = code;
    }
  }
  return failure;
}

function spawnStep(step) {
  const result = spawnSync(step.command, step.args, { cwd: projectDir, stdio: 'inherit', shell: step.shell === true });
  if (result.error) {
    process.stderr.write(`${result.error.message}\n`);
    return 1;
  }
  return result.status ?? 1;
}

function main(argv) {
  const dryRun = argv.includes('--dry-run');
  if (!dryRun && process.platform !== 'win32') {
    process.stderr.write(
      "L'installer Windows si costruisce solo su Windows (better-sqlite3 va compilato per Windows).\n" +
        'The Windows installer can only be built on Windows (better-sqlite3 must be compiled for it).\n' +
        'Use --dry-run to see the steps.\n',
    );
    return 2;
  }
  const run = dryRun
    ? (step) => {
        process.stdout.write(`  ${[step.command, ...step.args].join(' ')}\n`);
        return 0;
      }
    : spawnStep;
  const code = runSteps(packagingSteps(), run);
  if (code === 0 && !dryRun) process.stdout.write(`Installer in ${path.join(projectDir, 'out')}\n`);
  return code;
}

module.exports = { packagingSteps, runSteps };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
