import { v7 as uuidv7 } from 'uuid';
import type { CoreContext } from '../core/context';
import type { AccountLookup, Visibility } from '../accounts/lookup';
import { balanceReader } from '../accounts/balance';
import { receiptNumberer } from '../receipts/numbering';
import { operationWriter } from '../receipts/writer';
import { topupQueries, type LocalEntry, type TopupEntryRow } from './queries';
import { fingerprintOf, moneyRequests, type MoneyRequest } from '../requests/requests';
import { tillGuard } from '../till/guard';
import { renderReceiptText, type ReceiptData } from '../receipts/receiptText';
import type { Operator } from '../session/sessions';
import type { AccountItem } from '../../shared/contract';
import { methodsAcceptedOn, topupLimitsOf, type CounterConfig } from '../../shared/config';
import { decodeFiscalCode } from '../../shared/codiceFiscale';
import { METHOD_LABELS, type PaymentMethod, topupKind } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { formatEuro } from '../../shared/money';
import { isValidTaxCode11 } from '../../shared/taxCode11';
import { formatLocalDate, romeDate, romeYear } from '../../shared/time';

export interface TopupRequest {
  /** The client's id for this action: a repeat gets the first reply (src-main/requests). */
  requestId: string;
  accountId: string;
  amountCents: number;
  method: PaymentMethod;
  payerCf?: string | undefined;
  posAuthCode?: string | undefined;
  confirmDuplicate?: boolean | undefined;
}

export interface VoidRequest {
  requestId: string;
  operationId: string;
  reason: string;
}

export interface Committed {
  operationId: string;
  receiptNo: string;
  balanceBeforeCents: number;
  balanceAfterCents: number;
  receiptText: string;
  businessDate: string;
}

/** A reply and whether this call recorded it (false: a repeat of a request already recorded). */
export type Done = Committed & { fresh: boolean };

/**
 * Money in and its compensation. Each operation is one SQLite transaction (synchronous=FULL)
 * writing the ledger entry (UUIDv7), the numbered receipt with its text, the outbox row and the
 * audit row. Nothing is printed here: the caller prints after the commit.
 */
export class Topups {
  private readonly balance: (accountId: string) => ReturnType<ReturnType<typeof balanceReader>>;
  private readonly nextNumber: ReturnType<typeof receiptNumberer>;
  private readonly writeRows: ReturnType<typeof operationWriter>;
  private readonly insertLedger;
  private readonly recentSame;
  private readonly entryById;
  private readonly requireTill: () => void;
  private readonly requests: ReturnType<typeof moneyRequests>;

  constructor(
    private readonly ctx: CoreContext,
    private readonly lookup: AccountLookup,
  ) {
    const s = ctx.db.sqlite;
    this.balance = balanceReader(ctx.db);
    this.nextNumber = receiptNumberer(ctx.db, () => ctx.assertOwnData?.());
    this.writeRows = operationWriter(ctx.db);
    const q = topupQueries(s);
    this.insertLedger = q.insertLedger;
    this.recentSame = q.recentSame;
    this.entryById = q.entryById;
    this.requireTill = tillGuard(ctx);
    this.requests = moneyRequests(s);
  }

  record(operator: Operator, req: TopupRequest, visibility: Visibility): Done {
    const request: MoneyRequest = {
      channel: 'topups.record',
      requestId: req.requestId,
      operatorCode: operator.code,
      // confirmDuplicate is left out: confirming is the same action, and its replay must not record twice.
      fingerprint: fingerprintOf({
        accountId: req.accountId,
        amountCents: req.amountCents,
        method: req.method,
        payerCf: req.payerCf,
        posAuthCode: req.posAuthCode,
      }),
    };
    // Before any check: a repeat is answered even if the first made the double guard or the day's rules refuse it now.
    const first = this.requests.prior<Committed>(request);
    if (first) return { ...first, fresh: false };
    const { counter } = this.ctx;
    const config = counter.config;
    const now = this.ctx.clock.now();
    const today = romeDate(now);
    const account = this.requireAccount(req.accountId, visibility);

