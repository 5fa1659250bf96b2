import { DomainError } from '../../shared/errors';
import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/handlers';
import type { SyncService } from '../sync/service';

type NoticeChannels = 'notices.issue' | 'notices.find' | 'notices.reprint' | 'notices.printThermal' | 'notices.cancel';

/** The pagoPA notice channels (issue 4). Being built: every call answers that it is not available yet. */
export function noticeHandlers(_ctx: CoreContext, _sync: SyncService): Pick<Handlers, NoticeChannels> {
  const notYet = () => {
    throw new DomainError('INTERNAL', 'Gli avvisi pagoPA non sono ancora disponibili.');
  };
  return {
    'notices.issue': notYet,
    'notices.find': notYet,
    'notices.reprint': notYet,
    'notices.printThermal': notYet,
    'notices.cancel': notYet,
  };
}
