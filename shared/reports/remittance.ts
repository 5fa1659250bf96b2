/**
 * A versamento in Tesoreria as the reports read it: the cash (and, at a pharmacy, the card takings)
 * a counter paid in to the Comune's treasurer, with the bank's reference (quietanza) and the
 * counter's own numbered document. The till sessions record them; the reports only read them.
 */
export interface Remittance {
  counterCode: string;
  /** The day of the versamento, AAAA-MM-GG. */
  date: string;
  amountCents: number;
  /** The bank's reference: quietanza or CRO. */
  reference: string;
  /** The counter's numbered document of the movement. */
  documentNo: string;
}
