import { DomainError } from '../../shared/errors';
import type { EnrolmentConfig } from '../../shared/registration/config';
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

/** The counter's enrolment configuration; without it (not configured yet, or older) nothing is registered. */
export function enrolmentConfig(ctx: CoreContext): EnrolmentConfig {
  const config = ctx.counter.config.enrolment;
  if (config === undefined) {
    throw new DomainError(
      'NOT_CONFIGURED',
      `Configurazione delle iscrizioni assente per lo sportello ${ctx.counter.code}: configurare nel servizio ` +
        'centrale la sezione "enrolment" della configurazione dello sportello (anni scolastici e scadenze, scuole, ' +
        'diete, linee e fermate del trasporto, tariffe per fascia ISEE, informativa sulla privacy). Fino ad allora ' +
        'le iscrizioni non si registrano.',
    );
  }
  return config;
}
