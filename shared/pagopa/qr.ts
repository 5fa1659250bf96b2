/**
 * Content of the pagoPA QR code: `PAGOPA|002|<NAV>|<CF ente>|<amount in cents>`, the amount
 * unpadded but with at least two digits (5 cents -> "05", 0 -> "00"), as the pagoPA print service
 * writes it. Banking apps read the notice from this string alone, so it is checked hard here.
 */
import { isValidNav } from './nav';

export const PAGOPA_QR_PREFIX = 'PAGOPA|002|';

export function pagopaQrPayload(nav: string, enteFiscalCode: string, amountCents: number): string {
  if (!isValidNav(nav)) throw new Error(`codice avviso non valido: "${nav}"`);
  if (!/^\d{11}$/.test(enteFiscalCode)) throw new Error(`codice fiscale dell'ente non valido: "${enteFiscalCode}"`);
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new Error(`importo non valido: ${amountCents}`);
  return `${PAGOPA_QR_PREFIX}${nav}|${enteFiscalCode}|${String(amountCents).padStart(2, '0')}`;
}

/** Reads a payload back (tests, and a scanner at the counter): null when it is not a pagoPA QR. */
export function parsePagopaQr(payload: string): { nav: string; enteFiscalCode: string; amountCents: number } | null {
  const m = /^PAGOPA\|002\|(\d{18})\|(\d{11})\|(\d{2,})$/.exec(payload);
  if (m === null) return null;
  const [, nav = '', enteFiscalCode = '', cents = ''] = m;
  if (!isValidNav(nav)) return null;
  return { nav, enteFiscalCode, amountCents: Number(cents) };
}
