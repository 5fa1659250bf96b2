import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Logger } from '../log/logger';
import type { Core } from '../core/types';
import { decideUpdate } from '../updates/decision';
import { factsAtStart, feedOf } from '../updates/feed';
import type { UpdateSettings } from '../../shared/station';

/** How long the start waits for an update already downloaded (electron-updater re-verifies the cached file). */
const START_WAIT_MS = 15_000;

/**
 * Updates from the Comune's address (generic provider), applied only at a start, before the window,
 * when decideUpdate says so (nothing waiting for the central); otherwise downloaded in the background
 * and left for a later start. Never installed on quit by itself: only decideUpdate installs.
 * Cannot run on the development machines (no Electron): type-checked, the rules unit-tested.
 */
export async function updateAtStart(settings: UpdateSettings | undefined, core: Core, log: Logger): Promise<void> {
  const feed = feedOf(settings);
  if (feed === null || !app.isPackaged) return;
  const updater = autoUpdater;
  updater.setFeedURL(feed);
  updater.channel = feed.channel;
  updater.allowDowngrade = false;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.on('error', (err) => log.warn({ err }, 'aggiornamento non riuscito'));
  const downloaded = await new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), START_WAIT_MS);
    updater.once('update-downloaded', (info: { version: string }) => {
      clearTimeout(timer);
      resolve(info.version);
    });
    updater.once('update-not-available', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    updater.checkForUpdates().catch((err: unknown) => {
      log.warn({ err }, 'controllo degli aggiornamenti non riuscito');
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  const status = await core.invoke('', 'sync.status', {});
  const outboxPending = status.ok ? (status.value as { pendingCount: number }).pendingCount : Number.MAX_SAFE_INTEGER;
  const decision = decideUpdate(factsAtStart({ installed: app.getVersion(), downloaded, outboxPending }));
  log.info({ decision }, 'aggiornamenti');
  if (decision.action === 'install') updater.quitAndInstall(true, true);
}
