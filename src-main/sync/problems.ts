import { OutboxType, type SyncProblem } from '../../shared/contract';
import { formatNavGroups } from '../../shared/pagopa/nav';
import { journal } from '../journal/journal';
import { DomainError } from '../../shared/errors';
import type { Db } from '../db/open';

interface RejectedRow {
  operation_id: string;
  type: string;
  payload: string;
  rejected_reason: string | null;
  attempts: number;
  created_at: string;
}

/** "Da risolvere": the operations the central service refused, oldest first. */
export function listProblems(db: Db): SyncProblem[] {
  const firstNav = db.sqlite.prepare(
    'SELECT nav FROM notice_payments WHERE notice_id = ? ORDER BY installment NULLS FIRST LIMIT 1',
  );
  const navOfNotice = (noticeId: string) => (firstNav.pluck().get(noticeId) as string | undefined) ?? null;
  const rows = db.sqlite
    .prepare(
      `SELECT operation_id, type, payload, rejected_reason, attempts, created_at FROM outbox
        WHERE state = 'rejected' ORDER BY seq`,
    )
    .all() as RejectedRow[];
  return rows.map((r) => {
    const payload = JSON.parse(r.payload) as ProblemPayload;
    const parsed = OutboxType.safeParse(r.type);
    const type = parsed.success ? parsed.data : 'topup';
    const receiptNo = typeof payload.receiptNo === 'string' ? payload.receiptNo : '';
    return {
      operationId: r.operation_id,
      type,
      receiptNo,
      reference: referenceOf(type, payload, receiptNo, navOfNotice),
      accountId: typeof payload.accountId === 'string' ? payload.accountId : '',
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
    const row = db.sqlite
      .prepare(`SELECT rejected_reason FROM outbox WHERE operation_id = ? AND state = 'rejected'`)
      .get(operationId) as { rejected_reason: string | null } | undefined;
    if (!row) throw new DomainError('NOT_FOUND', 'Operazione non trovata tra quelle da risolvere.');
    db.sqlite
      .prepare(
        `UPDATE outbox SET state = 'pending', next_attempt_at = NULL, rejected_reason = NULL
          WHERE operation_id = ? AND state = 'rejected'`,
      )
      .run(operationId);
    journal(db.sqlite).audit({
      at: now.toISOString(),
      counterCode: who.counterCode,
      operatorCode: who.operatorCode,
      action: 'sync.retry',
      detail: { operationId, rejectedReason: row.rejected_reason },
    });
  })();
}
