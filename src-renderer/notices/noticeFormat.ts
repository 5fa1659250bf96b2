import type { NoticeState } from '../../shared/contract';
import type { Service } from '../../shared/domain';
import { addMonths } from '../dates';

/** Words and small conversions of the notice screens: pure, so the dialog and the list agree. */

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  emesso: 'Emesso',
  registrato: 'Registrato',
  pagato: 'Pagato',
  annullato: 'Annullato',
  scaduto: 'Scaduto',
};

/** Oggetto proposed for a new notice; the operator may change it (at most 90 characters). */
export const DEFAULT_SUBJECTS: Record<Service, string> = {
  refezione: 'Ricarica refezione scolastica',
  trasporto: 'Quota trasporto scolastico',
  asilo_nido: 'Retta asilo nido',
};

export const SUBJECT_MAX = 90;
export const INSTALMENTS_MAX = 12;

export interface InstalmentDraft {
  amountCents: number;
  dueDate: string;
}

/**
 * Splits an amount into `count` instalments a month apart from `firstDue`. The cents that do not
 * divide evenly go on the first one, so every instalment is a round figure but the first.
 */
export function splitInstalments(totalCents: number, count: number, firstDue: string): InstalmentDraft[] {
  if (!Number.isSafeInteger(totalCents) || totalCents <= 0) return [];
  if (!Number.isInteger(count) || count < 2) return [];
  const base = Math.floor(totalCents / count);
  const rest = totalCents - base * count;
  return Array.from({ length: count }, (_, i) => ({
    amountCents: base + (i === 0 ? rest : 0),
    dueDate: addMonths(firstDue, i),
  }));
}
