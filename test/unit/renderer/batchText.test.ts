import { describe, expect, it } from 'vitest';
import type { BatchResult } from '../../../shared/contract';
import { batchPercent, batchProgressText, batchResultText } from '../../../src-renderer/family/batchText';

const done: BatchResult = {
  taxYear: 2025,
  folder: '/dati/documents/attestazioni/2025-lotto',
  indexPath: '/dati/documents/attestazioni/2025-lotto/indice.csv',
  total: 5_000,
  written: 3_899,
  rewritten: 1,
  skipped: 1_100,
  stopped: false,
};

describe('the batch on screen', () => {
  it('turns the progress event into the bar and the line under it', () => {
    expect(batchPercent(null)).toBe(0);
    expect(batchPercent({ taxYear: 2025, done: 1_234, total: 5_000 })).toBe(24);
    expect(batchPercent({ taxYear: 2025, done: 5_000, total: 5_000 })).toBe(100);
    expect(batchPercent({ taxYear: 2025, done: 0, total: 0 })).toBe(100);
    // Italian groups thousands from five digits on (CLDR), as the browser writes them.
    expect(batchProgressText({ taxYear: 2025, done: 1_200, total: 15_000 }, true)).toBe(
      '1200 di 15.000 attestazioni del 2025',
    );
    expect(batchProgressText(null, true)).toBe('Avvio del lotto…');
    expect(batchProgressText(null, false)).toBe("Scrivere l'anno d'imposta e premere Invio.");
  });

  it('says what a run did: complete with its folder, stopped with how to go on, or nobody to write', () => {
    expect(batchResultText(done)).toBe(
      'Lotto del 2025 completo: 3899 scritte ora, 1 riscritte (file mancante, stesso protocollo), 1100 già scritte su 5000. ' +
        'Cartella /dati/documents/attestazioni/2025-lotto, indice /dati/documents/attestazioni/2025-lotto/indice.csv.',
    );
    expect(batchResultText({ ...done, written: 100, rewritten: 0, skipped: 0, stopped: true })).toBe(
      "Lotto del 2025 fermato: 100 scritte ora su 5000. Invio riprende da qui; l'indice si scrive alla fine.",
    );
    expect(batchResultText({ ...done, total: 0, written: 0, rewritten: 0, skipped: 0 })).toBe(
      'Nessun pagamento nel 2025: nessuna attestazione da scrivere.',
    );
  });
});
