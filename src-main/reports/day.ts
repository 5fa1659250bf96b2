import { sql } from 'kysely';
import type { CoreContext } from '../core/context';
import type { DaySummary } from '../../shared/contract';
import { PAYMENT_METHODS, PaymentMethod, Service } from '../../shared/domain';

/**
 * Riepilogo del giorno: today's takings at this counter by method and service, voids and reprints
 * listed. Gross top-ups per row; the totals per method and overall are net of the voids.
 */
export async function daySummary(ctx: CoreContext, date: string): Promise<DaySummary> {
  const db = ctx.db.kysely;
  const counterCode = ctx.counter.code;
  const methodOf = sql<string>`CASE WHEN l.kind = 'topup_cash' THEN 'cash' ELSE 'card' END`;

  const rows = await db
    .selectFrom('ledger as l')
    .innerJoin('accounts as a', 'a.id', 'l.account_id')
    .where('l.counter_code', '=', counterCode)
    .where('l.business_date', '=', date)
    .where('l.kind', 'in', ['topup_cash', 'topup_card'])
    .select([
      methodOf.as('method'),
      'a.service',
      sql<number>`COUNT(*)`.as('count'),
      sql<number>`SUM(l.amount_cents)`.as('amount'),
    ])
    .groupBy(['method', 'a.service'])
    .orderBy('method')
    .orderBy('a.service')
    .execute();

  const voids = await db
    .selectFrom('ledger as v')
    .innerJoin('ledger as l', 'l.id', 'v.voids_id')
    .innerJoin('receipts as rv', 'rv.operation_id', 'v.id')
    .leftJoin('receipts as ro', 'ro.operation_id', 'l.id')
    .where('v.counter_code', '=', counterCode)
    .where('v.business_date', '=', date)
    .where('v.kind', '=', 'void')
    .select([
      'rv.receipt_no as receiptNo',
      'ro.receipt_no as voidsReceiptNo',
      'l.amount_cents as amount',
      methodOf.as('method'),
      'v.approved_by as supervisor',
      'v.reason as reason',
      'v.created_at as at',
    ])
    .orderBy('v.created_at')
    .execute();

  const reprints = await db
    .selectFrom('receipt_prints as p')
    .innerJoin('receipts as r', 'r.receipt_no', 'p.receipt_no')
    .where('r.counter_code', '=', counterCode)
    .where('p.business_date', '=', date)
    .where('p.copy', '=', 1)
    .select(['p.receipt_no as receiptNo', 'p.operator_code as operator', 'p.at as at'])
    .orderBy('p.at')
    .execute();

  const voidList = voids.map((v) => ({
    receiptNo: v.receiptNo,
    voidsReceiptNo: v.voidsReceiptNo,
    amountCents: v.amount,
    method: PaymentMethod.parse(v.method),
    supervisor: v.supervisor ?? '',
    reason: v.reason ?? '',
    at: v.at,
  }));
  const rowList = rows.map((r) => ({
    method: PaymentMethod.parse(r.method),
    service: Service.parse(r.service),
    count: r.count,
    amountCents: r.amount,
  }));
  const byMethod = PAYMENT_METHODS.map((method) => {
    const gross = rowList.filter((r) => r.method === method);
    const voided = voidList.filter((v) => v.method === method).reduce((sum, v) => sum + v.amountCents, 0);
    return {
      method,
      count: gross.reduce((sum, r) => sum + r.count, 0),
      amountCents: gross.reduce((sum, r) => sum + r.amountCents, 0) - voided,
    };
  });
  return {
    date,
    counterCode,
    rows: rowList,
    byMethod,
    totalCents: byMethod.reduce((sum, m) => sum + m.amountCents, 0),
    voids: voidList,
    reprints,
  };
}
