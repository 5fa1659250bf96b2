import { v7 as uuidv7 } from 'uuid';
import type { CoreContext } from '../core/context';
import { balanceReader } from '../accounts/balance';
import type { AccountLookup } from '../accounts/lookup';
import { receiptNumberer } from '../receipts/numbering';
import { renderSplitReceiptText, type SplitReceiptLine } from '../receipts/splitReceiptText';
import { receiptQueries } from '../receipts/queries';
import { journal } from '../journal/journal';
import { fingerprintOf, moneyRequests, type MoneyRequest } from '../requests/requests';
import type { Operator } from '../session/sessions';
import { tillGuard } from '../till/guard';
import { topupQueries } from '../topups/queries';
import {
  checkVoidable,
  duplicateSuspected,
  normalisePayerCf,
  normalisePosCode,
  requireMethodAccepted,
  voidEntry,
  voidRequest,
} from '../topups/topups';
import type { AccountItem } from '../../shared/contract';
import { topupKind, type PaymentMethod } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { splitAccountLabel, splitProblem, splitTotal, type SplitLine } from '../../shared/payments/split';
import { romeDate, romeYear } from '../../shared/time';
import { paymentQueries } from './queries';

export interface SplitRequest {
  requestId: string;
  method: PaymentMethod;
  lines: SplitLine[];
  payerCf?: string | undefined;
  posAuthCode?: string | undefined;
  confirmDuplicate?: boolean | undefined;
}

export interface SplitCommitted {
  paymentId: string;
  receiptNo: string;
  totalCents: number;
  lines: {
    operationId: string;
    accountId: string;
    amountCents: number;
    balanceBeforeCents: number;
    balanceAfterCents: number;
  }[];
  receiptText: string;
  businessDate: string;
  /** The entry the receipt row names (receipts.operation_id) and its QR carries. */
  receiptOperationId: string;
}

/** The void of a split payment answers as a top-up's void does, for the entry it was asked about. */
export interface PaymentVoided {
  operationId: string;
  receiptNo: string;
  balanceBeforeCents: number;
  balanceAfterCents: number;
  receiptText: string;
  businessDate: string;
}

/**
 * One cash or card payment split across several accounts of one family: one SQLite transaction
 * writes the payment row, one ledger entry per account (each tied to the payment), the one receipt,
 * one outbox operation per entry (each a top-up the central accepts on its own, carrying the
 * payment id) and the audit row. Its void takes every entry back in one transaction with one
 * receipt. Nothing is printed here.
 */
export class Payments {
  private readonly balance;
  private readonly nextNumber;
  private readonly receipts;
  private readonly journal;
  private readonly requireTill;
  private readonly requests;
  private readonly q;
  private readonly t;

  constructor(
    private readonly ctx: CoreContext,
    private readonly lookup: AccountLookup,
  ) {
    this.balance = balanceReader(ctx.db);
    this.nextNumber = receiptNumberer(ctx.db, () => ctx.assertOwnData?.());
    this.receipts = receiptQueries(ctx.db.sqlite);
    this.journal = journal(ctx.db.sqlite);
    this.requireTill = tillGuard(ctx);
    this.requests = moneyRequests(ctx.db.sqlite);
    this.q = paymentQueries(ctx.db.sqlite);
    this.t = topupQueries(ctx.db.sqlite);
  }

  record(operator: Operator, req: SplitRequest): SplitCommitted & { fresh: boolean } {
    const request: MoneyRequest = {
      channel: 'payments.record',
      requestId: req.requestId,
      operatorCode: operator.code,
      // As for a top-up, confirming a suspected duplicate is the same action: left out.
      fingerprint: fingerprintOf({
        lines: req.lines.map((l) => [l.accountId, l.amountCents]),
        method: req.method,
        payerCf: req.payerCf,
        posAuthCode: req.posAuthCode,
      }),
    };
    const first = this.requests.prior<SplitCommitted>(request);
    if (first) return { ...first, fresh: false };
    const { counter } = this.ctx;
    const config = counter.config;
    const now = this.ctx.clock.now();
    const today = romeDate(now);

    const accounts = new Map<string, AccountItem>();
    const problem = splitProblem(req.lines, req.method, config, (accountId) => {
      const account = this.lookup.get(accountId, 'full');
      const family = this.q.familyOf.get(accountId);
      if (!account || !family) return null;
      accounts.set(accountId, account);
      return {
        accountId,
        childId: family.child_id,
        familyId: family.family_id,
        service: account.service,
        childName: `${account.child.firstName} ${account.child.surname}`,
      };
    });
    if (problem) throw new DomainError(problem.code, problem.message);
    requireMethodAccepted(config, today, req.method);
    const payerCf = normalisePayerCf(req.payerCf);
    const posAuthCode = normalisePosCode(req.method, req.posAuthCode);
    const totalCents = splitTotal(req.lines);
    const paymentId = uuidv7({ msecs: now.getTime() });
    const createdAt = now.toISOString();
    const year = romeYear(now);
    const account = (id: string) => accounts.get(id) as AccountItem;

