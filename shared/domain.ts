import { z } from 'zod';

/** Words of the domain shared by the contract, the core and the renderer. */
export const SERVICES = ['refezione', 'trasporto', 'asilo_nido'] as const;
export const Service = z.enum(SERVICES);
export type Service = z.infer<typeof Service>;

export const SERVICE_LABELS: Record<Service, string> = {
  refezione: 'Refezione scolastica',
  trasporto: 'Trasporto scolastico',
  asilo_nido: 'Asilo nido',
};

export const ROLES = ['sportello', 'farmacia', 'supervisore'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ROLE_LABELS: Record<Role, string> = {
  sportello: 'Operatore di sportello',
  farmacia: 'Operatore di farmacia',
  supervisore: 'Supervisore',
};

export const PAYMENT_METHODS = ['cash', 'card'] as const;
export const PaymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Contanti',
  card: 'Bancomat/carta',
};

/** Cash is not deductible on the 730 since 2020 (L. 160/2019 c. 679); card payments are traceable. */
export function isTraceable(method: PaymentMethod): boolean {
  return method === 'card';
}

export const COUNTER_KINDS = ['sportello', 'economato', 'farmacia'] as const;
export const CounterKind = z.enum(COUNTER_KINDS);
export type CounterKind = z.infer<typeof CounterKind>;

export const LEDGER_KINDS = ['topup_cash', 'topup_card', 'topup_pagopa', 'meal', 'adjustment', 'void'] as const;
export const LedgerKind = z.enum(LEDGER_KINDS);
export type LedgerKind = z.infer<typeof LedgerKind>;

export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  topup_cash: 'Ricarica in contanti',
  topup_card: 'Ricarica con bancomat/carta',
  topup_pagopa: 'Ricarica pagoPA',
  meal: 'Pasto',
  adjustment: 'Rettifica',
  void: 'Storno',
};

export function topupKind(method: PaymentMethod): LedgerKind {
  return method === 'cash' ? 'topup_cash' : 'topup_card';
}
