import { DomainError } from '../../shared/errors';
import type { CoreContext } from '../core/context';
import type { Handlers } from '../core/handlers';
import type { SyncService } from '../sync/service';

type RegistrationChannels =
  | 'registry.lookup'
  | 'registration.options'
  | 'registration.quote'
  | 'registration.save'
  | 'registration.get'
  | 'registration.printSummary';

/** The registration channels (issue 5). Being built: every call answers that it is not available yet. */
export function registrationHandlers(_ctx: CoreContext, _sync: SyncService): Pick<Handlers, RegistrationChannels> {
  const notYet = () => {
    throw new DomainError('INTERNAL', 'Le iscrizioni allo sportello non sono ancora disponibili.');
  };
  return {
    'registry.lookup': notYet,
    'registration.options': notYet,
    'registration.quote': notYet,
    'registration.save': notYet,
    'registration.get': notYet,
    'registration.printSummary': notYet,
  };
}
