import { z } from 'zod';
import { PrinterConfig } from './config';

/**
 * What belongs to this PC rather than to the counter's record at the central service: which counter
 * it is, its receipt printer (with or without a cash drawer), its A4 printer, the central's address
 * and where updates come from. Written by the first-run setup and the supervisor's settings screen
 * into one file of the data folder (`postazione.json`, write to a temporary file and rename), read
 * by the host at every start and handed to the core like the command line's switches.
 */

export const COUNTER_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
export const CounterCode = z
  .string()
  .trim()
  .regex(COUNTER_CODE_PATTERN, 'Codice sportello non valido: lettere, cifre, "-" e "_" (per esempio SE1).');

/** An http(s) address, as the central's and the updates' addresses must be. */
/** This PC only: the emulator and the tests' central service, never another machine. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * A service the counter sends its token and families' data to (the central service, the update
 * server): https, so nobody on the office or pharmacy network reads or changes them; plain http
 * only to this PC.
 */
export function isSecureServiceUrl(url: string): boolean {
  const m = /^(https?):\/\/(\[[^\]\s]*\]|[^\s/?#:]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i.exec(url.trim());
  if (m === null) return false;
  return m[1]!.toLowerCase() === 'https' || LOOPBACK.test(m[2]!);
}

export const INSECURE_URL =
  'Indirizzo non sicuro: serve https:// (http:// solo verso questo stesso PC, 127.0.0.1 o localhost), perché vi passano il codice di attivazione e i dati delle famiglie';

export const HttpUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i, 'Indirizzo non valido: deve iniziare con https://')
  .refine(isSecureServiceUrl, INSECURE_URL);

export const UPDATE_CHANNELS = ['latest', 'beta'] as const;
export const UpdateSettings = z
  .object({
    /** The generic provider's address (where `latest.yml` and the installer are published); null: no updates. */
    url: HttpUrl.nullable(),
    channel: z.enum(UPDATE_CHANNELS),
  })
  .strict();
export type UpdateSettings = z.infer<typeof UpdateSettings>;

/** A4 printer: its Windows name; null for the PC's PDF viewer (as before the setup). */
export const A4Printer = z.string().trim().min(1).max(200).nullable();

export const StationSettings = z
  .object({
    counterCode: CounterCode,
    receiptPrinter: PrinterConfig.nullable(),
    a4Printer: A4Printer,
    centralUrl: HttpUrl.nullable(),
    updates: UpdateSettings,
  })
  .strict();
export type StationSettings = z.infer<typeof StationSettings>;

/** The file: the steps confirmed so far; `completedAt` once the setup's last step was confirmed. */
export const StationFile = StationSettings.partial()
  .extend({ version: z.literal(1), completedAt: z.string().optional() })
  .strict();
export type StationFile = z.infer<typeof StationFile>;

export const DEFAULT_UPDATES: UpdateSettings = { url: null, channel: 'latest' };

/** The settings of a file whose setup was completed; null while it is not. */
export function completedSettings(file: StationFile | null): StationSettings | null {
  if (file?.completedAt === undefined || file.counterCode === undefined) return null;
  return StationSettings.parse({
    counterCode: file.counterCode,
    receiptPrinter: file.receiptPrinter ?? null,
    a4Printer: file.a4Printer ?? null,
    centralUrl: file.centralUrl ?? null,
    updates: file.updates ?? DEFAULT_UPDATES,
  });
}
