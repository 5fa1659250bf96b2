import { DomainError } from '../../shared/errors';
import { DEMO_ENROLMENT, type EnrolmentConfig } from '../../shared/registration/config';
import type { CoreContext } from '../core/context';
import { need } from '../core/handlers';
import type { Operator } from '../session/sessions';

/**
 * Registering families is front-office work: an operator of the sportello or a supervisor, at a
 * counter that is not a pharmacy. A pharmacy sees none of these data (privacy), whoever asks.
 */
export function frontOffice(ctx: CoreContext, operator: Operator | null): Operator {
  const op = need(operator);
  if (ctx.counter.kind === 'farmacia' || (op.role !== 'sportello' && op.role !== 'supervisore')) {
    throw new DomainError(
      'FORBIDDEN',
      "Le iscrizioni si fanno solo allo sportello dei Servizi Educativi o all'Economato: in farmacia non sono disponibili.",
    );
  }
  return op;
}

/** The counter's enrolment configuration; a configuration older than the registrations has none. */
export function enrolmentConfig(ctx: CoreContext): EnrolmentConfig {
  return ctx.counter.config.enrolment ?? DEMO_ENROLMENT;
}
