import path from 'node:path';
import type { RegistrationView } from '../../shared/contract';
import { registrationReads } from './queries';
import type { CoreContext } from '../core/context';
import { enrolmentSummaryDocument } from '../documents/enrolmentSummaryPdf';
import { renderPdf, writeFileAtomically } from '../documents/pdf';

/** Where the summary of a registration lives: `<dataDir>/documents/iscrizioni/<registrationId>.pdf`. */
export function summaryPath(dataDir: string, registrationId: string): string {
  return path.join(dataDir, 'documents', 'iscrizioni', `${registrationId}.pdf`);
}

/**
 * Renders the summary from the registration as it is now (a code confirmed since is shown as
 * real) and writes it atomically, replacing an earlier copy. Returns the absolute path.
 */
export async function writeSummary(ctx: CoreContext, registration: RegistrationView): Promise<string> {
  const consent = registrationReads(ctx.db.sqlite).consentText.get(registration.registrationId);
  if (consent === undefined) throw new Error(`iscrizione ${registration.registrationId} non trovata`);
  const pdf = await renderPdf(
    enrolmentSummaryDocument({
      registration,
      header: ctx.counter.config.receiptHeader,
      place: 'Carrara',
      counterName: ctx.counter.name,
      consentText: consent,
    }),
  );
  const file = path.resolve(summaryPath(ctx.dataDir, registration.registrationId));
  writeFileAtomically(file, pdf);
  return file;
}
