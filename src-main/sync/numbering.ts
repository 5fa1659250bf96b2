import type { ReceiptNumbering } from '../../shared/central';
import type { Db } from '../db/open';
import { journal } from '../journal/journal';
import { receiptQueries } from '../receipts/queries';

/** A year in which the central holds receipt numbers of this counter beyond its own sequence. */
export interface NumberingBehind {
  year: number;
  localLastNumber: number;
  centralLastNumber: number;
}

/**
 * Holds this counter's receipt numbering to what the central has: where the central already has a
 * higher number (the file was restored from a copy or lost its last writes, or another installation
 * uses this counter's token), the sequence continues after it, so no number is ever issued twice,
 * and each such year is audited and returned for the operator to be told. One transaction.
 */
export function alignReceiptNumbering(
  db: Db,
  counterCode: string,
  central: ReceiptNumbering,
  at: Date,
): NumberingBehind[] {
  const q = receiptQueries(db.sqlite);
  const j = journal(db.sqlite);
  return db.sqlite.transaction(() => {
    const behind: NumberingBehind[] = [];
    for (const { year, lastNumber } of central) {
      const local = q.lastNumber.get(counterCode, year) ?? 0;
      if (lastNumber <= local) continue;
      q.continueNumbering.run(counterCode, year, lastNumber);
      const gap = { year, localLastNumber: local, centralLastNumber: lastNumber };
      j.audit({
        at: at.toISOString(),
        counterCode,
        operatorCode: null,
        action: 'receipts.numberingBehind',
        detail: gap,
      });
      behind.push(gap);
    }
    return behind;
  })();
}

/** What the operator reads when the numbering was behind the central's. */
export function numberingWarning(counterCode: string, behind: NumberingBehind[]): string {
  const years = behind
    .map(
      (b) =>
        `${b.year}: ultima ricevuta al servizio centrale n. ${b.centralLastNumber}, su questo PC n. ${b.localLastNumber}`,
    )
    .join('; ');
  return (
    `La numerazione delle ricevute dello sportello ${counterCode} su questo PC era indietro rispetto al servizio centrale (${years}). ` +
    'Riprende dal numero successivo, così nessun numero viene ripetuto. Se il PC non è stato appena ripristinato da una copia, ' +
    "il database potrebbe aver perso operazioni o un'altra installazione usa lo stesso sportello: avvisare l'assistenza."
  );
}
