import { formatCents } from '../shared/money';
import { topupKind } from '../shared/domain';
import type { Operation, OperationResult, PushRequest } from '../shared/central';
import { ledgerWriter, type LedgerRow } from './ledger';
import { centralNotices, isNoticeOperation } from './notices';
import { centralRegistrations } from './registrations';
import { centralTill } from './till';
import type { CentralSqlite } from './schema';

/**
 * POST /v1/operations: each operation is accepted (it gets a seq on the central ledger) or rejected
 * on its own, with the Italian reason the counter shows in "Da risolvere". A resent operation (same
 * UUID) is accepted again with its ORIGINAL seq and changes nothing.
 */
class Rejection extends Error {}

/** The operations that write the central ledger (top-ups and voids). */
type LedgerOperation = Extract<Operation, { type: 'topup' | 'void' }>;

export interface PushHandler {
  push(counterCode: string, request: PushRequest, receivedAt: string): OperationResult[];
}

export function pushHandler(sqlite: CentralSqlite): PushHandler {
  const ledger = ledgerWriter(sqlite);
  const notices = centralNotices(sqlite);
  const registrations = centralRegistrations(sqlite);
  const till = centralTill(sqlite);
  const q = {
    seqOf: sqlite.prepare('SELECT seq FROM ledger WHERE id = ?').pluck(),
    account: sqlite.prepare('SELECT papay_code AS papayCode FROM accounts WHERE id = ?'),
    entry: sqlite.prepare(
      'SELECT account_id AS accountId, kind, amount_cents AS amountCents, payment_id AS paymentId FROM ledger WHERE id = ?',
    ),
    voidOf: sqlite.prepare('SELECT id FROM ledger WHERE voids_id = ?').pluck(),
    /** Who holds a receipt number: an operation, or the split payment whose entries it lists. */
    receiptHolder: sqlite
      .prepare('SELECT coalesce(payment_id, id) FROM ledger WHERE counter_code = ? AND receipt_no = ? LIMIT 1')
      .pluck(),
  };

  function rowOf(op: LedgerOperation, receivedAt: string): LedgerRow {
    const common = {
      id: op.id,
      accountId: op.accountId,
      amountCents: op.amountCents,
      createdAt: op.createdAt,
      receivedAt,
      counterCode: op.counterCode,
      operatorCode: op.operatorCode,
      receiptNo: op.receiptNo,
      paymentId: op.paymentId ?? null,
    };
    switch (op.type) {
      case 'topup':
        return {
          ...common,
          kind: topupKind(op.method),
          method: op.method,
          payerCf: op.payerCf,
          posAuthCode: op.posAuthCode,
          voidsId: null,
          reason: null,
          approvedBy: null,
        };
      case 'void':
        return {
          ...common,
          kind: 'void',
          method: null,
          payerCf: null,
          posAuthCode: null,
          voidsId: op.voidsId,
          reason: op.reason,
          approvedBy: op.approvedBy,
        };
      default: {
        const never: never = op;
        throw new Error(`operazione sconosciuta: ${JSON.stringify(never)}`);
      }
    }
  }

  /** Throws a Rejection with the reason when the central service must refuse the operation. */
  function check(op: LedgerOperation): void {
    // The same id was answered above (a resend); another id under a number already held is a copy
    // of the counter's data, or a restored backup, numbering again.
    const holder = q.receiptHolder.get(op.counterCode, op.receiptNo) as string | undefined;
    if (holder !== undefined && holder !== (op.paymentId ?? op.id)) {
      throw new Rejection(
        `La ricevuta ${op.receiptNo} è già registrata al servizio centrale per un'altra operazione: ` +
          'questo PC ha ripetuto un numero (una copia della sua cartella dati o un ripristino da una copia). ' +
          "L'operazione resta registrata su questo PC ma non al servizio centrale: avvisare l'assistenza, che la registra con un nuovo numero.",
      );
    }
    const account = q.account.get(op.accountId) as { papayCode: string } | undefined;
    if (account === undefined) throw new Rejection(`Conto ${op.accountId} sconosciuto al servizio centrale.`);
    switch (op.type) {
      case 'topup':
        if (
          op.papayCode.replace(/\s/g, '') !== account.papayCode &&
          // A top-up made at the counter before the sync brought the real code carries the provisional one.
          !registrations.isProvisionalCodeOf(op.papayCode, op.accountId)
        ) {
          throw new Rejection(
            `Il codice Pa-Pay ${op.papayCode} non corrisponde al conto ${op.accountId} (codice ${account.papayCode}).`,
          );
        }
        return;
      case 'void': {
        const target = q.entry.get(op.voidsId) as
          { accountId: string; kind: string; amountCents: number; paymentId: string | null } | undefined;
        if (target === undefined) {
          throw new Rejection(`Storno di un'operazione sconosciuta al servizio centrale (${op.voidsId}).`);
        }
        if (target.accountId !== op.accountId) {
          throw new Rejection(
            `Lo storno riguarda il conto ${op.accountId}, ma l'operazione stornata è di un altro conto.`,
          );
        }
        if (target.kind !== 'topup_cash' && target.kind !== 'topup_card') {
          throw new Rejection('Si possono stornare solo ricariche fatte a uno sportello.');
        }
        if (q.voidOf.get(op.voidsId) !== undefined) throw new Rejection('Operazione già stornata.');
        if (target.paymentId !== null && op.paymentId === undefined) {
          throw new Rejection(
            'La ricarica fa parte di un pagamento unico per più conti: si storna solo con tutto il pagamento.',
          );
        }
        if (op.amountCents !== -target.amountCents) {
          throw new Rejection(
            `L'importo dello storno (${formatCents(op.amountCents)}) non è l'opposto della ricarica (${formatCents(target.amountCents)}).`,
          );
        }
        return;
      }
      default: {
        const never: never = op;
        throw new Error(`operazione sconosciuta: ${JSON.stringify(never)}`);
      }
    }
  }

  // A savepoint per operation: a rejected one leaves no trace, the accepted ones of the batch stay.
  const applyOne = sqlite.transaction((op: Operation, receivedAt: string): OperationResult => {
    // The whole push runs in one synchronous SQLite transaction of a single process, so nothing
    // can slip in between this look-up and the insert; the UNIQUE id (ON CONFLICT DO NOTHING in
    // ledger.append) still guarantees the operation is stored once whatever happens above it.
    // Notices are not ledger entries: they have their own tables (notices.ts).
    if (isNoticeOperation(op)) return notices.push(op, receivedAt);
    // Registrations neither: families, children, accounts and enrolments (registrations.ts).
    if (op.type === 'registration') return registrations.push(op, receivedAt);
    // The cash offices neither: sessions, movements, closes checked against the ledger (till.ts).
    if (op.type === 'till') return till.push(op, receivedAt);
    const previous = q.seqOf.get(op.id) as number | undefined;
    if (previous !== undefined) return { id: op.id, status: 'accepted', seq: previous };
    check(op);
    const { seq } = ledger.append(rowOf(op, receivedAt));
    return { id: op.id, status: 'accepted', seq };
  });

  const applyAll = sqlite.transaction((counterCode: string, request: PushRequest, receivedAt: string) =>
    request.operations.map((op): OperationResult => {
      if (op.counterCode !== counterCode) {
        return {
          id: op.id,
          status: 'rejected',
          reason: `L'operazione è dello sportello ${op.counterCode}, ma è stata inviata dallo sportello ${counterCode}.`,
        };
      }
      try {
        return applyOne(op, receivedAt);
      } catch (e) {
        if (e instanceof Rejection) return { id: op.id, status: 'rejected', reason: e.message };
        throw e;
      }
    }),
  );

  return { push: (counterCode, request, receivedAt) => applyAll(counterCode, request, receivedAt) };
}
