import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { journal } from '../journal/journal';
import { drawerConfigured, drawerKicker } from '../printouts/drawer';
import { counterQueries } from '../roster/queries';
import { readStationFile } from '../setup/stationFile';
import { printTestReceipt } from '../setup/testReceipt';
import { appVersion } from '../version';
import { DomainError } from '../../shared/errors';
import { exportDiagnostics } from './diagnostics';
import { applySettingsStep, stationView } from './station';

const ALREADY_SET_UP =
  'Questo PC è già configurato: le impostazioni le cambia un supervisore (Impostazioni, Ctrl+Maiusc+U).';

/**
 * The settings screen (supervisors): every step of the first-run setup but the counter, the update
 * channel, the cash drawer, the diagnostics. In a configured core the setup's own channels only say
 * that the setup is done: they never write.
 */
export function settingsHandlers(ctx: CoreContext): HandlersOf<'setup' | 'settings' | 'recovery'> {
  const kick = drawerKicker(ctx);
  const audit = (
    operatorCode: string,
    entry:
      | { action: 'settings.change'; detail: { step: string; value: unknown } }
      | { action: 'settings.diagnostics'; detail: { fileName: string } },
  ) =>
    journal(ctx.db.sqlite).audit({
      at: ctx.clock.now().toISOString(),
      counterCode: ctx.counter.code,
      operatorCode,
      ...entry,
    });
  return {
    'setup.state': () => ({
      needed: false,
      draft: readStationFile(ctx.dataDir) ?? { version: 1 },
      counters: counterQueries(ctx.db.sqlite).list.all(),
      version: appVersion(),
    }),
    'setup.saveStep': () => {
      throw new DomainError('FORBIDDEN', ALREADY_SET_UP);
    },
    // The database opened: nothing to recover.
    'recovery.state': () => ({ damaged: null }),
    'recovery.restore': () => {
      throw new DomainError('FORBIDDEN', 'Il database di questo sportello è integro: non c’è nulla da ripristinare.');
    },
    'setup.testPrint': () => {
      throw new DomainError('FORBIDDEN', ALREADY_SET_UP);
    },
    'setup.finish': () => {
      throw new DomainError('FORBIDDEN', ALREADY_SET_UP);
    },

    'settings.get': () => stationView(ctx),
    'settings.save': ({ input, operator }) => {
      const restartNeeded = applySettingsStep(ctx, input);
      const { step, ...value } = input;
      audit(operator.code, { action: 'settings.change', detail: { step, value } });
      ctx.log.info({ scope: 'settings', operator: operator.code, step }, 'impostazione cambiata');
      return { view: stationView(ctx), restartNeeded };
    },
    'settings.testPrint': ({ input }) =>
      printTestReceipt({
        printer: input.printer,
        dataDir: ctx.dataDir,
        header: ctx.counter.config.receiptHeader,
        counterCode: ctx.counter.code,
        at: ctx.clock.now(),
      }),
    'settings.kickDrawer': async ({ operator }) => {
      if (!drawerConfigured(ctx)) {
        throw new DomainError(
          'NOT_CONFIGURED',
          'Nessun cassetto collegato alla stampante delle ricevute: indicarlo nelle impostazioni della stampante.',
        );
      }
      return kick('request', operator.code, null);
    },
    'settings.exportDiagnostics': async ({ operator }) => {
      const done = await exportDiagnostics(ctx);
      audit(operator.code, { action: 'settings.diagnostics', detail: { fileName: done.fileName } });
      return done;
    },
  };
}
