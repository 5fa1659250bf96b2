import { z } from 'zod';
import { LedgerKind, Service } from '../domain';
import { frontOfficeOnly, MINIMISED_AT_PHARMACY } from './access';
import { Cents, channel, Id, IsoDateTime } from './common';

/** Finding a child's accounts and reading one with its operations. */

/** What the role allows to be seen of a child. A pharmacy gets only the first four fields. */
export const ChildView = z.object({
  childId: Id,
  firstName: z.string(),
  /** Full surname at the front office; the initial followed by a dot at a pharmacy. */
  surname: z.string(),
  school: z.string(),
  fiscalCode: z.string().optional(),
  birthDate: z.string().optional(),
  address: z.string().optional(),
  parent: z.object({ name: z.string(), fiscalCode: z.string() }).optional(),
});
export type ChildView = z.infer<typeof ChildView>;

export const AccountItem = z.object({
  accountId: Id,
  papayCode: z.string(),
  service: Service,
  /** Projected balance: the last pulled balance plus this counter's operations not yet included in it. */
  balanceCents: Cents,
  /** Time of the last balance known from the central service ("saldo al ..."). */
  balanceAsOf: IsoDateTime.nullable(),
  /** The part of balanceCents made of this counter's operations the central service has not counted yet. */
  pendingCents: Cents,
  child: ChildView,
});
export type AccountItem = z.infer<typeof AccountItem>;

export const OperationView = z.object({
  operationId: Id,
  kind: LedgerKind,
  amountCents: Cents,
  createdAt: IsoDateTime,
  counterCode: z.string().nullable(),
  receiptNo: z.string().nullable(),
  voided: z.boolean(),
  /**
   * An operation of this counter the central balance does not count yet: still to send (in the
   * outbox), refused by the central (Da risolvere), or sent and not yet in a pulled balance. Null
   * when the balance counts it, or when it came from the central.
   */
  sendState: z.enum(['to_send', 'rejected', 'not_counted']).nullable(),
  /** True when this counter may void it today. */
  voidable: z.boolean(),
  /**
   * How many accounts the split payment this entry belongs to covers (its void takes them all back);
   * absent for an operation of one account.
   */
  paymentAccounts: z.number().int().min(2).optional(),
});
export type OperationView = z.infer<typeof OperationView>;

/** How many of each account's latest movements the family screen shows. */
export const FAMILY_RECENT_OPERATIONS = 3;

/** One account on the family screen: its balance, as the account view shows it, and its latest movements. */
export const FamilyAccount = z.object({
  account: AccountItem,
  recent: z.array(OperationView).max(FAMILY_RECENT_OPERATIONS),
});
export type FamilyAccount = z.infer<typeof FamilyAccount>;

/**
 * A family as the front office sees it: the adulto di riferimento (null for a child registered
 * without one) and every child linked to them, each with each service's account.
 */
export const FamilyView = z.object({
  parent: z.object({ name: z.string(), fiscalCode: z.string() }).nullable(),
  children: z.array(z.object({ child: ChildView, accounts: z.array(FamilyAccount).min(1) })).min(1),
});
export type FamilyView = z.infer<typeof FamilyView>;

export const accountChannels = {
  'accounts.find': channel(
    z.object({ query: z.string().max(100), page: z.number().int().min(0).max(10_000).optional() }).strict(),
    z.object({
      queryKind: z.enum(['papay', 'cf', 'name']),
      items: z.array(AccountItem),
      /** Next page to ask for, null when this was the last. Name searches are paginated. */
      nextPage: z.number().int().nullable(),
      /** How many children the whole search found, all pages together. */
      totalChildren: z.number().int().min(0),
    }),
    MINIMISED_AT_PHARMACY,
  ),
  'accounts.get': channel(
    z.object({ accountId: Id }).strict(),
    z.object({ account: AccountItem, operations: z.array(OperationView) }),
    MINIMISED_AT_PHARMACY,
  ),
  /** The family of an account's child: the adulto di riferimento and every child linked to them. */
  'accounts.family': channel(
    z.object({ accountId: Id }).strict(),
    FamilyView,
    frontOfficeOnly(
      'In farmacia si vede solo il conto del codice Pa-Pay cercato: la famiglia si consulta allo sportello dei Servizi Educativi.',
    ),
  ),
} as const;
