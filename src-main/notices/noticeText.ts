import { formatEuro } from '../../shared/money';
import { formatNavGroups } from '../../shared/pagopa/nav';
import { pagopaQrPayload } from '../../shared/pagopa/qr';
import { NOT_REGISTERED_WARNING } from '../../shared/pagopa/text';
import { formatLocalDate } from '../../shared/time';
import { RULE, center, field, joinLines, leftRight, wrap } from '../printing/layout';

/**
 * The pagoPA notice on the 80 mm receipt printer (pharmacies, or when no A4 printer is at hand):
 * the essential data and the QR that banking apps scan. It is handed over the counter, so it
 * carries the child's first name and surname initial and never a personal codice fiscale.
 */
export interface NoticeThermalData {
  /** The Comune's header lines from the counter configuration. */
  header: string[];
  enteName: string;
  enteFiscalCode: string;
  subject: string;
  /** Already reduced by the caller, e.g. "Giulia R.". */
  childLabel: string;
  nav: string;
  amountCents: number;
  /** YYYY-MM-DD, or null for a notice without due date. */
  dueDate: string | null;
  /** false: the central has not registered it yet and every PSP refuses it until then. */
  registered: boolean;
}

export const NOTICE_THERMAL_TITLE = 'AVVISO DI PAGAMENTO pagoPA';
export const NOTICE_THERMAL_HOW_TO_PAY =
  "Paga con l'app IO, con il sito o l'app della tua banca o presso i punti aderenti a pagoPA " +
  "(banche, uffici postali, tabaccherie): inquadra il codice QR oppure indica il codice avviso e il codice fiscale dell'ente.";

/**
 * A personal codice fiscale, omocodia included (pagopa.md §3). Anything matching it in free text
 * is masked: the paper leaves the counter and the pharmacy role may not show it.
 */
const PERSONAL_FISCAL_CODE = /[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]/gi;

function withoutPersonalCodes(text: string): string {
  return text.replace(PERSONAL_FISCAL_CODE, '****************');
}

/** The text (48 columns, lines joined by '\n') and the QR payload to hand to `printer.print(name, text, { qr })`. */
export function renderNoticeThermal(d: NoticeThermalData): { text: string; qr: string } {
  // Validates NAV, CF ente and amount before anything is printed.
  const qr = pagopaQrPayload(d.nav, d.enteFiscalCode, d.amountCents);
  const warning = d.registered ? [] : [RULE, ...center('*** ATTENZIONE ***'), ...wrap(NOT_REGISTERED_WARNING)];
  const lines: string[] = [
    ...d.header.flatMap(center),
    RULE,
    ...center(NOTICE_THERMAL_TITLE),
    RULE,
    ...field('Ente creditore', withoutPersonalCodes(d.enteName)),
    ...field('Codice fiscale ente', d.enteFiscalCode),
    ...field('Oggetto', withoutPersonalCodes(d.subject)),
    ...field('Consumatore', withoutPersonalCodes(d.childLabel)),
    RULE,
    ...field('Codice avviso', formatNavGroups(d.nav)),
    ...leftRight('IMPORTO', formatEuro(d.amountCents)),
    ...field('Scadenza', d.dueDate === null ? 'senza scadenza' : formatLocalDate(d.dueDate)),
    ...warning,
    RULE,
    ...wrap(NOTICE_THERMAL_HOW_TO_PAY),
  ];
  return { text: joinLines(lines), qr };
}
