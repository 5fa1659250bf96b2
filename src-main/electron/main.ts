import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, safeStorage, utilityProcess } from 'electron';
import type { CoreProcessOptions } from '../core/remote/wire';
import { documentAccess } from '../documents/access';
import { resolveInside } from '../documents/resolve';
import type { Core } from '../core/types';
import { createLogger, type Logger } from '../log/logger';
import { connectCoreProcess, coreStoppedMessage } from './coreProcess';
import { centralSwitchFrom, counterSwitchFrom, resolveCounterCode } from './counterSetting';
import { protectedDatabaseKey } from './databaseKey';
import { applyGuards } from './guards';
import { printA4 } from './a4Print';
import { updateAtStart } from './updates';
import { readStationFile } from '../setup/stationFile';
import { forwardEvents, registerChannels } from './ipc';

/**
 * The Electron host of Sportello: one sandboxed window, the guards, and the IPC wiring to the core.
 * Everything with meaning lives in the core, which runs in its own utility process (a long PDF render
 * or a slow SQLite call must not freeze the window); this file only starts things and stops them.
 * Built by tsc into dist/src-main/electron/main.js; the renderer is dist/renderer/, the bundled
 * preload dist/preload/preload.js (see scripts/build-preload.mjs).
 */

const DIST_DIR = path.join(__dirname, '..', '..');
const RENDERER_INDEX = path.join(DIST_DIR, 'renderer', 'index.html');
const PRELOAD = path.join(DIST_DIR, 'preload', 'preload.js');
const APP_PAGE_URL = pathToFileURL(RENDERER_INDEX).href;
const CORE_ENTRY = path.join(DIST_DIR, 'src-main', 'core', 'remote', 'entry.js');

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Sportello is already running on this PC: it gets the focus (below), we leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch(fatal);
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const dataDir = path.join(userData, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  const rootLog = createLogger(dataDir);
  const log = rootLog.child({ scope: 'electron' });

  Menu.setApplicationMenu(null);

  const counterCode = resolveCounterCode({ switchValue: counterSwitchFrom(process.argv), configDir: userData });
  const centralUrl = centralSwitchFrom(process.argv);
  const core = await startCoreProcess(
    {
      dataDir,
      databaseKey: protectedDatabaseKey(dataDir, safeStorage),
      ...(counterCode === undefined ? {} : { counterCode }),
      ...(centralUrl === undefined ? {} : { centralUrl }),
    },
    log,
  );
  closeCoreOnQuit(core, log);
  // Before the window: an update already downloaded and verified is installed now or at a later start.
  await updateAtStart(readStationFile(dataDir)?.updates, core, log).catch((err: unknown) =>
    log.warn({ err }, 'aggiornamenti non controllati'),
  );

  const sessions = new Map<number, string>();
  const documentsDir = path.join(dataDir, 'documents');
  /**
   * A saved PDF goes to the A4 printer chosen in the settings, or opens in the PC's PDF viewer, after
   * the same checks as the browser host's.
   */
  const openDocument = async (contentsId: number, requestPath: string): Promise<void> => {
    const access = await documentAccess(core, sessions.get(contentsId));
    const file = access === 'allowed' ? resolveInside(documentsDir, requestPath) : null;
    if (file === null) {
      log.warn({ requestPath, access }, 'documento non aperto');
      return;
    }
    await printA4(file, readStationFile(dataDir)?.a4Printer ?? null, log);
  };
  // Every webContents the app ever creates gets the guards, not just the main window's (they are all
  // created after this point: the window comes below).
  app.on('web-contents-created', (_event, contents) => {
    applyGuards(
      contents,
      APP_PAGE_URL,
      (what, url) => log.warn({ url }, what),
      (requestPath) => void openDocument(contents.id, requestPath),
    );
  });
  registerChannels(ipcMain, core, {
    appPageUrl: APP_PAGE_URL,
    sessionIdFor: (sender) => sessions.get(sender.id),
    report: (what, url) => log.warn({ url }, what),
  });

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Sportello Servizi Scolastici',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  mainWindow = window;
  const contentsId = window.webContents.id;
  // The core keeps the operator of this window behind this opaque id, never given to the page.
  sessions.set(contentsId, randomUUID());
  const stopEvents = forwardEvents(core, window.webContents);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    stopEvents();
    sessions.delete(contentsId);
    mainWindow = null;
  });
  app.on('window-all-closed', () => app.quit());
  await window.loadFile(RENDERER_INDEX);
}

/**
 * Forks the core's process and connects to it over a MessageChannel. Resolves once the core is open;
 * rejects with its Italian reason (shown by `fatal`) when it refuses to open. If the process dies
 * later, every call answers with an Italian error and the operator is told to restart.
 */
async function startCoreProcess(options: CoreProcessOptions, log: Logger): Promise<Core> {
  const child = utilityProcess.fork(CORE_ENTRY, [], { serviceName: 'Sportello - dati', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  let opened = false;
  const core = connectCoreProcess(child, { local: port1, remote: port2 }, options, {
    onExit: (code, expected) => {
      if (expected) return;
      log.error({ code, opened }, 'il processo del core si è fermato');
      // A core that refused to open is reported once, by `fatal`, with its own reason.
      if (!opened) return;
      dialog.showErrorBox(
        'Sportello si è fermato',
        `${coreStoppedMessage(code)}\n\nSe il problema continua, chiama l'assistenza.`,
      );
    },
  });
  await core.ready;
  opened = true;
  return core;
}

/** Quitting waits for the core to close the database cleanly (WAL checkpoint, pending writes). */
function closeCoreOnQuit(core: Core, log: Logger): void {
  let closed = false;
  let closing = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    core
      .close()
      .catch((error: unknown) => log.error({ err: error }, 'core close failed'))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

function fatal(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(
    'Sportello non si avvia',
    `Sportello non è riuscito ad avviarsi.\n\n${detail}\n\nRiprova; se il problema continua, chiama l'assistenza.`,
  );
  app.exit(1);
}
