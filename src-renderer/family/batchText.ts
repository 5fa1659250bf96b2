import type { BatchProgress, BatchResult } from '../../shared/contract';

const count = (n: number) => n.toLocaleString('it-IT');

/** How far the batch has gone, 0-100 (0 before the first event, 100 for a year with nobody to write). */
export function batchPercent(progress: BatchProgress | null): number {
  if (progress === null) return 0;
  if (progress.total === 0) return 100;
  return Math.floor((progress.done * 100) / progress.total);
}

/** "1.200 di 5.000 attestazioni del 2025" under the bar. */
export function batchProgressText(progress: BatchProgress | null, running: boolean): string {
  if (progress === null) return running ? 'Avvio del lotto…' : "Scrivere l'anno d'imposta e premere Invio.";
  return `${count(progress.done)} di ${count(progress.total)} attestazioni del ${progress.taxYear}`;
}

/** What a run did, in the office's words: written now, written again, already there, and where. */
export function batchResultText(r: BatchResult): string {
  const parts = [`${count(r.written)} scritte ora`];
  if (r.rewritten > 0) parts.push(`${count(r.rewritten)} riscritte (file mancante, stesso protocollo)`);
  if (r.skipped > 0) parts.push(`${count(r.skipped)} già scritte`);
  const what = `${parts.join(', ')} su ${count(r.total)}`;
  if (r.stopped) return `Lotto del ${r.taxYear} fermato: ${what}. Invio riprende da qui; l'indice si scrive alla fine.`;
  if (r.total === 0) return `Nessun pagamento nel ${r.taxYear}: nessuna attestazione da scrivere.`;
  return `Lotto del ${r.taxYear} completo: ${what}. Cartella ${r.folder}, indice ${r.indexPath}.`;
}
