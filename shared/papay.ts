/**
 * Codice Pa-Pay (codice personale di ricarica): one per account (child + service).
 * The real format belongs to the central service; until it says otherwise ours is
 * 10 digits whose last is a Luhn check digit, so a typo is caught before any lookup.
 * This file is the only place that knows the format.
 */
export const PAPAY_LENGTH = 10;

/** Luhn check digit over a string of digits (the payload, without the check digit). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // Double every second digit counting from the right of the payload (the check digit will sit right of it).
    let d = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Builds a full code from a 9-digit serial. */
export function makePapayCode(serial: number): string {
  if (!Number.isSafeInteger(serial) || serial < 0 || serial > 999_999_999) {
    throw new Error(`serial Pa-Pay fuori intervallo: ${serial}`);
  }
  const payload = String(serial).padStart(PAPAY_LENGTH - 1, '0');
  return payload + String(luhnCheckDigit(payload));
}

export type PapayCheck = { valid: true; code: string } | { valid: false; message: string };

/** Reads what an operator typed or a scanner sent (spaces and dashes tolerated). */
export function checkPapayCode(input: string): PapayCheck {
  const code = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(code)) return { valid: false, message: 'Il codice Pa-Pay contiene solo cifre.' };
  if (code.length !== PAPAY_LENGTH) {
    return {
      valid: false,
      message: `Il codice Pa-Pay ha ${PAPAY_LENGTH} cifre: ne sono state inserite ${code.length}.`,
    };
  }
  const expected = luhnCheckDigit(code.slice(0, -1));
  if (Number(code.at(-1)) !== expected) {
    return {
      valid: false,
      message: 'Codice Pa-Pay non valido: la cifra di controllo non corrisponde. Ricontrolla il codice.',
    };
  }
  return { valid: true, code };
}

/** True when the text looks like someone meant a Pa-Pay code (only digits, spaces or dashes). */
export function looksLikePapay(input: string): boolean {
  return /^[\d\s-]+$/.test(input.trim()) && /\d/.test(input);
}
