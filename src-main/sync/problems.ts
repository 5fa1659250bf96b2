import { OutboxType, type SyncProblem } from '../../shared/contract';
import { SERVICE_LABELS, Service } from '../../shared/domain';
import { formatNavGroups } from '../../shared/pagopa/nav';
import { journal } from '../journal/journal';
import { syncQueries } from './queries';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/open';

/** "Da risolvere": the operations the central service refused, oldest first. */
export function listProblems(db: Db): SyncProblem[] {
  const q = syncQueries(db.sqlite);
  const navOfNotice = (noticeId: string) => q.firstNavOfNotice.get(noticeId) ?? null;
  const childOf = (accountId: string | null) => {
    const row = accountId === null ? undefined : q.childOfAccount.get(accountId);
    if (!row) return null;
    const service = Service.safeParse(row.service);
    return `${row.name} ${row.surname}${service.success ? ` (${SERVICE_LABELS[service.data]})` : ''}`;
  };
  const rows = q.rejected.all();
  return rows.map((r) => {
    const payload = JSON.parse(r.payload) as ProblemPayload;
    const parsed = OutboxType.safeParse(r.type);
    const type = parsed.success ? parsed.data : 'topup';
    const receiptNo = typeof payload.receiptNo === 'string' ? payload.receiptNo : '';
    const accountId = typeof payload.accountId === 'string' && payload.accountId !== '' ? payload.accountId : null;
    return {
      operationId: r.operation_id,
      type,
      receiptNo,
      reference: referenceOf(type, payload, receiptNo, navOfNotice),
      accountId,
      child: childOf(accountId),
      amountCents: typeof payload.amountCents === 'number' ? payload.amountCents : 0,
      reason: r.rejected_reason ?? '',
      attempts: r.attempts,
      createdAt: r.created_at,
    };
  });
}

interface ProblemPayload {
  receiptNo?: unknown;
  accountId?: unknown;
  amountCents?: unknown;
  noticeId?: unknown;
  payments?: { nav?: unknown }[];
  family?: { surname?: unknown; name?: unknown };
  close?: { zNo?: unknown } | null;
  movement?: { documentNo?: unknown } | null;
}

/** How the operator recognises a refused operation in the list; the operation id when nothing better is known. */
function referenceOf(
  type: OutboxType,
  payload: ProblemPayload,
  receiptNo: string,
  navOfNotice: (noticeId: string) => string | null,
): string {
  switch (type) {
    case 'topup':
    case 'void':
      return receiptNo;
    case 'notice':
    case 'notice_cancel': {
      const nav =
        typeof payload.payments?.[0]?.nav === 'string'
          ? payload.payments[0].nav
          : typeof payload.noticeId === 'string'
            ? navOfNotice(payload.noticeId)
            : null;
      return nav === null ? '' : `Avviso ${formatNavGroups(nav)}`;
    }
    case 'till':
      return typeof payload.close?.zNo === 'string'
        ? `Chiusura di cassa ${payload.close.zNo}`
        : typeof payload.movement?.documentNo === 'string'
          ? `Movimento di cassa ${payload.movement.documentNo}`
          : 'Sessione di cassa';
    case 'registration': {
      const { surname, name } = payload.family ?? {};
      return typeof surname === 'string' && typeof name === 'string' ? `Famiglia ${surname} ${name}` : '';
    }
  }
}

/** Puts a refused operation back in the queue, with an audit row saying who and why it was refused. */
export function retryProblem(
  db: Db,
  operationId: string,
  who: { counterCode: string; operatorCode: string },
  now: Date,
): void {
  db.sqlite.transaction(() => {
    const q = syncQueries(db.sqlite);
    const row = q.rejectedReason.get(operationId);
    if (!row) throw new DomainError('NOT_FOUND', 'Operazione non trovata tra quelle da risolvere.');
    q.requeue.run(operationId);
    journal(db.sqlite).audit({
      at: now.toISOString(),
      counterCode: who.counterCode,
      operatorCode: who.operatorCode,
      action: 'sync.retry',
      detail: { operationId, rejectedReason: row.rejected_reason },
    });
  })();
}
