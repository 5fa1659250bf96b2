import { z } from 'zod';
import { frontOfficeOnly } from './access';
import { AccountItem } from './accounts';
import { Cents, channel, Id, IsoDateTime } from './common';

/** The attestazione for the 730 of a child's service and a tax year: at the desk one by one, or the year's batch. */

const FRONT_OFFICE_ONLY =
  "L'attestazione per la dichiarazione dei redditi si rilascia solo allo sportello dei Servizi Educativi: in farmacia non è disponibile.";

export const TaxYear = z.number().int().min(2000).max(2100);

export const AttestationView = z.object({
  protocolNo: z.string(),
  issuedAt: IsoDateTime,
  account: AccountItem,
  taxYear: z.number().int(),
  /** The code of the expense in the 730 (12 refezione and trasporto, 33 asilo nido: from the year's rules). */
  code: z.string(),
  /** The deduction limit of the code for the year, null when it has none of its own. */
  limitCents: Cents.nullable(),
  notes: z.array(z.string()),
  traceableCents: Cents,
  cashCents: Cents,
  totalCents: Cents,
  payerCfs: z.array(z.string()),
  /** Nothing paid in the year: the document says "nessun pagamento nel <anno>". */
  none: z.boolean(),
  /**
   * The payments counted are those the counter knew at issue: its data as of the last sync with the
   * central service (null: never synced, or issued before the register kept it).
   */
  dataAsOf: IsoDateTime.nullable(),
});
export type AttestationView = z.infer<typeof AttestationView>;

export const BatchProgress = z.object({
  taxYear: z.number().int(),
  /** Accounts handled so far (written, found already written, rewritten). */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type BatchProgress = z.infer<typeof BatchProgress>;

export const BatchResult = z.object({
  taxYear: z.number().int(),
  folder: z.string(),
  indexPath: z.string(),
  total: z.number().int(),
  /** Numbered and written by this run. */
  written: z.number().int(),
  /** Numbered by an earlier run, their file missing: written again under the same protocol. */
  rewritten: z.number().int(),
  /** Already written by an earlier run: left as they were. */
  skipped: z.number().int(),
  /** Stopped on request before the end (no index yet): the next run continues. */
  stopped: z.boolean(),
});
export type BatchResult = z.infer<typeof BatchResult>;

export const attestationChannels = {
  /** One child's service and tax year: numbered, audited and saved as an A4 PDF. */
  'attestations.issue': channel(
    z.object({ accountId: Id, taxYear: TaxYear }).strict(),
    z.object({ attestation: AttestationView, pdfPath: z.string() }),
    frontOfficeOnly(FRONT_OFFICE_ONLY),
  ),
  /**
   * Every account paid for in the tax year into one folder with a CSV index; resumable (what an earlier
   * run numbered is not numbered again); progress on the `attestations.progress` event.
   */
  'attestations.batch': channel(
    z.object({ taxYear: TaxYear }).strict(),
    BatchResult,
    frontOfficeOnly(FRONT_OFFICE_ONLY),
  ),
  /** Stops the batch under way after the document it is writing; false when none is running. */
  'attestations.stopBatch': channel(
    z.object({}).strict(),
    z.object({ stopping: z.boolean() }),
    frontOfficeOnly(FRONT_OFFICE_ONLY),
  ),
} as const;
