import { z } from 'zod';
import { LedgerKind } from '../domain';
import { frontOfficeOnly, MINIMISED_AT_PHARMACY } from './access';
import { AccountItem } from './accounts';
import { Cents, channel, Id, IsoDateTime, LocalDate, PrintOutcome } from './common';

/** The estratto conto of an account: on screen and A4 at the front office, the short slip also at a pharmacy. */

export const StatementLineView = z.object({
  id: Id,
  kind: LedgerKind,
  channel: z.enum(['sportello', 'farmacia', 'pagopa', 'portale', 'mensa', 'rettifica', 'storno']),
  day: LocalDate,
  at: IsoDateTime,
  description: z.string(),
  amountCents: Cents,
  balanceCents: Cents,
});
export type StatementLineView = z.infer<typeof StatementLineView>;

export const StatementView = z.object({
  account: AccountItem,
  from: LocalDate,
  to: LocalDate,
  /** The data is as of the last sync with the central service (null: never synced). */
  dataAsOf: IsoDateTime.nullable(),
  openingCents: Cents,
  closingCents: Cents,
  lines: z.array(StatementLineView),
  totals: z.object({
    meals: z.number().int(),
    mealsCents: Cents,
    paidCents: Cents,
    voidsCents: Cents,
    adjustmentsCents: Cents,
  }),
});
export type StatementView = z.infer<typeof StatementView>;

/** How many movements the short slip lists at most. */
export const SHORT_STATEMENT_MAX = 30;

export const statementChannels = {
  /** The estratto conto of a period (default: the school year so far); with pdf, also saved as an A4 PDF. */
  'statements.account': channel(
    z
      .object({ accountId: Id, from: LocalDate.optional(), to: LocalDate.optional(), pdf: z.boolean().optional() })
      .strict(),
    z.object({ statement: StatementView, pdfPath: z.string().nullable() }),
    frontOfficeOnly(
      "L'estratto conto completo si consulta e si stampa in A4 solo allo sportello dei Servizi Educativi; in farmacia si stampano gli ultimi movimenti sulla stampante delle ricevute.",
    ),
  ),
  /** The last movements on the receipt printer: the pharmacy's way (minimised), also at the front office. */
  'statements.printShort': channel(
    z.object({ accountId: Id, last: z.number().int().min(1).max(SHORT_STATEMENT_MAX).optional() }).strict(),
    z.object({ text: z.string() }).extend(PrintOutcome.shape),
    MINIMISED_AT_PHARMACY,
  ),
} as const;