    const { minCents, maxCents } = topupLimitsOf(config, account.service);
    if (req.amountCents < minCents || req.amountCents > maxCents) {
      throw new DomainError(
        'AMOUNT_OUT_OF_RANGE',
        `L'importo deve essere tra ${formatEuro(minCents)} e ${formatEuro(maxCents)}.`,
      );
    }
    requireMethodAccepted(config, today, req.method);
    if (req.method === 'cash' && req.amountCents >= config.cashLimitCents) {
      throw new DomainError(
        'CASH_LIMIT',
        `Pagamento in contanti non consentito da ${formatEuro(config.cashLimitCents)} in su (limite di legge): usare il bancomat.`,
      );
    }
    const payerCf = normalisePayerCf(req.payerCf);
    const posAuthCode = normalisePosCode(req.method, req.posAuthCode);

    const operationId = uuidv7({ msecs: now.getTime() });
    const createdAt = now.toISOString();
    const year = romeYear(now);

    const commit = this.ctx.db.sqlite.transaction((): Committed => {
      this.requireTill();
      if (!req.confirmDuplicate) {
        const since = new Date(now.getTime() - config.duplicateWindowMinutes * 60_000).toISOString();
        const dup = this.recentSame.get(account.accountId, req.amountCents, since);
        if (dup) throw duplicateSuspected(now, dup.created_at, req.amountCents, 'su questo conto');
      }
      const before = this.balance(account.accountId);
      const { receiptNo, number } = this.nextNumber(counter.code, year);
      const after = before.totalCents + req.amountCents;
      const stampDuty =
        config.stampDuty && req.amountCents > config.stampDuty.thresholdCents
          ? { text: config.stampDuty.text, amountCents: config.stampDuty.amountCents }
          : null;
      const text = renderReceiptText(
        this.receiptData(operator, account, {
          receiptNo,
          kind: 'ricarica',
          createdAt,
          amountCents: req.amountCents,
          method: req.method,
          posAuthCode,
          payerCf,
          balanceBeforeCents: before.totalCents,
          balanceAfterCents: after,
          balanceAsOf: before.serverAt,
          operationId,
          stampDuty,
        }),
      );
      this.insertLedger.run({
        id: operationId,
        accountId: account.accountId,
        kind: topupKind(req.method),
        amountCents: req.amountCents,
        createdAt,
        businessDate: today,
        counterCode: counter.code,
        operatorCode: operator.code,
        voidsId: null,
        payerCf,
        posAuthCode,
        reason: null,
        approvedBy: null,
        paymentId: null,
        receiptRef: null,
      });
      this.writeRows({
        receipt: {
          receiptNo,
          counterCode: counter.code,
          year,
          number,
          kind: 'ricarica',
          operationId,
          createdAt,
          businessDate: today,
          text,
        },
        outbox: {
          type: 'topup',
          payload: {
            id: operationId,
            accountId: account.accountId,
            papayCode: account.papayCode,
            amountCents: req.amountCents,
            method: req.method,
            payerCf,
            posAuthCode,
            counterCode: counter.code,
            operatorCode: operator.code,
            receiptNo,
            createdAt,
          },
        },
        audit: {
          operatorCode: operator.code,
          action: 'topup.record',
          detail: {
            operationId,
            accountId: account.accountId,
            amountCents: req.amountCents,
            method: req.method,
            receiptNo,
          },
        },
      });
      const done: Committed = {
        operationId,
        receiptNo,
        balanceBeforeCents: before.totalCents,
        balanceAfterCents: after,
        receiptText: text,
        businessDate: today,
      };
      this.requests.remember(request, operationId, done, createdAt);
      return done;
    });
    return { ...commit.immediate(), fresh: true };
  }

