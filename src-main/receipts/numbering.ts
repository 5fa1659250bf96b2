import type { Db } from '../db/open';

/**
 * Receipt numbers: per counter, per year, no gaps, never reused. The increment runs inside the
 * money transaction, so a rollback takes the number back with everything else.
 */
export function receiptNumberer(db: Db): (counterCode: string, year: number) => { receiptNo: string; number: number } {
  const next = db.sqlite.prepare(
    `INSERT INTO receipt_sequences (counter_code, year, last_number) VALUES (?, ?, 1)
       ON CONFLICT (counter_code, year) DO UPDATE SET last_number = last_number + 1
     RETURNING last_number`,
  );
  return (counterCode, year) => {
    const { last_number: number } = next.get(counterCode, year) as { last_number: number };
    return { receiptNo: formatReceiptNo(counterCode, year, number), number };
  };
}

export function formatReceiptNo(counterCode: string, year: number, number: number): string {
  return `${counterCode}/${year}/${String(number).padStart(6, '0')}`;
}
