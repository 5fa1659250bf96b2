import { methodsAcceptedOn } from '../../shared/config';
import { romeDate } from '../../shared/time';
import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import type { Operator, Sessions } from './sessions';
import { appVersion } from '../version';

/** The counter's identity and the operator's session: public channels (the login screen needs them). */
export function sessionHandlers(ctx: CoreContext, sessions: Sessions): HandlersOf<'counter' | 'session'> {
  const { counter } = ctx;
  const info = () => ({
    code: counter.code,
    name: counter.name,
    kind: counter.kind,
    address: counter.address,
    version: appVersion(),
  });
  const sessionInfo = (op: Operator) => ({
    operator: { code: op.code, name: op.name, role: op.role },
    counter: info(),
    settings: {
      idleLockMinutes: counter.config.idleLockMinutes,
      minTopupCents: counter.config.minTopupCents,
      maxTopupCents: counter.config.maxTopupCents,
      methodsToday: methodsAcceptedOn(counter.config, romeDate(ctx.clock.now())),
      largeType: counter.config.largeType || counter.kind === 'farmacia',
      printerConfigured: counter.config.printer !== null,
    },
  });

  return {
    'counter.info': info,

    'session.login': ({ sessionId, input }) => {
      const op = sessions.login(sessionId, input.operator, input.pin, ctx.clock.now());
      ctx.log.info({ scope: 'session', operator: op.code }, 'accesso');
      return sessionInfo(op);
    },
    'session.logout': ({ sessionId }) => {
      sessions.logout(sessionId);
      return {};
    },
    'session.unlock': ({ input, operator }) => {
      const unlocked = sessions.unlock(operator, input.operator, ctx.clock.now());
      ctx.log.info({ scope: 'session', operator: operator.code, unlocked: unlocked.code }, 'operatore sbloccato');
      return { operator: unlocked };
    },
    'session.current': ({ sessionId }) => {
      const op = sessions.current(sessionId, ctx.clock.now());
      return op ? sessionInfo(op) : null;
    },
  };
}
