import type { UpdateSettings } from '../../shared/station';
import type { UpdateFacts } from './decision';

/** electron-updater's generic provider: where latest.yml (or beta.yml) and the installer are published. */
export interface GenericFeed {
  provider: 'generic';
  url: string;
  channel: string;
}

/** The feed of the PC's settings; null when the Comune configured no update address (no check at all). */
export function feedOf(settings: UpdateSettings | undefined): GenericFeed | null {
  if (settings?.url === null || settings?.url === undefined) return null;
  return { provider: 'generic', url: settings.url.replace(/\/+$/, ''), channel: settings.channel };
}

/**
 * The facts at the start of the app, before the window opens: no shift can be open, no operation is
 * running, and the outbox says what still waits for the central. `downloaded` is the version
 * electron-updater announced with `update-downloaded`, which it emits only once the file matched
 * the sha512 of the metadata (and, on Windows, the publisher of the signature): hence verified.
 */
export function factsAtStart(opts: {
  installed: string;
  downloaded: string | undefined;
  outboxPending: number;
}): UpdateFacts {
  return {
    installed: opts.installed,
    ...(opts.downloaded === undefined ? {} : { downloaded: opts.downloaded }),
    verified: opts.downloaded !== undefined,
    moment: 'start',
    shiftOpen: false,
    operationInProgress: false,
    outboxPending: opts.outboxPending,
  };
}
