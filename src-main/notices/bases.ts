import type { Db } from '../db/open';

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
  const next = db.sqlite.prepare(
    `SELECT id, segregation_code AS segregationCode, next_base AS nextBase FROM notice_blocks
      WHERE first_base IS NOT NULL AND next_base <= last_base ORDER BY id LIMIT 1`,
  );
  const advance = db.sqlite.prepare(
    'UPDATE notice_blocks SET next_base = next_base + 1 WHERE id = ? AND next_base = ?',
  );
  return () => {
    if (!db.sqlite.inTransaction) throw new Error('una base del codice avviso si prende solo dentro una transazione');
    const row = next.get() as { id: number; segregationCode: string; nextBase: number } | undefined;
    if (row === undefined) return null;
    const moved = advance.run(row.id, row.nextBase);
    if (moved.changes !== 1) throw new Error(`base ${row.nextBase} del blocco ${row.id} non consumata`);
    return { segregationCode: row.segregationCode, base: String(row.nextBase).padStart(13, '0') };
  };
}
