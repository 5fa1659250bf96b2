import type BetterSqlite3 from 'better-sqlite3';
import type { Operation } from '../../shared/central';
import type { PaymentMethod } from '../../shared/domain';
import { preparedPerConnection } from '../db/statements';

/**
 * The journal: the one place that writes outbox rows (what the sync sends to the central service)
 * and audit rows (who did what, kept at the counter). Both are written inside the caller's
 * transaction, beside the data they describe, so the three never disagree.
 */

type OperationOf<K extends Operation['type']> = Omit<Extract<Operation, { type: K }>, 'type'>;

/**
 * What each kind of outbox row carries: the central's operation without its `type`, which has a
 * column of its own. A cancel also carries the notice's amount, for the "Da risolvere" list only
 * (the central reads the notice's own amount).
 */
export type OutboxPayloads = {
  [K in Operation['type']]: OperationOf<K> & (K extends 'notice_cancel' ? { amountCents: number } : unknown);
};
export type OutboxKind = keyof OutboxPayloads;

/** Each audit action with the detail it records (stored as JSON). */
export interface AuditDetails {
  'topup.record': {
    operationId: string;
    accountId: string;
    amountCents: number;
    method: PaymentMethod;
    receiptNo: string;
  };
  'topup.void': { operationId: string; voids: string; approvedBy: string; reason: string; receiptNo: string };
  /** One payment split across a family's accounts: one receipt, one entry per account. */
  'payment.record': {
    paymentId: string;
    receiptNo: string;
    method: PaymentMethod;
    totalCents: number;
    lines: { operationId: string; accountId: string; amountCents: number }[];
  };
  /** A split payment voided as a whole (paymentId is the void's own id). */
  'payment.void': {
    paymentId: string;
    voids: string;
    approvedBy: string;
    reason: string;
    receiptNo: string;
    operationIds: string[];
  };
  'receipt.reprint': { receiptNo: string };
  'notice.issue': { noticeId: string; accountId: string; amountCents: number; navs: string[] };
  'notice.cancel': { noticeId: string; operationId: string; reason: string };
  'notice.reprint': { noticeId: string; nav: string; state: string };
  'notice.printThermal': { noticeId: string; nav: string; printed: boolean; error?: string };
  'report.printDay': { date: string; printed: boolean; error?: string };
  /** Documents given to a family: who printed what for whom (the operator is the row's). */
  'statement.pdf': { accountId: string; papayCode: string; from: string; to: string; closingCents: number };
  'statement.printShort': {
    accountId: string;
    papayCode: string;
    movements: number;
    printed: boolean;
    error?: string;
  };
  /** An attestazione for the 730 numbered for a child's service (batch: written by the yearly batch). */
  'attestation.issue': {
    protocolNo: string;
    accountId: string;
    papayCode: string;
    taxYear: number;
    totalCents: number;
    batch: boolean;
  };
  'sync.retry': { operationId: string; rejectedReason: string | null };
  /** The central holds receipt numbers this counter had not reached: numbering continues after them. */
  'receipts.numberingBehind': { year: number; localLastNumber: number; centralLastNumber: number };
  /** A supervisor put a good copy in place of a damaged database (the damaged file was set aside). */
  'database.restored': { restoredFrom: string; setAside: string; restoredAt: string };
  /** The retention rule let go of personal data no longer needed on this PC (how many of each, by which rule). */
  'retention.applied': {
    registrationPayloads: number;
    receiptTexts: number;
    documents: number;
    rule: { registrationPayloadDays: number; receiptTextDays: number; documentDays: number };
  };
  iscrizione: {
    registrationId: string;
    operationId: string;
    familyId: string;
    children: string[];
    enrolments: string[];
    consentTextSha256: string;
  };
  'till.open': { sessionId: string; floatCents: number };
  'till.movement': {
    movementId: string;
    sessionId: string;
    kind: 'versamento' | 'reintegro' | 'prelievo';
    amountCents: number;
    documentNo: string;
    reference: string | null;
  };
  'till.close': {
    sessionId: string;
    zNo: string;
    rectifies: string | null;
    cashDifferenceCents: number;
    cardDifferenceCents: number;
    approvedBy: string | null;
    /** At a pharmacy, who confirmed the statement against the POS slip. */
    confirmedByPharmacist: string | null;
    unsent: number;
  };
  'till.reopen': { sessionId: string; zNo: string; approvedBy: string; reason: string };
  'till.printZ': { zNo: string; printed: boolean; error?: string };
  /** A code and PIN refused, at a login or in an approval; `operator` is the code as typed. */
  'credentials.refused': {
    use: 'login' | 'approval';
    operator: string;
    refusal: 'unknown' | 'inactive' | 'wrongPin' | 'locked' | 'weakSecret';
  };
  /** Too many wrong PINs at login: the operator is locked at this PC until `until`. */
  'operator.locked': { operator: string; until: string; attempts: number };
  /** Too many wrong approval PINs asked for by `operator`: no approvals for them until `until`. */
  'approvals.blocked': { operator: string; until: string; attempts: number };
  /** A supervisor (the row's operator) lifted an operator's lock. */
  'operator.unlocked': { operator: string; lockedUntil: string | null; approvalsBlocked: boolean };
  /** The cash drawer on the receipt printer's kick port: after a cash top-up, or at a supervisor's request. */
  'drawer.kick': { reason: 'topup' | 'request'; operationId: string | null; opened: boolean; error?: string };
  /** A supervisor changed a setting of this PC (receipt or A4 printer, central, updates). */
  'settings.change': { step: string; value: unknown };
  'settings.diagnostics': { fileName: string };
  figlio_ricollegato: { childId: string; fromFamilyId: string | null; toFamilyId: string; registrationId: string };
}
export type AuditAction = keyof AuditDetails;

/** One outbox row: its kind (the `type` column) and the payload of that kind. */
export type OutboxEntry = { [K in OutboxKind]: { type: K; payload: OutboxPayloads[K] } }[OutboxKind];

/** One audit row: its action and the detail of that action. */
export type AuditEntry = {
  [A in AuditAction]: {
    at: string;
    counterCode: string;
    operatorCode: string | null;
    action: A;
    detail: AuditDetails[A];
  };
}[AuditAction];

/** An audit entry without the fields the caller's context fills in (an Omit that keeps each action with its detail). */
export type AuditEntryWithout<F extends 'at' | 'counterCode' | 'operatorCode'> = AuditEntry extends infer E
  ? E extends AuditEntry
    ? Omit<E, F>
    : never
  : never;

export interface Journal {
  /** Queues an operation for the central service: the payload's id is the row's operation id. */
  outbox(entry: OutboxEntry): void;
  audit(entry: AuditEntry): void;
}

/** The journal of a connection (its statements are prepared once per connection). */
export const journal: (sqlite: BetterSqlite3.Database) => Journal = preparedPerConnection((sqlite) => {
  const outbox = sqlite.prepare<[operationId: string, type: OutboxKind, payload: string, createdAt: string]>(
    'INSERT INTO outbox (operation_id, type, payload, created_at) VALUES (?, ?, ?, ?)',
  );
  const audit = sqlite.prepare<
    [at: string, counterCode: string, operatorCode: string | null, action: AuditAction, detail: string]
  >('INSERT INTO audit (at, counter_code, operator_code, action, detail) VALUES (?, ?, ?, ?, ?)');
  return {
    outbox({ type, payload }) {
      outbox.run(payload.id, type, JSON.stringify(payload), payload.createdAt);
    },
    audit(entry) {
      audit.run(entry.at, entry.counterCode, entry.operatorCode, entry.action, JSON.stringify(entry.detail));
    },
  };
});
