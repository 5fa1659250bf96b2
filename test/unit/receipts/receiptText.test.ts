import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  CASH_NOT_DEDUCTIBLE_NOTICE,
  COPY_MARK,
  MISSING_PAYER_CF_WARNING,
  markAsCopy,
  renderReceiptText,
} from '../../../src-main/receipts/receiptText';
import { receiptData } from './fixtures';

const lines = (text: string) => text.split('\n');
/** The text as one line, so that a sentence wrapped over several lines can be looked for. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** True when every character survives a round trip through code page 858 (checked with iconv, not our table). */
const fitsPc858 = (text: string) => iconv.decode(iconv.encode(text, 'cp858'), 'cp858') === text;

describe('renderReceiptText', () => {
  it('prints every part of a cash top-up', () => {
    const text = renderReceiptText(receiptData());
    expect(lines(text)[0]).toBe('               COMUNE DI CARRARA');
    for (const expected of [
      'Servizi Educativi e Scolastici',
      'Farmacia Comunale La Perla',
      'Via Aurelia 123, 54033 Carrara (MS)',
      'RICEVUTA DI RICARICA',
      'Numero: FP2/2026/000042',
      'Data e ora: 28/11/2026 14:05',
      'Operatore: Niccolò Bertè (OP07)',
      'Consumatore: Giulia R.',
      'Scuola: Scuola primaria Doganella',
      'Servizio: Refezione scolastica',
      'Codice Pa-Pay: 1234567897',
      'Metodo: Contanti',
      'Pagamento tracciabile: no',
      'Operazione: 0190f5c2-7d3a-7b1e-9c4d-2f6a8b0e1d23',
    ]) {
      expect(text).toContain(expected);
    }
    expect(lines(text)).toContain('IMPORTO                                  € 20,00');
    expect(lines(text)).toContain('Saldo prima della ricarica               € 10,50');
    expect(lines(text)).toContain('Saldo dopo la ricarica                   € 30,50');
    expect(flat(text)).toContain('Saldi calcolati dal saldo al 28/11/2026 08:00');
    expect(flat(text)).toContain(CASH_NOT_DEDUCTIBLE_NOTICE);
    expect(flat(text)).toContain(MISSING_PAYER_CF_WARNING);
    expect(text).not.toContain('Autorizzazione POS');
    expect(text).not.toContain('RICEVUTA DI STORNO');
    expect(text).not.toContain('bollo');
  });

  it('prints a card top-up as traceable, with POS code and payer CF, without the cash notice', () => {
    const text = renderReceiptText(receiptData({ method: 'card', posAuthCode: 'A12345', payerCf: 'rssmra80a01f023x' }));
    expect(text).toContain('Metodo: Bancomat/carta');
    expect(text).toContain('Autorizzazione POS: A12345');
    expect(text).toContain('Pagamento tracciabile: sì');
    expect(text).toContain('CF del pagatore: RSSMRA80A01F023X');
    expect(flat(text)).not.toContain(CASH_NOT_DEDUCTIBLE_NOTICE);
    expect(flat(text)).not.toContain(MISSING_PAYER_CF_WARNING);
  });

  it('keeps the cash notice and drops the CF warning for cash with a payer CF', () => {
    const text = renderReceiptText(receiptData({ payerCf: 'RSSMRA80A01F023X' }));
    expect(flat(text)).toContain(CASH_NOT_DEDUCTIBLE_NOTICE);
    expect(flat(text)).not.toContain(MISSING_PAYER_CF_WARNING);
    expect(text).toContain('CF del pagatore: RSSMRA80A01F023X');
  });

  it('treats a blank payer CF as missing', () => {
    expect(flat(renderReceiptText(receiptData({ payerCf: '  ' })))).toContain(MISSING_PAYER_CF_WARNING);
  });

  it('prints the stamp duty only when the caller decided it applies', () => {
    const text = renderReceiptText(
      receiptData({
        amountCents: 10_000,
        stampDuty: { text: 'Imposta di bollo assolta in modo virtuale', amountCents: 200 },
      }),
    );
    expect(lines(text)).toContain('Imposta di bollo assolta in modo virtuale € 2,00');
    expect(lines(text)).toContain('IMPORTO                                 € 100,00');
  });

  it('wraps a long stamp duty wording and keeps its amount flush right', () => {
    const wording = 'Imposta di bollo di euro 2,00 assolta in modo virtuale ai sensi del DPR 642/1972';
    const text = renderReceiptText(receiptData({ stampDuty: { text: wording, amountCents: 200 } }));
    expect(flat(text)).toContain(wording);
    expect(lines(text)).toContain(' '.repeat(42) + '€ 2,00');
  });

  it('prints a storno with the original receipt, reason and supervisor and no tax notes', () => {
    const text = renderReceiptText(
      receiptData({
        kind: 'storno',
        receiptNo: 'FP2/2026/000043',
        balanceBeforeCents: 3050,
        balanceAfterCents: 1050,
        storno: { originalReceiptNo: 'FP2/2026/000042', reason: 'Importo sbagliato', supervisor: 'Anna Neri (SUP1)' },
      }),
    );
    expect(text).toContain('RICEVUTA DI STORNO');
    expect(text).not.toContain('RICEVUTA DI RICARICA');
    expect(lines(text)).toContain('IMPORTO STORNATO                         € 20,00');
    expect(lines(text)).toContain('Saldo prima dello storno                 € 30,50');
    expect(lines(text)).toContain('Saldo dopo lo storno                     € 10,50');
    expect(text).toContain('Storna la ricevuta: FP2/2026/000042');
    expect(text).toContain('Motivo: Importo sbagliato');
    expect(text).toContain('Autorizzato da: Anna Neri (SUP1)');
    expect(flat(text)).not.toContain(CASH_NOT_DEDUCTIBLE_NOTICE);
    expect(flat(text)).not.toContain(MISSING_PAYER_CF_WARNING);
  });

  it('says when no central balance has been received yet', () => {
    const text = flat(renderReceiptText(receiptData({ balanceAsOf: null })));
    expect(text).toContain('nessun saldo ricevuto finora dal sistema centrale');
    expect(text).not.toContain('saldo al');
  });

  it('keeps Italian accents and the euro sign, and replaces typographic punctuation', () => {
    const text = renderReceiptText(
      receiptData({ school: 'Scuola “Città di Carrara” – plesso Avenza…', child: 'Niccolò D’Angelo' }),
    );
    expect(flat(text)).toContain('Scuola: Scuola "Città di Carrara" - plesso Avenza...');
    expect(text).toContain("Consumatore: Niccolò D'Angelo");
    expect(text).toContain('€');
    expect(fitsPc858(text)).toBe(true);
  });

  it('reduces letters outside the code page to their base letter and the rest to "?"', () => {
    const text = renderReceiptText(receiptData({ child: 'Zoë Dvořák Łukasz 😀' }));
    expect(text).toContain('Consumatore: Zoë Dvorák ?ukasz ?');
  });

  it('wraps and centres header lines longer than the paper', () => {
    const header = 'Comune di Carrara - Settore Servizi Educativi, Scolastici e Politiche Giovanili';
    const text = renderReceiptText(receiptData({ header: [header] }));
    const top = lines(text).slice(0, 2);
    expect(top.map((l) => l.trim()).join(' ')).toBe(header);
    for (const l of top) {
      const pad = l.length - l.trimStart().length;
      expect(Math.abs(pad - (48 - l.trim().length) / 2)).toBeLessThanOrEqual(0.5);
    }
  });

  it('cuts a value with no spaces that is wider than the paper', () => {
    const reason = 'X'.repeat(100);
    const text = renderReceiptText(
      receiptData({ kind: 'storno', storno: { originalReceiptNo: 'A/1', reason, supervisor: 'S' } }),
    );
    const start = lines(text).findIndex((l) => l.startsWith('Motivo: '));
    const block = lines(text).slice(start, start + 3);
    expect(block[0]).toHaveLength(48);
    expect(block.map((l) => l.replace(/^Motivo: /, '').trim()).join('')).toBe(reason);
  });

  it('never exceeds 48 columns and prints only PC858 characters, whatever the data', () => {
    const anyText = fc.string({ unit: 'grapheme', maxLength: 120 });
    fc.assert(
      fc.property(
        fc.record({
          header: fc.array(anyText, { minLength: 1, maxLength: 3 }),
          counterName: anyText,
          counterAddress: anyText,
          operator: anyText,
          child: anyText,
          school: anyText,
          reason: anyText,
          supervisor: anyText,
          duty: anyText,
          cf: fc.option(anyText),
          pos: fc.option(anyText),
          amount: fc.integer({ min: 1, max: 100_000_000 }),
          before: fc.integer({ min: -100_000_000, max: 100_000_000 }),
          method: fc.constantFrom('cash' as const, 'card' as const),
        }),
        (r) => {
          const text = renderReceiptText(
            receiptData({
              header: r.header,
              counterName: r.counterName,
              counterAddress: r.counterAddress,
              operator: r.operator,
              child: r.child,
              school: r.school,
              payerCf: r.cf,
              posAuthCode: r.pos,
              method: r.method,
              amountCents: r.amount,
              balanceBeforeCents: r.before,
              balanceAfterCents: r.before + r.amount,
              stampDuty: { text: r.duty, amountCents: 200 },
              kind: 'storno',
              storno: { originalReceiptNo: 'FP2/2026/000001', reason: r.reason, supervisor: r.supervisor },
            }),
          );
          for (const l of lines(text)) expect(l.length).toBeLessThanOrEqual(48);
          expect(fitsPc858(text)).toBe(true);
          const controls = [...text].filter((c) => c !== '\n' && (c < ' ' || c === '\u007f'));
          expect(controls).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('markAsCopy', () => {
  const original = renderReceiptText(receiptData());

  it('marks the top and the bottom and keeps the original in between', () => {
    const copy = lines(markAsCopy(original));
    expect(copy[0]?.trim()).toBe(COPY_MARK);
    expect(copy.at(-1)?.trim()).toBe(COPY_MARK);
    expect(copy.slice(1, -1).join('\n')).toBe(original);
    for (const l of copy) expect(l.length).toBeLessThanOrEqual(48);
  });

  it('does not stack marks when a copy is copied', () => {
    expect(markAsCopy(markAsCopy(original))).toBe(markAsCopy(original));
  });
});
