import { z } from 'zod';
import { Service } from '../domain';
import { frontOfficeOnly, MINIMISED_AT_PHARMACY } from './access';
import { Cents, channel, Id, IsoDateTime, LocalDate, PrintOutcome } from './common';

/** pagoPA payment notices (avvisi di pagamento). */

/** emesso: made at this counter, not yet known centrally (a PSP refuses it); registrato: the central
 * service holds the debt position; then pagato, annullato or scaduto. */
export const NOTICE_STATES = ['emesso', 'registrato', 'pagato', 'annullato', 'scaduto'] as const;
export const NoticeState = z.enum(NOTICE_STATES);
export type NoticeState = z.infer<typeof NoticeState>;

/** One payable item of a notice: the single payment, or one instalment (rata) with its own codice avviso. */
export const NoticePayment = z.object({
  /** Codice avviso, 18 digits, no spaces. */
  nav: z.string().regex(/^\d{18}$/),
  iuv: z.string().regex(/^\d{17}$/),
  amountCents: Cents,
  dueDate: LocalDate.nullable(),
  /** 1-based instalment number; null for the single payment. */
  installment: z.number().int().positive().nullable(),
});
export type NoticePayment = z.infer<typeof NoticePayment>;

export const NoticeView = z.object({
  noticeId: Id,
  /** Codice avviso of the single payment, or of the first instalment. */
  nav: z.string(),
  iuv: z.string(),
  accountId: Id,
  papayCode: z.string(),
  service: Service,
  /** As the role may see it (first name and surname initial at a pharmacy). */
  childLabel: z.string(),
  /** The debtor (adulto di riferimento); absent at a pharmacy. */
  debtor: z.object({ name: z.string(), fiscalCode: z.string() }).optional(),
  subject: z.string(),
  amountCents: Cents,
  dueDate: LocalDate.nullable(),
  payments: z.array(NoticePayment).min(1),
  state: NoticeState,
  /** A cancellation was asked and the central service has not answered yet. */
  cancelRequested: z.boolean(),
  createdAt: IsoDateTime,
  counterCode: z.string(),
  paidAt: IsoDateTime.nullable(),
  /** Italian, for the operator: e.g. not yet registered, so a PSP refuses it until the sync. Null when all is well. */
  warning: z.string().nullable(),
});
export type NoticeView = z.infer<typeof NoticeView>;

const FRONT_OFFICE_ONLY = frontOfficeOnly(
  'Gli avvisi pagoPA si emettono, si ristampano in A4 e si annullano solo allo sportello dei Servizi Educativi.',
);

export const noticeChannels = {
  /** Issues a pagoPA notice for an account: the A4 PDF is saved in the data folder. */
  'notices.issue': channel(
    z
      .object({
        accountId: Id,
        amountCents: z.number().int(),
        subject: z.string().trim().min(3).max(90),
        dueDate: LocalDate.optional(),
        /** Instalments (rate): amounts and due dates; their sum must equal amountCents. */
        installments: z
          .array(z.object({ amountCents: z.number().int(), dueDate: LocalDate }).strict())
          .min(2)
          .max(12)
          .optional(),
      })
      .strict(),
    z.object({ noticeId: Id, nav: z.string(), iuv: z.string(), pdfPath: z.string(), notice: NoticeView }),
    FRONT_OFFICE_ONLY,
  ),
  /** By codice avviso, Pa-Pay code or codice fiscale (a pharmacy: codice avviso or Pa-Pay only). */
  'notices.find': channel(
    z.object({ query: z.string().max(100) }).strict(),
    z.object({ items: z.array(NoticeView) }),
    MINIMISED_AT_PHARMACY,
  ),
  /** Writes the A4 PDF again and answers with its path. */
  'notices.reprint': channel(
    z.object({ noticeId: Id }).strict(),
    z.object({ noticeId: Id, pdfPath: z.string() }),
    FRONT_OFFICE_ONLY,
  ),
  /** The notice on the receipt printer (80 mm, with its QR): the pharmacy's way, also at the front office. */
  'notices.printThermal': channel(
    z.object({ noticeId: Id }).strict(),
    z.object({ noticeId: Id, text: z.string() }).extend(PrintOutcome.shape),
    MINIMISED_AT_PHARMACY,
  ),
  /** Asks the central service to cancel an unpaid notice; a payment that arrived first wins. */
  'notices.cancel': channel(
    z.object({ noticeId: Id, reason: z.string().trim().min(3).max(200) }).strict(),
    z.object({ notice: NoticeView, message: z.string() }),
    FRONT_OFFICE_ONLY,
  ),
} as const;
