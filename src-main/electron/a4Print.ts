import { pathToFileURL } from 'node:url';
import { BrowserWindow, shell } from 'electron';
import type { Logger } from '../log/logger';
import { a4PrintOptions, chooseA4Route } from '../printing/a4Choice';

/**
 * An A4 document (notice, summary) printed silently on the A4 printer chosen in the settings
 * (webContents.print with its deviceName), or opened in the PC's PDF viewer as before when none is
 * chosen, the chosen one is not installed, or the silent print fails. Cannot run here (no Electron):
 * type-checked; the route and the options are pure and unit-tested.
 */
export async function printA4(file: string, chosen: string | null, log: Logger): Promise<void> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
  });
  try {
    const installed = (await window.webContents.getPrintersAsync()).map((p) => p.name);
    const route = chooseA4Route(chosen ?? undefined, installed);
    if (route.kind === 'viewer') {
      log.info({ file, reason: route.reason }, 'documento aperto nel visualizzatore');
      await openInViewer(file, log);
      return;
    }
    await window.loadURL(pathToFileURL(file).href);
    const failure = await new Promise<string | null>((resolve) => {
      window.webContents.print(a4PrintOptions(route.deviceName), (success, reason) => resolve(success ? null : reason));
    });
    if (failure === null) log.info({ file, printer: route.deviceName }, 'documento stampato');
    else {
      log.warn({ file, printer: route.deviceName, reason: failure }, 'stampa A4 non riuscita: visualizzatore');
      await openInViewer(file, log);
    }
  } finally {
    window.destroy();
  }
}

async function openInViewer(file: string, log: Logger): Promise<void> {
  const error = await shell.openPath(file);
  if (error !== '') log.warn({ file, error }, 'apertura del documento non riuscita');
}
