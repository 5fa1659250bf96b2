import type { CoreContext } from '../core/context';
import { saveCounterConfig } from '../core/installation';
import { receiptPrinterFor, describePrinter } from '../printing/receiptPrinter';
import { readStationFile, updateStationFile } from '../setup/stationFile';
import { configureCentralUrl, readSyncState } from '../sync/state';
import { channelOf } from '../updates/decision';
import { appVersion } from '../version';
import { DomainError } from '../../shared/errors';
import { DEFAULT_UPDATES, type StationFile } from '../../shared/station';
import type { SettingsStep, StationView } from '../../shared/contract';

/** The PC's settings as they are now: the file where it exists, the running counter for the rest. */
export function currentStation(ctx: CoreContext): StationFile {
  const file = readStationFile(ctx.dataDir);
  return {
    version: 1,
    counterCode: ctx.counter.code,
    receiptPrinter: ctx.counter.config.printer,
    a4Printer: file?.a4Printer ?? null,
    centralUrl: readSyncState(ctx.db).centralUrl,
    updates: file?.updates ?? DEFAULT_UPDATES,
    completedAt: file?.completedAt ?? ctx.clock.now().toISOString(),
  };
}

export function stationView(ctx: CoreContext): StationView {
  const s = currentStation(ctx);
  const printer = s.receiptPrinter ?? null;
  const version = appVersion();
  return {
    counterCode: ctx.counter.code,
    counterName: ctx.counter.name,
    receiptPrinter: printer,
    receiptPrinterText: describePrinter(printer),
    a4Printer: s.a4Printer ?? null,
    centralUrl: s.centralUrl ?? null,
    updates: s.updates ?? DEFAULT_UPDATES,
    version,
    installedChannel: channelOf(version),
  };
}

/**
 * One confirmed step of the settings screen: written to the file (temporary file and rename) and
 * applied to the running counter where it can be (the receipt printer at once; a new central
 * address at the next start). Answers whether a restart is needed.
 */
export function applySettingsStep(ctx: CoreContext, step: SettingsStep): boolean {
  const base = currentStation(ctx);
  switch (step.step) {
    case 'receiptPrinter': {
      updateStationFile(ctx.dataDir, () => ({ ...base, receiptPrinter: step.printer }));
      saveCounterConfig(ctx.db, ctx.counter.code, { ...ctx.counter.config, printer: step.printer });
      ctx.reloadCounter?.();
      ctx.printer = receiptPrinterFor(step.printer, ctx.dataDir);
      return false;
    }
    case 'a4Printer':
      updateStationFile(ctx.dataDir, () => ({ ...base, a4Printer: step.a4Printer }));
      return false;
    case 'updates':
      updateStationFile(ctx.dataDir, () => ({ ...base, updates: step.updates }));
      return true;
    case 'central': {
      const stored = readSyncState(ctx.db).centralUrl;
      if (step.centralUrl === null) {
        if (stored !== null) {
          throw new DomainError(
            'INPUT_INVALID',
            "Questo PC è collegato al servizio centrale: per staccarlo serve l'assistenza, non un indirizzo vuoto.",
          );
        }
        updateStationFile(ctx.dataDir, () => ({ ...base, centralUrl: null }));
        return false;
      }
      updateStationFile(ctx.dataDir, () => ({ ...base, centralUrl: step.centralUrl }));
      configureCentralUrl(ctx.db, step.centralUrl);
      return readSyncState(ctx.db).centralUrl !== stored;
    }
  }
}