  /**
   * `approve` checks the supervisor and is called only for a request not yet recorded: a repeat of
   * one already approved and recorded gets its first reply.
   */
  voidTopup(operator: Operator, approve: () => Operator, req: VoidRequest, visibility: Visibility): Done {
    const request = voidRequest(operator, req);
    const first = this.requests.prior<Committed>(request);
    if (first) return { ...first, fresh: false };
    const approver = approve();
    const { counter } = this.ctx;
    const now = this.ctx.clock.now();
    const today = romeDate(now);
    const createdAt = now.toISOString();
    const year = romeYear(now);
    const operationId = uuidv7({ msecs: now.getTime() });

    const commit = this.ctx.db.sqlite.transaction((): Committed => {
      this.requireTill();
      const entry = this.entryById.get(req.operationId);
      if (!entry) throw new DomainError('NOT_FOUND', 'Operazione non trovata.');
      checkVoidable(entry, approver.code, counter.code, today);
      if (entry.payment_id !== null) {
        // The handler sends these to the payment's void (src-main/payments): a split payment is voided whole.
        throw new DomainError(
          'VOID_NOT_ALLOWED',
          'Questa ricarica fa parte di un pagamento unico: si storna per intero.',
        );
      }
      const account = this.requireAccount(entry.account_id, visibility);
      const method: PaymentMethod = entry.kind === 'topup_cash' ? 'cash' : 'card';
      const before = this.balance(entry.account_id);
      const after = before.totalCents - entry.amount_cents;
      const { receiptNo, number } = this.nextNumber(counter.code, year);
      const text = renderReceiptText(
        this.receiptData(operator, account, {
          receiptNo,
          kind: 'storno',
          createdAt,
          amountCents: entry.amount_cents,
          method,
          posAuthCode: null,
          payerCf: null,
          balanceBeforeCents: before.totalCents,
          balanceAfterCents: after,
          balanceAsOf: before.serverAt,
          operationId,
          stampDuty: null,
          storno: { originalReceiptNo: entry.receipt_no ?? '', reason: req.reason, supervisor: approver.name },
        }),
      );
      this.insertLedger.run(
        voidEntry(entry, {
          id: operationId,
          counterCode: counter.code,
          createdAt,
          businessDate: today,
          operator,
          approver,
          reason: req.reason,
        }),
      );
      this.writeRows({
        receipt: {
          receiptNo,
          counterCode: counter.code,
          year,
          number,
          kind: 'storno',
          operationId,
          createdAt,
          businessDate: today,
          text,
        },
        outbox: {
          type: 'void',
          payload: {
            id: operationId,
            voidsId: entry.id,
            accountId: entry.account_id,
            amountCents: -entry.amount_cents,
            reason: req.reason,
            approvedBy: approver.code,
            counterCode: counter.code,
            operatorCode: operator.code,
            receiptNo,
            createdAt,
          },
        },
        audit: {
          operatorCode: operator.code,
          action: 'topup.void',
          detail: { operationId, voids: entry.id, approvedBy: approver.code, reason: req.reason, receiptNo },
        },
      });
      const done: Committed = {
        operationId,
        receiptNo,
        balanceBeforeCents: before.totalCents,
        balanceAfterCents: after,
        receiptText: text,
        businessDate: today,
      };
      this.requests.remember(request, operationId, done, createdAt);
      return done;
    });
    return { ...commit.immediate(), fresh: true };
  }

  private requireAccount(accountId: string, visibility: Visibility): AccountItem {
    const account = this.lookup.get(accountId, visibility);
    if (!account) throw new DomainError('NOT_FOUND', 'Conto non trovato: ripetere la ricerca.');
    return account;
  }

  private receiptData(
    operator: Operator,
    account: AccountItem,
    rest: Omit<
      ReceiptData,
      'header' | 'counterName' | 'counterAddress' | 'operator' | 'child' | 'school' | 'service' | 'papayCode'
    >,
  ): ReceiptData {
    const { counter } = this.ctx;
    return {
      header: counter.config.receiptHeader,
      counterName: counter.name,
      counterAddress: counter.address,
      operator: `${operator.name} (${operator.code})`,
      child: `${account.child.firstName} ${account.child.surname}`,
      school: account.child.school,
      service: account.service,
      papayCode: account.papayCode,
      ...rest,
    };
  }
}

/** The idempotent request of a void: a repeat of the same id for the same entry gets the first reply. */
export function voidRequest(operator: Operator, req: Pick<VoidRequest, 'requestId' | 'operationId'>): MoneyRequest {
  return {
    channel: 'topups.void',
    requestId: req.requestId,
    operatorCode: operator.code,
    fingerprint: fingerprintOf({ operationId: req.operationId }),
  };
}

/**
 * The ledger entry that voids a top-up of this counter: the opposite amount, who asked and who
 * approved; `payment` ties it to the void of a split payment and that void's receipt.
 */
export function voidEntry(
  entry: Pick<TopupEntryRow, 'id' | 'account_id' | 'amount_cents'>,
  v: {
    id: string;
    counterCode: string;
    createdAt: string;
    businessDate: string;
    operator: Operator;
    approver: Operator;
    reason: string;
    payment?: { id: string; receiptNo: string };
  },
): LocalEntry {
  return {
    id: v.id,
    accountId: entry.account_id,
    kind: 'void',
    amountCents: -entry.amount_cents,
    createdAt: v.createdAt,
    businessDate: v.businessDate,
    counterCode: v.counterCode,
    operatorCode: v.operator.code,
    voidsId: entry.id,
    payerCf: null,
    posAuthCode: null,
    reason: v.reason,
    approvedBy: v.approver.code,
    paymentId: v.payment?.id ?? null,
    receiptRef: v.payment?.receiptNo ?? null,
  };
}

