import type { Channel } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import type { Clock } from '../core/clock';
import type { LocalCore } from '../core/types';
import { fileKeyStore, type DatabaseKeyStore } from '../db/key';
import { damagedLastReceipt, goodCopies, restoreCopy, RestoreRefused } from '../db/recovery';
import type { Logger } from '../log/logger';
import { channelsOnlyCore, quietSyncStatus } from './setupCore';

const DAMAGED =
  'Il database di questo sportello è danneggiato: nessuna operazione è possibile finché non si ripristina una copia di sicurezza.';

/**
 * The core of a PC whose database is damaged: the recovery screen's channels only. `restore` puts
 * the chosen good copy in place on a supervisor's PIN and hands over to the real core (`onRestored`);
 * if that core does not open either, the screen stays and says why.
 */
export function recoveryCore(opts: {
  dataDir: string;
  clock: Clock;
  problem: string;
  keys?: DatabaseKeyStore | undefined;
  log?: Logger | undefined;
  onRestored: () => Promise<void>;
}): LocalCore {
  const key = () => {
    const k = (opts.keys ?? fileKeyStore(opts.dataDir)).read();
    if (k === null) throw new DomainError('NOT_CONFIGURED', 'La chiave del database non è su questo PC.');
    return k;
  };
  const handlers: Partial<Record<Channel, (input: never) => unknown>> = {
    'recovery.state': () => {
      const last = damagedLastReceipt(opts.dataDir, key());
      return {
        damaged: {
          problem: opts.problem,
          lastReceiptNo: last.no,
          lastReceiptAt: last.at,
          copies: goodCopies(opts.dataDir, key()),
        },
      };
    },
    'recovery.restore': async (input: { copy: string; supervisor: string; pin: string }) => {
      let done: { restoredFrom: string; setAside: string };
      try {
        done = restoreCopy(opts.dataDir, key(), input, opts.clock.now());
      } catch (e) {
        if (e instanceof RestoreRefused) throw new DomainError('FORBIDDEN', e.message);
        throw e;
      }
      opts.log?.warn({ scope: 'db', ...done, supervisor: input.supervisor }, 'copia di sicurezza ripristinata');
      try {
        await opts.onRestored();
      } catch (e) {
        throw new DomainError(
          'INTERNAL',
          `Copia ripristinata, ma lo sportello non si è aperto: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      return done;
    },
    'setup.state': () => {
      throw new DomainError('NOT_CONFIGURED', DAMAGED);
    },
    'sync.status': () => quietSyncStatus(null),
  };
  return channelsOnlyCore(handlers, DAMAGED);
}
