import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { listProblems, retryProblem } from './problems';
import type { SyncService } from './service';
import { readSyncState } from './state';
import type { Sessions } from '../session/sessions';
import { DomainError } from '../../shared/errors';

/** Enrolment, status, sync now and "Da risolvere" (the operations the central service refused). */
export function syncHandlers(ctx: CoreContext, sync: SyncService, sessions: Sessions): HandlersOf<'sync'> {
  return {
    'sync.enrol': ({ input, sessionId }) => {
      // The first-run screen enrols with no one logged in (no operators yet); a PC that already has a
      // token (live or revoked) enrols again only with a supervisor: enrolling revokes the other PC.
      if (readSyncState(ctx.db).token !== null) {
        const operator = sessions.current(sessionId, ctx.clock.now());
        if (operator?.role !== 'supervisore') {
          throw new DomainError(
            'FORBIDDEN',
            'Questo PC è già attivato: per attivarlo di nuovo serve un supervisore (accedere come supervisore).',
          );
        }
      }
      return sync.enrol(input.code);
    },
    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow({ manual: true }),
    'sync.problems': () => ({ items: listProblems(ctx.db) }),
    'sync.retry': ({ input, operator }) => {
      retryProblem(
        ctx.db,
        input.operationId,
        { counterCode: ctx.counter.code, operatorCode: operator.code },
        ctx.clock.now(),
      );
      ctx.log.info(
        { scope: 'sync', operator: operator.code, operationId: input.operationId },
        'operazione rimessa in coda',
      );
      sync.trigger();
      return {};
    },
  };
}
