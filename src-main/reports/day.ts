import type { CoreContext } from '../core/context';
import type { DaySummary } from '../../shared/contract';
import { PAYMENT_METHODS, SERVICES, Service } from '../../shared/domain';
import { sumTakings, takingsBy } from '../../shared/reports/totals';
import { reportQueries } from './queries';
import { cell, operatorNames, takingsLines } from './takings';

/**
 * Riepilogo del giorno: the day's takings at this counter by method, by service (and method) and by
 * operator, each with its top-ups, its voids and the net, the voids and the reprints listed. Every
 * section comes from the same ledger lines, so each adds up to the same total.
 */
export function daySummary(ctx: CoreContext, date: string): DaySummary {
  const sqlite = ctx.db.sqlite;
  const counterCode = ctx.counter.code;
  const q = reportQueries(sqlite);
  const lines = takingsLines(sqlite, counterCode, date, date);
  const names = operatorNames(sqlite);
  const rowOrder = PAYMENT_METHODS.flatMap((m) => SERVICES.map((s) => `${m}|${s}`));

  return {
    date,
    counterCode,
    rows: takingsBy(lines, (l) => `${l.method}|${l.service}`, rowOrder).map(({ key, takings }) => {
      const [method, service] = key.split('|') as [(typeof PAYMENT_METHODS)[number], string];
      return cell({ method, service: Service.parse(service) }, takings);
    }),
    byMethod: takingsBy(lines, (l) => l.method, PAYMENT_METHODS).map(({ key, takings }) =>
      cell({ method: key }, takings),
    ),
    byService: takingsBy(lines, (l) => l.service, SERVICES).map(({ key, takings }) => cell({ service: key }, takings)),
    byOperator: takingsBy(lines, (l) => l.operator ?? '').map(({ key, takings }) =>
      cell({ operator: key, name: names.get(key) ?? key }, takings),
    ),
    total: sumTakings(lines),
    voids: q.voids.all(counterCode, date).map((v) => ({
      receiptNo: v.receipt_no,
      voidsReceiptNo: v.voids_receipt_no,
      amountCents: v.amount,
      method: v.method,
      supervisor: v.approved_by ?? '',
      reason: v.reason ?? '',
      at: v.created_at,
    })),
    reprints: q.reprints
      .all(counterCode, date)
      .map((r) => ({ receiptNo: r.receipt_no, operator: r.operator_code, at: r.at })),
  };
}
