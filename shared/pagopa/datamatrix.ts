/**
 * Content of the Poste Italiane Data Matrix on the Bollettino postale PA: a fixed 256-character
 * string (layout in pagopa.md §2, the same in pagoPA's generator, its toolkit and GovPay). Every
 * field sits at a fixed offset, so free text is folded to uppercase ASCII one character for one
 * (accents stripped, anything else a space) and cut or padded to its width.
 */
import { isValidNav } from './nav';
import { fixedWidth, foldToUpperAscii } from './text';

export interface PosteDataMatrixInput {
  nav: string;
  /** Postal current account of the Ente, up to 12 digits. */
  postalAccount: string;
  amountCents: number;
  enteFiscalCode: string;
  /** Codice fiscale (16) or P.IVA (11) of the debtor; null when unknown (the field stays blank). */
  debtorFiscalCode: string | null;
  debtorName: string;
  subject: string;
}

export const POSTE_DATAMATRIX_LENGTH = 256;

/** Offsets of each field (start, length), for readers and tests. */
export const POSTE_DATAMATRIX_FIELDS = {
  prefix: [0, 13],
  navTag: [13, 2],
  nav: [15, 18],
  accountTag: [33, 2],
  account: [35, 12],
  amountTag: [47, 2],
  amount: [49, 10],
  documentType: [59, 4],
  phase: [63, 3],
  enteFiscalCode: [66, 11],
  debtorFiscalCode: [77, 16],
  debtorName: [93, 40],
  subject: [133, 110],
  filler: [243, 12],
  terminator: [255, 1],
} as const satisfies Record<string, readonly [number, number]>;

export function posteDataMatrix(input: PosteDataMatrixInput): string {
  if (!isValidNav(input.nav)) throw new Error(`codice avviso non valido: "${input.nav}"`);
  if (!/^\d{1,12}$/.test(input.postalAccount)) {
    throw new Error(`conto corrente postale non valido: "${input.postalAccount}"`);
  }
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 0 || input.amountCents > 9_999_999_999) {
    throw new Error(`importo non valido per il bollettino: ${input.amountCents}`);
  }
  if (!/^\d{11}$/.test(input.enteFiscalCode)) {
    throw new Error(`codice fiscale dell'ente non valido: "${input.enteFiscalCode}"`);
  }
  const debtorCf = (input.debtorFiscalCode ?? '').trim().toUpperCase();
  if (debtorCf !== '' && !/^[A-Z0-9]{11,16}$/.test(debtorCf)) {
    throw new Error(`codice fiscale del debitore non valido: "${debtorCf}"`);
  }
  const text =
    'codfase=NBPA;' +
    '18' +
    input.nav +
    '12' +
    input.postalAccount.padStart(12, '0') +
    '10' +
    String(input.amountCents).padStart(10, '0') +
    '3' +
    '896' +
    '1P1' +
    input.enteFiscalCode +
    fixedWidth(debtorCf, 16) +
    fixedWidth(foldToUpperAscii(collapse(input.debtorName)), 40) +
    fixedWidth(foldToUpperAscii(collapse(input.subject)), 110) +
    ' '.repeat(12) +
    'A';
  // Guards the layout itself: a wrong width anywhere above would shift every later field.
  if (text.length !== POSTE_DATAMATRIX_LENGTH) {
    throw new Error(`Data Matrix di ${text.length} caratteri invece di ${POSTE_DATAMATRIX_LENGTH}`);
  }
  return text;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
