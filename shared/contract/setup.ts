import { z } from 'zod';
import { PrinterConfig } from '../config';
import { A4Printer, CounterCode, HttpUrl, StationFile, UpdateSettings } from '../station';
import { PUBLIC, supervisorOnly } from './access';
import { channel, Empty, PrintOutcome } from './common';

/**
 * The first-run setup (a PC with no configuration: no operator exists yet, so its channels are public
 * and answer only while the setup runs) and the supervisor's settings screen, which redoes each step
 * later. Each step is written only when the operator confirms it.
 */

const CounterStep = z.object({ step: z.literal('counter'), counterCode: CounterCode }).strict();
const ReceiptPrinterStep = z
  .object({
    step: z.literal('receiptPrinter'),
    printer: PrinterConfig.nullable(),
    /** The operator saw the test receipt come out (or, for a file, the file written). */
    testConfirmed: z.literal(true, 'Stampare la ricevuta di prova e confermare che è uscita.'),
  })
  .strict();
const A4Step = z.object({ step: z.literal('a4Printer'), a4Printer: A4Printer }).strict();
const CentralStep = z.object({ step: z.literal('central'), centralUrl: HttpUrl.nullable() }).strict();
const UpdatesStep = z.object({ step: z.literal('updates'), updates: UpdateSettings }).strict();

export const SetupStep = z.discriminatedUnion('step', [CounterStep, ReceiptPrinterStep, A4Step, CentralStep]);
/** The settings screen redoes every step but the counter (one installation is one counter), plus the updates. */
export const SettingsStep = z.discriminatedUnion('step', [ReceiptPrinterStep, A4Step, CentralStep, UpdatesStep]);
export type SettingsStep = z.infer<typeof SettingsStep>;
export type SetupStep = z.infer<typeof SetupStep>;

export const SetupState = z.object({
  /** True while this PC has no configuration (the setup screen is shown instead of the login). */
  needed: z.boolean(),
  /** The steps confirmed so far. */
  draft: StationFile,
  /** The counters this PC's data knows (empty on a PC that gets them from the central service). */
  counters: z.array(z.object({ code: z.string(), name: z.string() })),
  version: z.string(),
});
export type SetupState = z.infer<typeof SetupState>;

export const TestPrintResult = PrintOutcome.extend({ where: z.string() });
export type TestPrintResult = z.infer<typeof TestPrintResult>;

export const StationView = z.object({
  counterCode: z.string(),
  counterName: z.string(),
  receiptPrinter: PrinterConfig.nullable(),
  /** Where receipts go, in words. */
  receiptPrinterText: z.string(),
  a4Printer: z.string().nullable(),
  centralUrl: z.string().nullable(),
  updates: z.object({ url: z.string().nullable(), channel: z.string() }),
  version: z.string(),
  /** The update channel of the installed version ("latest", "beta"). */
  installedChannel: z.string(),
});
export type StationView = z.infer<typeof StationView>;

const SUPERVISORS = supervisorOnly('Solo un supervisore può cambiare le impostazioni di questo PC.');

export const setupChannels = {
  'setup.state': channel(Empty, SetupState, PUBLIC),
  'setup.saveStep': channel(SetupStep, z.object({ draft: StationFile }), PUBLIC),
  'setup.testPrint': channel(z.object({ printer: PrinterConfig.nullable() }).strict(), TestPrintResult, PUBLIC),
  'setup.finish': channel(Empty, z.object({ counterCode: z.string() }), PUBLIC),
  'settings.get': channel(Empty, StationView, SUPERVISORS),
  'settings.save': channel(SettingsStep, z.object({ view: StationView, restartNeeded: z.boolean() }), SUPERVISORS),
  'settings.testPrint': channel(z.object({ printer: PrinterConfig.nullable() }).strict(), TestPrintResult, SUPERVISORS),
  /** Opens the cash drawer on the receipt printer's kick port (audited). */
  'settings.kickDrawer': channel(Empty, z.object({ opened: z.boolean(), error: z.string().optional() }), SUPERVISORS),
  /** A zip for the help desk: logs, configuration without secrets, the database's integrity and versions. */
  'settings.exportDiagnostics': channel(
    Empty,
    z.object({ path: z.string(), fileName: z.string(), entries: z.array(z.string()) }),
    SUPERVISORS,
  ),
} as const;
