#!/usr/bin/env node
// `npm start`: runs Sportello in Electron when Electron's binary is installed on this machine,
// otherwise in the browser host (a local server on 127.0.0.1) with demo data in a per-user folder.
//
// Why not simply `require('electron')`: when the binary is missing, Electron 45's package tries to
// download it right then, which fails offline after a long wait with a stack trace. So the same
// lookup is done here without the download: node_modules/electron/path.txt names the binary
// inside node_modules/electron/dist (or ELECTRON_OVERRIDE_DIST_PATH points at another folder).
//
// Extra arguments go to Electron (for example --counter=SE1). SPORTELLO_DEMO_DIR overrides the
// demo data folder of the browser host.
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const projectDir = path.resolve(__dirname, '..');
const cli = path.join(projectDir, 'bin', 'sportello.cjs');
// The database file the core creates in its data folder (src-main/db/open.ts, DB_FILE).
const DB_FILE = 'sportello.sqlite';
const DEMO_COUNTER = 'SE1';

function say(line) {
  process.stdout.write(`${line}\n`);
}

/** The Electron executable if it is really on disk, else null. Never downloads. */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json', { paths: [projectDir] }));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  let binary = null;
  if (override) binary = path.join(override, relative || 'electron');
  else if (relative) binary = path.join(packageDir, 'dist', relative);
  return binary !== null && fs.existsSync(binary) ? binary : null;
}

/** A per-user folder for the demo data: %APPDATA%, ~/Library/Application Support or XDG data. */
function demoDataDir() {
  if (process.env.SPORTELLO_DEMO_DIR) return path.resolve(process.env.SPORTELLO_DEMO_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'sportello-demo');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'sportello-demo');
    default:
      return path.join(process.env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'sportello-demo');
  }
}

function runElectron(binary, args) {
  if (!fs.existsSync(path.join(projectDir, 'dist', 'src-main', 'electron', 'main.js'))) {
    say('Sportello non è compilato: eseguire "npm run build". / Not built yet: run "npm run build".');
    return Promise.resolve(1);
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // Would turn Electron into plain Node.
  const child = spawn(binary, [projectDir, ...args], { stdio: 'inherit', env });
  return exitCodeOf(child);
}

async function runBrowserHost() {
  say('Il programma Electron non è installato su questo computer: Sportello si avvia nel browser.');
  say("Electron's binary is not installed on this machine, so Sportello starts in the browser host.");
  const dataDir = demoDataDir();
  say(`Dati dimostrativi / demo data: ${dataDir}`);
  if (!fs.existsSync(path.join(dataDir, DB_FILE))) {
    fs.mkdirSync(dataDir, { recursive: true });
    const seeded = spawnSync(process.execPath, [cli, 'seed', '--demo', '--data', dataDir], { stdio: 'inherit' });
    if (seeded.status !== 0) {
      say('Creazione dei dati dimostrativi fallita. / Seeding the demo data failed.');
      return seeded.status ?? 1;
    }
  }
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data', dataDir, '--counter', DEMO_COUNTER], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    say(line);
    const match = /^SPORTELLO_URL=(\S+)/.exec(line);
    if (match) {
      say(`Apri questo indirizzo nel browser / open this address in your browser: ${match[1]}`);
      say('Per chiudere premi Ctrl+C. / Press Ctrl+C to stop.');
    }
  });
  // Ctrl+C reaches the whole process group; a SIGTERM sent to us alone is passed on.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  process.on('SIGINT', () => child.kill('SIGINT'));
  return exitCodeOf(child);
}

function exitCodeOf(child) {
  return new Promise((resolve) => {
    child.on('error', (error) => {
      say(`${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1)));
  });
}

async function main() {
  const binary = findElectronBinary();
  return binary ? runElectron(binary, process.argv.slice(2)) : runBrowserHost();
}

main().then((code) => {
  process.exitCode = code;
});
