import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { listProblems, retryProblem } from './problems';
import type { SyncService } from './service';
import { readSyncState } from './state';
import type { Operator, Sessions } from '../session/sessions';
import { DomainError } from '../../shared/errors';

/** Who asks for a re-enrolment typed at the login screen, with nobody logged in. */
const ENROLMENT_FORM = (counterCode: string): Operator => ({
  code: '(attivazione)',
  name: 'Attivazione dello sportello',
  role: 'sportello',
  counterCode,
});

/** Enrolment, status, sync now and "Da risolvere" (the operations the central service refused). */
export function syncHandlers(ctx: CoreContext, sync: SyncService, sessions: Sessions): HandlersOf<'sync'> {
  return {
    'sync.enrol': ({ input, sessionId }) => {
      // The first-run screen enrols with no one logged in (no operators yet); a PC that already has a
      // token (live or revoked) enrols again only with a supervisor, since enrolling revokes the
      // other PC: a supervisor's session, or their code and secret typed in the form.
      if (readSyncState(ctx.db).token !== null) {
        const now = ctx.clock.now();
        const operator = sessions.current(sessionId, now);
        if (operator?.role !== 'supervisore') {
          if (input.supervisor === undefined || input.supervisorPin === undefined) {
            throw new DomainError(
              'FORBIDDEN',
              'Questo PC è già stato attivato: per attivarlo di nuovo servono il codice e il PIN di un supervisore.',
            );
          }
          // Wrong secrets count against the form (or the operator logged in), as in a void dialog.
          sessions.approve(input.supervisor, input.supervisorPin, now, operator ?? ENROLMENT_FORM(ctx.counter.code));
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
