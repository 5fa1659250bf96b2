/**
 * 11-digit codes: partita IVA, codice fiscale of an entity, provisional codice fiscale of a person.
 * Check digit (Sogei): odd positions as they are, even positions doubled (minus 9 above 9);
 * check = (10 - sum mod 10) mod 10.
 */
export function isValidTaxCode11(input: string): boolean {
  const code = input.replace(/\s/g, '');
  if (!/^\d{11}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = code.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === code.charCodeAt(10) - 48;
}
