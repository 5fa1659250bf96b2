import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** An entry of an account as the attestation reads it: its day, its payer, the kind of what it voids. */
export type PaidRow = Pick<Row<'ledger'>, 'kind' | 'amount_cents' | 'business_date' | 'payer_cf'> & {
  voids_kind: Row<'ledger'>['kind'] | null;
};

export type AttestationRow = Row<'attestations'>;

const PAYMENT_KINDS = `('topup_cash', 'topup_card', 'topup_pagopa', 'void')`;

export const attestationQueries = preparedPerConnection((s) => ({
  /** The payments and voids of an account within a calendar year (index ledger_account serves the account). */
  paidInYear: s.prepare<[accountId: string, from: string, to: string], PaidRow>(
    `SELECT l.kind, l.amount_cents, l.business_date, l.payer_cf, v.kind AS voids_kind
       FROM ledger l
       LEFT JOIN ledger v ON v.id = l.voids_id
      WHERE l.account_id = ? AND l.business_date BETWEEN ? AND ? AND l.kind IN ${PAYMENT_KINDS}`,
  ),
  /** Every account with a payment or a void in a calendar year: whom the yearly batch writes for. */
  accountsPaidInYear: s.prepare<[from: string, to: string], { account_id: string }>(
    `SELECT DISTINCT account_id FROM ledger
      WHERE business_date BETWEEN ? AND ? AND kind IN ${PAYMENT_KINDS}
      ORDER BY account_id`,
  ),
  insert: s.prepare<[AttestationRow]>(
    `INSERT INTO attestations (protocol_no, counter_code, year, number, account_id, tax_year, batch_year, issued_at,
                               operator_code, code, traceable_cents, cash_cents, payer_cfs, file, data_as_of)
     VALUES (@protocol_no, @counter_code, @year, @number, @account_id, @tax_year, @batch_year, @issued_at,
             @operator_code, @code, @traceable_cents, @cash_cents, @payer_cfs, @file, @data_as_of)`,
  ),
  /** What the yearly batch already numbered, account by account. */
  batchRows: s.prepare<[batchYear: number], AttestationRow>(
    `SELECT * FROM attestations WHERE batch_year = ? ORDER BY account_id`,
  ),
}));
