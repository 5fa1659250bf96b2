import { CounterInfo } from '../../shared/contract';
import type { Core } from '../core/types';
import { warmUpPdfRenderer } from './pdf';

/**
 * Loads the PDF engine and its fonts ahead of the day's first notice or enrolment summary (about a
 * second otherwise), except at a pharmacy, which never renders an A4 document and keeps its memory.
 */
export async function warmUpDocuments(core: Core, warm: () => Promise<void> = warmUpPdfRenderer): Promise<void> {
  const reply = await core.invoke('', 'counter.info', {});
  const info = reply.ok ? CounterInfo.safeParse(reply.value) : null;
  if (info?.success && info.data.kind === 'farmacia') return;
  await warm();
}
