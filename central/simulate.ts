import crypto from 'node:crypto';
import { v5 as uuidV5, v7 as uuidV7 } from 'uuid';
import { centralRow, ledgerWriter } from './ledger';
import type { CentralSqlite } from './schema';

/**
 * What happens centrally during a school day, for tests and demos: the canteen counts the meals
 * (one charge per refezione account per day) and parents pay through pagoPA.
 */
export const DEFAULT_MEAL_PRICE_CENTS = 350;
// Namespace of the meal ids: one meal per account per day, so simulating a day twice charges once.
const MEAL_NAMESPACE = '6f1d2c4e-8a3b-5c7d-9e0f-1a2b3c4d5e6f';

export class UnknownAccountError extends Error {
  constructor(accountId: string) {
    super(`Conto ${accountId} sconosciuto.`);
    this.name = 'UnknownAccountError';
  }
}

export interface MealsResult {
  date: string;
  priceCents: number;
  /** Meals charged now (a day simulated again charges none). */
  charged: number;
  totalCents: number;
  firstSeq: number | null;
  lastSeq: number | null;
}

export function simulateMeals(sqlite: CentralSqlite, date: string, priceCents: number, now: Date): MealsResult {
  const ledger = ledgerWriter(sqlite);
  // Meals are counted at the canteen around lunch, 12:45 in Rome.
  const createdAt = new Date(`${date}T11:45:00.000Z`).toISOString();
  return sqlite.transaction(() => {
    const accounts = sqlite
      .prepare("SELECT id FROM accounts WHERE service = 'refezione' ORDER BY id")
      .pluck()
      .all() as string[];
    const result: MealsResult = { date, priceCents, charged: 0, totalCents: 0, firstSeq: null, lastSeq: null };
    for (const accountId of accounts) {
      const appended = ledger.append(
        centralRow({
          id: uuidV5(`meal:${accountId}:${date}`, MEAL_NAMESPACE),
          accountId,
          kind: 'meal',
          amountCents: -priceCents,
          createdAt,
          receivedAt: now.toISOString(),
        }),
      );
      if (!appended.inserted) continue;
      result.charged++;
      result.totalCents -= priceCents;
      result.firstSeq ??= appended.seq;
      result.lastSeq = appended.seq;
    }
    return result;
  })();
}

export interface PagopaResult {
  id: string;
  seq: number;
  balanceCents: number;
}

export function simulatePagopa(
  sqlite: CentralSqlite,
  payment: { accountId: string; amountCents: number; id?: string },
  now: Date,
): PagopaResult {
  const ledger = ledgerWriter(sqlite);
  return sqlite.transaction(() => {
    const known = sqlite.prepare('SELECT 1 FROM accounts WHERE id = ?').get(payment.accountId);
    if (known === undefined) throw new UnknownAccountError(payment.accountId);
    const id = payment.id ?? uuidV7({ msecs: now.getTime(), random: crypto.randomBytes(16) });
    const { seq } = ledger.append(
      centralRow({
        id,
        accountId: payment.accountId,
        kind: 'topup_pagopa',
        amountCents: payment.amountCents,
        createdAt: now.toISOString(),
        receivedAt: now.toISOString(),
      }),
    );
    const balanceCents = sqlite
      .prepare('SELECT balance_cents FROM accounts WHERE id = ?')
      .pluck()
      .get(payment.accountId) as number;
    return { id, seq, balanceCents };
  })();
}
