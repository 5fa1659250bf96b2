import { DomainError } from '../../shared/errors';
import type { EnrolmentConfig } from '../../shared/registration/config';
import type { CoreContext } from '../core/context';

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
