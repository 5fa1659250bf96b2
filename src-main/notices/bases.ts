import type { Db } from '../db/open';
import { noticeQueries } from './queries';

export interface TakenBase {
  segregationCode: string;
  /** 13 digits. */
  base: string;
}

/**
 * Takes the next unused base of the oldest block with some left, or null when none is left. Must
 * run inside the transaction that stores the notice using it: the base is consumed exactly when
 * the notice exists, so a crash can only leave a base unused, never one used twice.
 */
export function baseTaker(db: Db): () => TakenBase | null {
  const { nextBase: next, advanceBase: advance } = noticeQueries(db.sqlite);
  return () => {
    if (!db.sqlite.inTransaction) throw new Error('una base del codice avviso si prende solo dentro una transazione');
    const row = next.get();
    if (row === undefined) return null;
    const moved = advance.run(row.id, row.nextBase);
    if (moved.changes !== 1) throw new Error(`base ${row.nextBase} del blocco ${row.id} non consumata`);
    return { segregationCode: row.segregationCode, base: String(row.nextBase).padStart(13, '0') };
  };
}