/** Refuses a method this counter does not take today (channel policy is configuration: shared/config.ts). */
export function requireMethodAccepted(config: CounterConfig, today: string, method: PaymentMethod): void {
  const accepted = methodsAcceptedOn(config, today);
  if (accepted.includes(method)) return;
  throw new DomainError(
    'METHOD_NOT_ACCEPTED',
    accepted.length === 0
      ? `Dal ${formatLocalDate(today)} questo sportello non accetta più pagamenti: indicare alla famiglia l'avviso pagoPA.`
      : `Oggi questo sportello non accetta ${METHOD_LABELS[method].toLowerCase()}: metodi accettati ${accepted
          .map((m) => METHOD_LABELS[m].toLowerCase())
          .join(', ')}.`,
  );
}

/** The double-payment guard's refusal: the same amount on the same account `where`, a few minutes ago. */
export function duplicateSuspected(now: Date, earlierAt: string, amountCents: number, where: string): DomainError {
  const minutes = Math.floor((now.getTime() - Date.parse(earlierAt)) / 60_000);
  const when = minutes < 1 ? 'meno di un minuto fa' : minutes === 1 ? 'un minuto fa' : `${minutes} minuti fa`;
  return new DomainError(
    'DUPLICATE_SUSPECTED',
    `Attenzione: ${when} è stata registrata una ricarica di ${formatEuro(amountCents)} ${where}. ` +
      'Confermare solo se si tratta di un nuovo pagamento.',
  );
}

/**
 * What makes a counter's top-up voidable by this approver today: a top-up (cash or card) made here
 * today, not voided yet, approved by someone other than who recorded it (four eyes). Throws the
 * Italian refusal. A split payment's entries are each held to it when the payment is voided.
 */
export function checkVoidable(entry: TopupEntryRow, approverCode: string, counterCode: string, today: string): void {
  if (entry.kind !== 'topup_cash' && entry.kind !== 'topup_card') {
    throw new DomainError('VOID_NOT_ALLOWED', 'Si possono stornare solo le ricariche fatte allo sportello.');
  }
  if (entry.voided) {
    throw new DomainError('ALREADY_VOIDED', `La ricarica ${entry.receipt_no ?? ''} è già stata stornata.`);
  }
  if (entry.counter_code !== counterCode || entry.business_date !== today) {
    throw new DomainError(
      'VOID_NOT_ALLOWED',
      "Si possono stornare solo le ricariche di oggi fatte a questo sportello. Per le altre serve una rettifica dell'ufficio.",
    );
  }
  if (approverCode === entry.operator_code) {
    throw new DomainError(
      'VOID_NOT_ALLOWED',
      'Lo storno va approvato da un supervisore diverso da chi ha registrato la ricarica (quattro occhi).',
    );
  }
}

export function normalisePayerCf(raw: string | undefined): string | null {
  const text = raw?.replace(/\s/g, '').toUpperCase() ?? '';
  if (text === '') return null;
  if (/^\d{11}$/.test(text)) {
    if (isValidTaxCode11(text)) return text;
    throw new DomainError(
      'INPUT_INVALID',
      'Codice fiscale del pagante non valido: la cifra di controllo non corrisponde.',
    );
  }
  // The same check as a registration's: check character, date and a birth place valid on that date.
  const decoded = decodeFiscalCode(text);
  if (!decoded.valid) throw new DomainError('INPUT_INVALID', `Pagante: ${decoded.message}`);
  return decoded.person.code;
}

export function normalisePosCode(method: PaymentMethod, raw: string | undefined): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  if (method !== 'card') {
    throw new DomainError(
      'INPUT_INVALID',
      'Il codice di autorizzazione POS si indica solo per i pagamenti con bancomat/carta.',
    );
  }
  if (!/^[A-Za-z0-9]{1,20}$/.test(text)) {
    throw new DomainError(
      'INPUT_INVALID',
      'Codice di autorizzazione POS non valido: solo lettere e cifre, al massimo 20.',
    );
  }
  return text.toUpperCase();
}
