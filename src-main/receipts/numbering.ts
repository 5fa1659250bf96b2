import { receiptQueries } from './queries';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/open';

const holds = new WeakMap<Db, () => string | null>();

/**
 * While `hold` answers a reason, no receipt number is issued on `db` (a copy just restored waits
 * for the sync to re-read the central's numbering): the money transaction is refused with it and
 * rolls back whole.
 */
export function holdReceiptNumbers(db: Db, hold: () => string | null): void {
  holds.set(db, hold);
}

/**
 * Receipt numbers: per counter, per year, no gaps, never reused. The increment runs inside the
 * money transaction, so a rollback takes the number back with everything else.
 */
export function receiptNumberer(
  db: Db,
  /** Throws when this installation may not number (a copied data folder: see CoreContext.assertOwnData). */
  assertMayNumber: () => void = () => undefined,
): (counterCode: string, year: number) => { receiptNo: string; number: number } {
  const q = receiptQueries(db.sqlite);
  return (counterCode, year) => {
    assertMayNumber();
    const held = holds.get(db)?.();
    if (held) throw new DomainError('NUMBERING_UNVERIFIED', held);
    const row = q.nextNumber.get(counterCode, year);
    if (row === undefined) throw new Error('numerazione delle ricevute: nessun numero restituito');
    const number = row.last_number;
    return { receiptNo: formatReceiptNo(counterCode, year, number), number };
  };
}

export function formatReceiptNo(counterCode: string, year: number, number: number): string {
  return `${counterCode}/${year}/${String(number).padStart(6, '0')}`;
}
