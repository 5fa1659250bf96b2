import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { listProblems, retryProblem } from './problems';
import type { SyncService } from './service';

/** Enrolment, status, sync now and "Da risolvere" (the operations the central service refused). */
export function syncHandlers(ctx: CoreContext, sync: SyncService): HandlersOf<'sync'> {
  return {
    'sync.enrol': ({ input }) => sync.enrol(input.code),
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
