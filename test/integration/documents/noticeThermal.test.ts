import { describe, expect, it } from 'vitest';
import { NOT_REGISTERED_WARNING } from '../../../shared/pagopa/text';
import { encodeReceipt } from '../../../src-main/printing/escpos';
import {
  NOTICE_THERMAL_TITLE,
  renderNoticeThermal,
  type NoticeThermalData,
} from '../../../src-main/notices/noticeText';
import { decodeEscPos } from '../../support/escpos-decoder';

const data: NoticeThermalData = {
  header: ['COMUNE DI CARRARA', 'Servizi Educativi e Scolastici'],
  enteName: 'Comune di Carrara',
  enteFiscalCode: '00123450454',
  subject: 'Ricarica refezione scolastica',
  childLabel: 'Giulia R.',
  nav: '301000000001234519',
  amountCents: 102099,
  dueDate: '2026-12-31',
  registered: true,
};

const flat = (text: string) => text.replace(/\s+/g, ' ');
const PERSONAL_CF = /[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]/i;

describe('renderNoticeThermal', () => {
  it('prints the essential data in 48 columns and returns the pagoPA QR payload', () => {
    const { text, qr } = renderNoticeThermal(data);
    expect(qr).toBe('PAGOPA|002|301000000001234519|00123450454|102099');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(48);
    const t = flat(text);
    expect(t).toContain('COMUNE DI CARRARA');
    expect(t).toContain(NOTICE_THERMAL_TITLE);
    expect(t).toContain('Ente creditore: Comune di Carrara');
    expect(t).toContain('Codice fiscale ente: 00123450454');
    expect(t).toContain('Oggetto: Ricarica refezione scolastica');
    expect(t).toContain('Consumatore: Giulia R.');
    expect(t).toContain('Codice avviso: 3010 0000 0001 2345 19');
    expect(t).toMatch(/IMPORTO +€ 1\.020,99/);
    expect(t).toContain('Scadenza: 31/12/2026');
    expect(t).not.toContain('ATTENZIONE');
  });

  it('says "senza scadenza" and carries the not-registered warning when due', () => {
    const t = flat(renderNoticeThermal({ ...data, dueDate: null, registered: false }).text);
    expect(t).toContain('Scadenza: senza scadenza');
    expect(t).toContain('*** ATTENZIONE ***');
    expect(t).toContain(NOT_REGISTERED_WARNING);
  });

  it('never prints a personal codice fiscale, even when one slips into the free text', () => {
    const { text, qr } = renderNoticeThermal({
      ...data,
      subject: 'Ricarica per RSSMRA72L09H501S',
      childLabel: 'Giulia R. (rssmra72l09h50ms)',
    });
    expect(text).not.toMatch(PERSONAL_CF);
    expect(qr).not.toMatch(PERSONAL_CF);
    expect(text).toContain('Ricarica per ****************');
  });

  it('refuses a wrong codice avviso rather than print an unpayable notice', () => {
    expect(() => renderNoticeThermal({ ...data, nav: '301000000001234518' })).toThrow(/codice avviso/);
  });

  it('goes through the ESC/POS encoder: text in PC858, one QR model 2 with ECC M holding the payload', () => {
    const { text, qr } = renderNoticeThermal({ ...data, enteName: 'Comune di Carrara — Città', registered: false });
    const decoded = decodeEscPos(encodeReceipt(text, { qr }));
    expect(decoded.qr).toEqual(['PAGOPA|002|301000000001234519|00123450454|102099']);
    expect(decoded.qrSymbols[0]?.model).toBe(2);
    expect(decoded.qrSymbols[0]?.ecc).toBe('M');
    expect(decoded.codePages).toContain(19);
    const printed = flat(decoded.text);
    expect(printed).toContain('Codice avviso: 3010 0000 0001 2345 19');
    expect(printed).toContain('€ 1.020,99');
    expect(printed).toContain('Comune di Carrara - Città');
    expect(printed).toContain('fino alla conferma non può essere pagato');
    expect(printed).not.toMatch(PERSONAL_CF);
    expect(decoded.cuts).toBe(1);
  });
});
