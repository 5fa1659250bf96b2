/**
 * Codice avviso (NAV) and IUV of pagoPA (SACI 1.3.1, chapter 2). A NAV is always 18 digits:
 * aux digit, then (for aux 0 and 3) a two-digit code, then the rest of the IUV. We generate only
 * aux 3 (`3` + segregation code + 13-digit base + 2 check digits), but validate every aux digit
 * because a family may bring a notice issued elsewhere.
 */

/** Two check digits: the number mod 93, written with two digits. */
export function checkDigits93(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new Error(`cifre di controllo su un valore non numerico: "${digits}"`);
  return (BigInt(digits) % 93n).toString().padStart(2, '0');
}

/** NAV and IUV with aux digit 3 from the Ente's segregation code and a 13-digit base. */
export function buildNav3(segregationCode: string, base13: string): { nav: string; iuv: string } {
  if (!/^\d{2}$/.test(segregationCode)) throw new Error(`codice di segregazione non valido: "${segregationCode}"`);
  if (!/^\d{13}$/.test(base13)) throw new Error(`base del codice avviso non valida: "${base13}"`);
  const body = `3${segregationCode}${base13}`;
  const nav = body + checkDigits93(body);
  return { nav, iuv: nav.slice(1) };
}

/** True for an 18-digit NAV whose check digits (where its aux digit has them) are right. */
export function isValidNav(nav: string): boolean {
  if (!/^\d{18}$/.test(nav)) return false;
  switch (nav.charAt(0)) {
    case '0':
    case '2':
    case '3':
      // Aux 0, 2 and 3 all end with the check digits of everything before them.
      return checkDigits93(nav.slice(0, 16)) === nav.slice(16);
    case '1':
      // Aux 1: a 17-digit IUV chosen by the Ente, without check digits.
      return true;
    default:
      return false;
  }
}

/** What an operator typed or a scanner sent ("3010 0000 0001 2345 19"): the 18 digits, or null. */
export function normalizeNav(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  return isValidNav(digits) ? digits : null;
}

/** The IUV inside a NAV: for aux 0 the two-digit application code is not part of it. */
export function iuvOfNav(nav: string): string {
  if (!isValidNav(nav)) throw new Error(`codice avviso non valido: "${nav}"`);
  return nav[0] === '0' ? nav.slice(3) : nav.slice(1);
}

/** As printed on the notice: groups of four digits, "3010 0000 0001 2345 19". */
export function formatNavGroups(nav: string): string {
  return nav.replace(/\s/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');
}
