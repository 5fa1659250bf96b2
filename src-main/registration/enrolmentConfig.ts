import { DEMO_ENROLMENT, type EnrolmentConfig } from '../../shared/registration/config';
import type { CoreContext } from '../core/context';

/** The counter's enrolment configuration; a configuration older than the registrations has none. */
export function enrolmentConfig(ctx: CoreContext): EnrolmentConfig {
  return ctx.counter.config.enrolment ?? DEMO_ENROLMENT;
}