    const commit = this.ctx.db.sqlite.transaction((): SplitCommitted => {
      this.requireTill();
      if (!req.confirmDuplicate) {
        const since = new Date(now.getTime() - config.duplicateWindowMinutes * 60_000).toISOString();
        for (const line of req.lines) {
          const dup = this.t.recentSame.get(line.accountId, line.amountCents, since);
          if (dup)
            throw duplicateSuspected(
              now,
              dup.created_at,
              line.amountCents,
              `sul conto ${labelOf(account(line.accountId))}`,
            );
        }
      }
      const { receiptNo, number } = this.nextNumber(counter.code, year);
      this.q.insert.run({
        id: paymentId,
        counter_code: counter.code,
        receipt_no: receiptNo,
        method: req.method,
        total_cents: totalCents,
        lines: req.lines.length,
        created_at: createdAt,
        business_date: today,
        operator_code: operator.code,
        voids_id: null,
        approved_by: null,
        reason: null,
      });
      let oldestAsOf: string | null = null;
      const results = req.lines.map((line) => {
        const before = this.balance(line.accountId);
        if (before.serverAt !== null && (oldestAsOf === null || before.serverAt < oldestAsOf))
          oldestAsOf = before.serverAt;
        const operationId = uuidv7({ msecs: now.getTime() });
        this.t.insertLedger.run({
          id: operationId,
          accountId: line.accountId,
          kind: topupKind(req.method),
          amountCents: line.amountCents,
          createdAt,
          businessDate: today,
          counterCode: counter.code,
          operatorCode: operator.code,
          voidsId: null,
          payerCf,
          posAuthCode,
          reason: null,
          approvedBy: null,
          paymentId,
          receiptRef: receiptNo,
        });
        return {
          operationId,
          accountId: line.accountId,
          amountCents: line.amountCents,
          balanceBeforeCents: before.totalCents,
          balanceAfterCents: before.totalCents + line.amountCents,
        };
      });
      const stampDuty =
        config.stampDuty && totalCents > config.stampDuty.thresholdCents
          ? { text: config.stampDuty.text, amountCents: config.stampDuty.amountCents }
          : null;
      const lead = results[0];
      if (lead === undefined) throw new Error('pagamento unico senza righe');
      const text = renderSplitReceiptText({
        ...this.heading(operator),
        receiptNo,
        kind: 'ricarica',
        createdAt,
        lines: results.map((r) => receiptLine(account(r.accountId), r.amountCents, r.balanceAfterCents)),
        totalCents,
        method: req.method,
        posAuthCode,
        payerCf,
        balanceAsOf: oldestAsOf,
        paymentId,
        stampDuty,
      });
      // One receipt row, naming the first entry (receipts.operation_id is UNIQUE); every entry carries its number.
      this.receipts.insert.run({
        receiptNo,
        counterCode: counter.code,
        year,
        number,
        kind: 'ricarica',
        operationId: lead.operationId,
        createdAt,
        businessDate: today,
        text,
      });
      for (const r of results) {
        const a = account(r.accountId);
        this.journal.outbox({
          type: 'topup',
          payload: {
            id: r.operationId,
            accountId: r.accountId,
            papayCode: a.papayCode,
            amountCents: r.amountCents,
            method: req.method,
            payerCf,
            posAuthCode,
            counterCode: counter.code,
            operatorCode: operator.code,
            receiptNo,
            createdAt,
            paymentId,
          },
        });
      }
      this.journal.audit({
        at: createdAt,
        counterCode: counter.code,
        operatorCode: operator.code,
        action: 'payment.record',
        detail: {
          paymentId,
          receiptNo,
          method: req.method,
          totalCents,
          lines: results.map((r) => ({
            operationId: r.operationId,
            accountId: r.accountId,
            amountCents: r.amountCents,
          })),
        },
      });
      const done: SplitCommitted = {
        paymentId,
        receiptNo,
        totalCents,
        lines: results,
        receiptText: text,
        businessDate: today,
        receiptOperationId: lead.operationId,
      };
      this.requests.remember(request, paymentId, done, createdAt);
      return done;
    });
    return { ...commit.immediate(), fresh: true };
  }

  /** The split payment an entry belongs to, or null for a top-up of one account. */
  paymentOf(operationId: string): string | null {
    return this.q.paymentOfEntry.get(operationId) ?? null;
  }

