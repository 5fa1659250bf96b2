import type { NoticeState } from '../../shared/contract';
import type { Service } from '../../shared/domain';

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

export type DateInput = { ok: true; date: string | null } | { ok: false; message: string };

/**
 * What the operator typed as a date: "31/01/2027", "31-1-2027", "31.01.2027" or "31012027";
 * empty means no date. Answers "YYYY-MM-DD", refusing dates that do not exist (31/02).
 */
export function parseItalianDate(text: string): DateInput {
  const t = text.trim();
  if (t === '') return { ok: true, date: null };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return { ok: false, message: `Data non leggibile "${t}": scrivere gg/mm/aaaa, per esempio 31/01/2027.` };
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `La data ${t} non esiste.` };
  }
  return { ok: true, date: `${year}-${pad2(month)}-${pad2(day)}` };
}

/** "2027-01-31" -> "31/01/2027" (for the editable fields). */
export function toItalianDate(localDate: string): string {
  const [y, m, d] = localDate.split('-');
  return `${d}/${m}/${y}`;
}

/** The same day `months` later; the 31st becomes the last day of a shorter month. */
export function addMonths(localDate: string, months: number): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad2(month)}-${pad2(Math.min(d, daysInMonth(year, month)))}`;
}

export function addDays(localDate: string, days: number): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d + days));
  return at.toISOString().slice(0, 10);
}

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

/**
 * The address at which the browser host serves a saved PDF: the part of its absolute path after
 * the data folder's `documents` folder (Windows or POSIX separators), each segment encoded.
 * Null when the path is not inside a documents folder.
 */
export function documentUrl(pdfPath: string): string | null {
  const normalised = pdfPath.replace(/\\/g, '/');
  const marker = '/documents/';
  const at = normalised.lastIndexOf(marker);
  if (at < 0) return null;
  const rel = normalised.slice(at + marker.length);
  if (rel === '' || rel.split('/').some((s) => s === '' || s === '.' || s === '..')) return null;
  return `documents/${rel.split('/').map(encodeURIComponent).join('/')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
