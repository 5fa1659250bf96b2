import { describe, expect, it } from 'vitest';
import {
  POSTE_DATAMATRIX_FIELDS,
  POSTE_DATAMATRIX_LENGTH,
  posteDataMatrix,
  type PosteDataMatrixInput,
} from '../../../shared/pagopa/datamatrix';

const input: PosteDataMatrixInput = {
  nav: '301000000001234519',
  postalAccount: '12345678',
  amountCents: 102099,
  enteFiscalCode: '01199250158',
  debtorFiscalCode: 'rssmra72l09h501s',
  debtorName: 'Niccolò Rossi',
  subject: 'Ricarica refezione scolastica',
};

function field(text: string, name: keyof typeof POSTE_DATAMATRIX_FIELDS): string {
  const [start, length] = POSTE_DATAMATRIX_FIELDS[name];
  return text.slice(start, start + length);
}

describe('posteDataMatrix', () => {
  it('is exactly 256 characters', () => {
    expect(posteDataMatrix(input)).toHaveLength(POSTE_DATAMATRIX_LENGTH);
    expect(posteDataMatrix(input)).toHaveLength(256);
  });

  it('puts every field at its position', () => {
    const dm = posteDataMatrix(input);
    expect(dm.slice(0, 13)).toBe('codfase=NBPA;');
    expect(dm.slice(13, 15)).toBe('18');
    expect(dm.slice(15, 33)).toBe('301000000001234519');
    expect(dm.slice(33, 35)).toBe('12');
    expect(dm.slice(35, 47)).toBe('000012345678');
    expect(dm.slice(47, 49)).toBe('10');
    expect(dm.slice(49, 59)).toBe('0000102099');
    expect(dm.slice(59, 63)).toBe('3896');
    expect(dm.slice(63, 66)).toBe('1P1');
    expect(dm.slice(66, 77)).toBe('01199250158');
    expect(dm.slice(77, 93)).toBe('RSSMRA72L09H501S');
    expect(dm.slice(93, 133)).toBe('NICCOLO ROSSI'.padEnd(40, ' '));
    expect(dm.slice(133, 243)).toBe('RICARICA REFEZIONE SCOLASTICA'.padEnd(110, ' '));
    expect(dm.slice(243, 255)).toBe(' '.repeat(12));
    expect(dm.slice(255)).toBe('A');
  });

  it('names the same offsets it writes', () => {
    const dm = posteDataMatrix(input);
    expect(field(dm, 'nav')).toBe(input.nav);
    expect(field(dm, 'amount')).toBe('0000102099');
    expect(field(dm, 'debtorName').trimEnd()).toBe('NICCOLO ROSSI');
    expect(field(dm, 'terminator')).toBe('A');
    const total = Object.values(POSTE_DATAMATRIX_FIELDS).reduce((sum, [, length]) => sum + length, 0);
    expect(total).toBe(256);
  });

  it('cuts long names and subjects to their width, folding accents and odd characters', () => {
    const dm = posteDataMatrix({
      ...input,
      debtorName: 'Maria Antonietta Dell’Acqua Pérez de Castro Sánchez y Núñez',
      subject: `Quota asilo nido — ${'è'.repeat(200)}`,
    });
    expect(dm).toHaveLength(256);
    expect(field(dm, 'debtorName')).toBe('MARIA ANTONIETTA DELL ACQUA PEREZ DE CAS');
    expect(field(dm, 'subject')).toBe(`QUOTA ASILO NIDO   ${'E'.repeat(91)}`);
    expect(field(dm, 'terminator')).toBe('A');
    expect(dm).toMatch(/^[\x20-\x7e]+$/);
  });

  it('leaves the debtor CF blank when unknown and pads a P.IVA', () => {
    expect(field(posteDataMatrix({ ...input, debtorFiscalCode: null }), 'debtorFiscalCode')).toBe(' '.repeat(16));
    expect(field(posteDataMatrix({ ...input, debtorFiscalCode: '01199250158' }), 'debtorFiscalCode')).toBe(
      '01199250158     ',
    );
  });

  it('writes small amounts and short accounts left-padded with zeros', () => {
    const dm = posteDataMatrix({ ...input, amountCents: 5, postalAccount: '1' });
    expect(field(dm, 'amount')).toBe('0000000005');
    expect(field(dm, 'account')).toBe('000000000001');
  });

  it('refuses what would break the layout', () => {
    expect(() => posteDataMatrix({ ...input, nav: '301000000001234518' })).toThrow(/avviso/);
    expect(() => posteDataMatrix({ ...input, postalAccount: '1234567890123' })).toThrow(/postale/);
    expect(() => posteDataMatrix({ ...input, amountCents: 10_000_000_000 })).toThrow(/importo/);
    expect(() => posteDataMatrix({ ...input, debtorFiscalCode: 'RSSMRA72L09H501S1' })).toThrow(/debitore/);
    expect(() => posteDataMatrix({ ...input, enteFiscalCode: '1199250158' })).toThrow(/ente/);
  });
});
