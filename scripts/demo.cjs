#!/usr/bin/env node
// `npm run demo`: the sync to watch with your own eyes. Starts the central service emulator (demo
// roster) and two counters in the browser host, the front office SE1 and the pharmacy
// FAR-CAVATORE, each on a fresh data folder, activates both with a one-time code and waits for
// their first sync. Then prints where to open them and who to log in as, so a top-up made at the
// pharmacy can be seen reaching the front office. Ctrl+C stops everything.
//
// Builds first when the compiled app is missing or older than the sources. SPORTELLO_DEMO_DIR
// overrides the per-user folder the data goes to (it is emptied at every start).
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const projectDir = path.resolve(__dirname, '..');
const cli = path.join(projectDir, 'bin', 'sportello.cjs');
const COUNTERS = [
  { code: 'SE1', title: 'Sportello Servizi Educativi (front office)', operator: 'sportello1', pin: '2468' },
  { code: 'FAR-CAVATORE', title: 'Farmacia del Cavatore', operator: 'cavatore', pin: '1234' },
];
const SUPERVISOR = { operator: 'supervisore', pin: 'carrara-1357' };

function say(line = '') {
  process.stdout.write(`${line}\n`);
}

/** A per-user folder, like `npm start` uses: %APPDATA%, ~/Library/Application Support or XDG data. */
function demoDir() {
  if (process.env.SPORTELLO_DEMO_DIR) return path.resolve(process.env.SPORTELLO_DEMO_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'sportello-demo-sync');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'sportello-demo-sync');
    default:
      return path.join(process.env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'sportello-demo-sync');
  }
}

/** Newest modification time under a folder (0 when it does not exist). */
function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const mainJs = path.join(projectDir, 'dist', 'src-main', 'cli', 'main.js');
  const devJs = path.join(projectDir, 'dist', 'dev', 'cli.js');
  const rendererIndex = path.join(projectDir, 'dist', 'renderer', 'index.html');
  const built = [mainJs, devJs, rendererIndex].every((f) => fs.existsSync(f))
    ? Math.min(fs.statSync(mainJs).mtimeMs, fs.statSync(devJs).mtimeMs)
    : 0;
  const sources = Math.max(
    ...['src-main', 'src-renderer', 'shared', 'seeds', 'central', 'dev'].map((d) =>
      newestMtime(path.join(projectDir, d)),
    ),
  );
  if (built > 0 && built >= sources) return true;
  say('Compilazione di Sportello (npm run build)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], {
    cwd: projectDir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

const children = [];
let stopping = false;

/** Starts `sportello <args>` and resolves with the value of the NAME=value line it prints when ready. */
function startCli(args, readyName) {
  const child = spawn(process.execPath, [cli, ...args], { cwd: projectDir, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith(`${readyName}=`)) resolve(line.slice(readyName.length + 1).trim());
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`sportello ${args[0]} è uscito (${code ?? signal}) prima di essere pronto:\n${stderr}`)),
    );
  });
}

async function postJson(url, body, headers = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The browser host's RPC, as the page calls it (Bearer token from the printed URL). */
async function rpc(counterUrl, channel, input) {
  const url = new URL(counterUrl);
  const reply = await postJson(`${url.origin}/rpc/${channel}`, input, {
    authorization: `Bearer ${url.searchParams.get('token')}`,
  });
  if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
  return reply.value;
}

async function activate(counter, centralUrl) {
  const { code } = await postJson(`${centralUrl}/admin/enrolment-codes`, { counterCode: counter.code });
  await rpc(counter.url, 'sync.enrol', { code });
  // The first sync runs in the background; its progress is in the status.
  let shown = -1;
  for (;;) {
    const status = await rpc(counter.url, 'sync.status', {});
    if (status.initialSync.done) return;
    const percent = Math.floor(status.initialSync.progress * 100);
    if (percent >= shown + 25) {
      say(`  ${counter.code}: prima sincronizzazione ${percent}%`);
      shown = percent;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function stopAll() {
  return Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}

async function main() {
  if (!buildIfNeeded()) {
    say('Compilazione fallita.');
    return 1;
  }
  const base = demoDir();
  fs.rmSync(base, { recursive: true, force: true });
  for (const d of ['central', ...COUNTERS.map((c) => c.code)]) fs.mkdirSync(path.join(base, d), { recursive: true });
  say(`Dati della dimostrazione (nuovi a ogni avvio): ${base}`);

  say('Avvio del servizio centrale simulato con i dati dimostrativi...');
  const centralUrl = await startCli(
    ['central', '--port', '0', '--data', path.join(base, 'central'), '--demo'],
    'CENTRAL_URL',
  );
  say('Avvio dei due sportelli...');
  const counters = await Promise.all(
    COUNTERS.map(async (c) => ({
      ...c,
      url: await startCli(
        ['serve', '--port', '0', '--data', path.join(base, c.code), '--counter', c.code, '--central', centralUrl],
        'SPORTELLO_URL',
      ),
    })),
  );
  say('Attivazione e prima sincronizzazione...');
  await Promise.all(counters.map((c) => activate(c, centralUrl)));

  say();
  say(`Servizio centrale simulato: ${centralUrl}`);
  say(`  operazioni ricevute: ${centralUrl}/admin/operations   stato: ${centralUrl}/admin/state`);
  for (const c of counters) {
    say();
    say(`${c.title} (${c.code})`);
    say(`  apri: ${c.url}`);
    say(`  operatore: ${c.operator}   PIN: ${c.pin}`);
  }
  say();
  say(`Storni: li approva il supervisore ${SUPERVISOR.operator} (PIN ${SUPERVISOR.pin}) a qualunque sportello.`);
  say('Prova: ricarica un conto in farmacia, poi cerca lo stesso codice Pa-Pay allo sportello SE1. La farmacia invia');
  say('subito; lo sportello riceve il saldo alla sincronizzazione successiva (ogni 30 s, o subito con Ctrl+Shift+S).');
  say('Avvisi pagoPA: allo sportello SE1 apri un conto e premi F6; per simulare il pagamento di una famiglia:');
  say(
    `  curl -X POST ${centralUrl}/admin/notices/pay -H 'Content-Type: application/json' -d '{"nav":"<codice avviso>"}'`,
  );
  say('Iscrizioni: allo sportello SE1 premi F5 (famiglia, figli, servizi, ISEE); i codici Pa-Pay provvisori diventano');
  say('definitivi alla sincronizzazione e da quel momento la farmacia trova i conti.');
  say();
  say('Per chiudere tutto premi Ctrl+C.');

  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    // A process that dies on its own ends the demo: half a demo would mislead.
    for (const child of children) {
      child.once('exit', (code, signal) => {
        if (stopping) return;
        say(`Un processo della dimostrazione è terminato (${code ?? signal}).`);
        resolve();
      });
    }
  });
  stopping = true;
  say('Chiusura...');
  await stopAll();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error) => {
    stopping = true;
    say(`Errore: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll();
    process.exitCode = 1;
  },
);
