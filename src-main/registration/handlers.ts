import { decodeFiscalCode, checkFiscalCode } from '../../shared/codiceFiscale';
import { DomainError } from '../../shared/errors';
import { deadlineOf } from '../../shared/registration/deadline';
import { quoteTariff } from '../../shared/registration/tariff';
import { romeDate } from '../../shared/time';
import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { enrolmentConfig } from './enrolmentConfig';
import { saveRegistration } from './save';
import { writeSummary } from './summary';
import { registrationViews } from './views';

/** The registration channels: front office only, never at a pharmacy (the contract declares it). */
export function registrationHandlers(ctx: CoreContext): HandlersOf<'registry' | 'registration'> {
  const views = registrationViews(ctx.db);
  const today = () => romeDate(ctx.clock.now());

  return {
    'registry.lookup': ({ input }) => {
      const decoded = decodeFiscalCode(input.fiscalCode);
      if (!decoded.valid) throw new DomainError('INPUT_INVALID', decoded.message);
      const person = decoded.person;
      const check = person.provisional ? null : checkFiscalCode(person.code);
      const canonical = check?.valid ? check.canonical : person.code;
      return {
        decoded: person,
        parent: views.parentByFiscalCode(person.code, canonical),
        child: views.childByFiscalCode(canonical),
      };
    },

    'registration.options': () => {
      const config = enrolmentConfig(ctx);
      const first = config.schoolYears[0];
      if (!first) throw new DomainError('INTERNAL', 'Nessun anno scolastico configurato per le iscrizioni.');
      return {
        schoolYear: first.code,
        schoolYears: config.schoolYears.map((y) => y.code),
        deadline: first.deadline,
        schools: config.schools,
        diets: config.diets,
        routes: config.routes.map((r) => ({
          code: r.code,
          name: r.name,
          stops: r.stops.map((s) => ({ code: s.code, name: s.name })),
        })),
        consentText: config.consentText,
      };
    },

    'registration.quote': ({ input }) => {
      const config = enrolmentConfig(ctx);
      if (deadlineOf(config, input.schoolYear) === null) {
        throw new DomainError('INPUT_INVALID', `L'anno scolastico ${input.schoolYear} non è aperto alle iscrizioni.`);
      }
      return quoteTariff(config, input, today());
    },

    'registration.save': async ({ input, operator }) => {
      const { registrationId } = saveRegistration(ctx, enrolmentConfig(ctx), operator, {
        parent: input.parent,
        children: input.children,
      });
      try {
        // The sync sends it soon, as after a top-up.
        ctx.afterMoneyCommit?.();
      } catch (e) {
        ctx.log.error({ scope: 'sync', err: e }, 'avvio della sincronizzazione non riuscito');
      }
      ctx.log.info({ scope: 'registration', registrationId, operator: operator.code }, 'iscrizione registrata');
      const registration = views.registration(registrationId);
      let summaryPdfPath = '';
      try {
        summaryPdfPath = await writeSummary(ctx, registration);
      } catch (e) {
        // The registration is committed: a failed PDF must not make it look lost (printSummary retries).
        ctx.log.error({ scope: 'registration', registrationId, err: e }, 'riepilogo PDF non scritto');
      }
      return { registration, summaryPdfPath };
    },

    'registration.get': ({ input }) => views.registration(input.registrationId),

    'registration.printSummary': async ({ input }) => {
      const registration = views.registration(input.registrationId);
      const pdfPath = await writeSummary(ctx, registration);
      return { registrationId: registration.registrationId, pdfPath, provisional: registration.provisional };
    },
  };
}
