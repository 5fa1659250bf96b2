/** Money is an integer of euro cents everywhere; these are the only conversions. */

// 'always': it-IT would otherwise print 1234,56 without the thousands dot.
const euroFormat = new Intl.NumberFormat('it-IT', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: 'always',
});

/** 123456 -> "1.234,56" (no currency sign). */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`importo non intero: ${cents}`);
  // -0 (e.g. minus an empty sum of voids) would otherwise print as "-0,00".
  return euroFormat.format(cents === 0 ? 0 : cents / 100);
}

/** 123456 -> "€ 1.234,56" */
export function formatEuro(cents: number): string {
  return `€ ${formatCents(cents)}`;
}

/**
 * Parses what an operator types: "20", "20,5", "20,50", "1.234,56", "20.50" (a dot followed by
 * exactly two digits and nothing else is read as decimals). Returns cents, or null when unreadable.
 */
export function parseEuroInput(text: string): number | null {
  const t = text.trim().replace(/^€\s*/, '').replace(/\s*€$/, '').replace(/\s/g, '');
  if (t === '') return null;
  let intPart: string;
  let decPart = '';
  if (/^\d+\.\d{1,2}$/.test(t)) {
    [intPart, decPart] = t.split('.') as [string, string];
  } else if (/^\d{1,3}(\.\d{3})*(,\d{1,2})?$/.test(t) || /^\d+(,\d{1,2})?$/.test(t)) {
    const [i, d = ''] = t.split(',') as [string, string?];
    intPart = i.replace(/\./g, '');
    decPart = d ?? '';
  } else {
    return null;
  }
  const cents = Number(intPart) * 100 + Number(decPart.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/**
 * Whether what is in an amount field is a code read by the barcode scanner (a codice Pa-Pay, a
 * codice avviso, a codice fiscale) rather than an amount: parseEuroInput would read the Pa-Pay code
 * "0000000018" as 18 euro. Seven digits in a row, or the start of a codice fiscale.
 */
export function looksLikeCode(text: string): boolean {
  const t = text.replace(/\s/g, '');
  return /\d{7,}/.test(t) || /^[A-Z]{6}\d{2}[A-Z]/i.test(t);
}

export const CODE_NOT_AMOUNT =
  "Questo è un codice letto dal lettore, non un importo: scrivere l'importo in euro, per esempio 20 oppure 20,50.";