  /**
   * Voids a split payment as a whole, asked through any of its entries (the void dialog names one):
   * every entry's void, the void's payment row and one void receipt, in one transaction. The rules
   * of a top-up's void hold for each entry (today, this counter, four eyes). `request` is the void's
   * idempotent request, checked by the caller; `approve` runs only for a request not yet recorded.
   */
  voidWhole(
    operator: Operator,
    approve: () => Operator,
    req: { requestId: string; operationId: string; reason: string },
  ): PaymentVoided & { fresh: boolean } {
    const request = voidRequest(operator, req);
    const first = this.requests.prior<PaymentVoided>(request);
    if (first) return { ...first, fresh: false };
    const approver = approve();
    const { counter } = this.ctx;
    const now = this.ctx.clock.now();
    const today = romeDate(now);
    const createdAt = now.toISOString();
    const year = romeYear(now);
    const voidId = uuidv7({ msecs: now.getTime() });

    const commit = this.ctx.db.sqlite.transaction((): PaymentVoided => {
      this.requireTill();
      const paymentId = this.q.paymentOfEntry.get(req.operationId);
      const payment = paymentId ? this.q.byId.get(paymentId) : undefined;
      if (!payment || payment.voids_id !== null) throw new DomainError('NOT_FOUND', 'Pagamento non trovato.');
      if (this.q.voidOf.get(payment.id) !== undefined) {
        throw new DomainError('ALREADY_VOIDED', `Il pagamento unico ${payment.receipt_no} è già stato stornato.`);
      }
      const entries = this.q.entries.all(payment.id);
      for (const entry of entries) checkVoidable(entry, approver.code, counter.code, today);
      const { receiptNo, number } = this.nextNumber(counter.code, year);
      this.q.insert.run({
        id: voidId,
        counter_code: counter.code,
        receipt_no: receiptNo,
        method: payment.method,
        total_cents: -payment.total_cents,
        lines: entries.length,
        created_at: createdAt,
        business_date: today,
        operator_code: operator.code,
        voids_id: payment.id,
        approved_by: approver.code,
        reason: req.reason,
      });
      let oldestAsOf: string | null = null;
      const voids = entries.map((entry) => {
        const before = this.balance(entry.account_id);
        if (before.serverAt !== null && (oldestAsOf === null || before.serverAt < oldestAsOf))
          oldestAsOf = before.serverAt;
        const operationId = uuidv7({ msecs: now.getTime() });
        this.t.insertLedger.run(
          voidEntry(entry, {
            id: operationId,
            counterCode: counter.code,
            createdAt,
            businessDate: today,
            operator,
            approver,
            reason: req.reason,
            payment: { id: voidId, receiptNo },
          }),
        );
        const account = this.lookup.get(entry.account_id, 'full');
        if (!account) throw new DomainError('NOT_FOUND', 'Conto non trovato: ripetere la ricerca.');
        return {
          entry,
          operationId,
          account,
          before: before.totalCents,
          after: before.totalCents - entry.amount_cents,
        };
      });
      const text = renderSplitReceiptText({
        ...this.heading(operator),
        receiptNo,
        kind: 'storno',
        createdAt,
        lines: voids.map((v) => receiptLine(v.account, v.entry.amount_cents, v.after)),
        totalCents: payment.total_cents,
        method: payment.method,
        posAuthCode: null,
        payerCf: null,
        balanceAsOf: oldestAsOf,
        paymentId: voidId,
        stampDuty: null,
        storno: { originalReceiptNo: payment.receipt_no, reason: req.reason, supervisor: approver.name },
      });
      const lead = voids[0];
      if (lead === undefined) throw new Error('pagamento unico senza movimenti');
      this.receipts.insert.run({
        receiptNo,
        counterCode: counter.code,
        year,
        number,
        kind: 'storno',
        operationId: lead.operationId,
        createdAt,
        businessDate: today,
        text,
      });
      for (const v of voids) {
        this.journal.outbox({
          type: 'void',
          payload: {
            id: v.operationId,
            voidsId: v.entry.id,
            accountId: v.entry.account_id,
            amountCents: -v.entry.amount_cents,
            reason: req.reason,
            approvedBy: approver.code,
            counterCode: counter.code,
            operatorCode: operator.code,
            receiptNo,
            createdAt,
            paymentId: voidId,
          },
        });
      }
      this.journal.audit({
        at: createdAt,
        counterCode: counter.code,
        operatorCode: operator.code,
        action: 'payment.void',
        detail: {
          paymentId: voidId,
          voids: payment.id,
          approvedBy: approver.code,
          reason: req.reason,
          receiptNo,
          operationIds: voids.map((v) => v.operationId),
        },
      });
      const asked = voids.find((v) => v.entry.id === req.operationId) ?? lead;
      const done: PaymentVoided = {
        operationId: asked.operationId,
        receiptNo,
        balanceBeforeCents: asked.before,
        balanceAfterCents: asked.after,
        receiptText: text,
        businessDate: today,
      };
      this.requests.remember(request, voidId, done, createdAt);
      return done;
    });
    return { ...commit.immediate(), fresh: true };
  }

  private heading(operator: Operator) {
    const { counter } = this.ctx;
    return {
      header: counter.config.receiptHeader,
      counterName: counter.name,
      counterAddress: counter.address,
      operator: `${operator.name} (${operator.code})`,
    };
  }
}

function labelOf(a: AccountItem): string {
  return splitAccountLabel({ childName: `${a.child.firstName} ${a.child.surname}`, service: a.service });
}

function receiptLine(a: AccountItem, amountCents: number, balanceAfterCents: number): SplitReceiptLine {
  return {
    child: `${a.child.firstName} ${a.child.surname}`,
    service: a.service,
    papayCode: a.papayCode,
    amountCents,
    balanceAfterCents,
  };
}
