import fs from 'node:fs';
import path from 'node:path';
import type { AccountItem, AttestationView } from '../../shared/contract';
import { taxYearsOf } from '../../shared/config';
import { LedgerKind } from '../../shared/domain';
import { DomainError } from '../../shared/errors';
import { attestationFigures, taxYearProblem, type AttestationFigures } from '../../shared/family/attestation';
import { taxRulesOf } from '../../shared/family/taxConfig';
import { romeDate, romeYear } from '../../shared/time';
import { AccountLookup } from '../accounts/lookup';
import type { CoreContext } from '../core/context';
import { attestationDocument } from '../documents/attestationPdf';
import { renderPdf, writeFileAtomically } from '../documents/pdf';
import { journal } from '../journal/journal';
import type { Operator } from '../session/sessions';
import { dataAsOfReader } from '../statements/statements';
import { nextTillNumber } from '../till/close';
import { tillQueries } from '../till/queries';
import { attestationQueries, type AttestationRow } from './queries';

/** Where the attestazioni of a tax year are saved: one folder per year, the batch's in its own. */
export function attestationFolder(dataDir: string, taxYear: number, batch: boolean): string {
  return path.resolve(dataDir, 'documents', 'attestazioni', batch ? `${taxYear}-lotto` : String(taxYear));
}

function fileName(protocolNo: string, account: AccountItem): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]/g, '_');
  return `attestazione-${safe(account.papayCode)}-${account.service}-${safe(protocolNo)}.pdf`;
}

export function formatProtocolNo(counterCode: string, year: number, number: number): string {
  return `${counterCode}/${year}/A${String(number).padStart(5, '0')}`;
}

/**
 * The attestazioni of a counter: the figures of an account's tax year, the protocol number and the
 * register row with its audit in one transaction, then the A4 PDF rendered from the row (so a row
 * whose file was lost is written again as it was, under the same number).
 */
export function attestationOffice(ctx: CoreContext) {
  const lookup = new AccountLookup(ctx.db);
  const q = attestationQueries(ctx.db.sqlite);
  const log = journal(ctx.db.sqlite);
  const dataAsOf = dataAsOfReader(ctx.db);

  const account = (accountId: string): AccountItem => {
    const found = lookup.get(accountId, 'full');
    if (found === null) throw new DomainError('NOT_FOUND', 'Conto non trovato: ripetere la ricerca.');
    return found;
  };

  const checkYear = (taxYear: number): void => {
    const problem = taxYearProblem(taxYear, romeDate(ctx.clock.now()));
    if (problem !== null) throw new DomainError('INPUT_INVALID', problem);
    taxRulesOf(taxYearsOf(ctx.counter.config), taxYear);
  };

  const figures = (a: AccountItem, taxYear: number): AttestationFigures => {
    const entries = q.paidInYear.all(a.accountId, `${taxYear}-01-01`, `${taxYear}-12-31`).map((r) => ({
      kind: LedgerKind.parse(r.kind),
      amountCents: r.amount_cents,
      day: r.business_date,
      voidsKind: r.voids_kind === null ? null : LedgerKind.parse(r.voids_kind),
      payerCf: r.payer_cf,
    }));
    return attestationFigures(entries, a.service, taxYear, taxYearsOf(ctx.counter.config));
  };

  /** Numbers and registers one attestation, with its audit: call inside a transaction. */
  const register = (
    a: AccountItem,
    f: AttestationFigures,
    operator: Operator,
    batchYear: number | null,
    at: Date,
  ): AttestationRow => {
    const code = ctx.counter.code;
    const year = romeYear(at);
    // The protocol number shares the till's per-counter, per-year sequences (kind 'A').
    const number = nextTillNumber(tillQueries(ctx.db.sqlite), code, 'A', year);
    const protocolNo = formatProtocolNo(code, year, number);
    const row: AttestationRow = {
      protocol_no: protocolNo,
      counter_code: code,
      year,
      number,
      account_id: a.accountId,
      tax_year: f.taxYear,
      batch_year: batchYear,
      issued_at: at.toISOString(),
      operator_code: operator.code,
      code: f.code,
      traceable_cents: f.traceableCents,
      cash_cents: f.cashCents,
      payer_cfs: JSON.stringify(f.payerCfs),
      file: path.join(attestationFolder(ctx.dataDir, f.taxYear, batchYear !== null), fileName(protocolNo, a)),
      data_as_of: dataAsOf(a),
    };
    q.insert.run(row);
    log.audit({
      at: row.issued_at,
      counterCode: code,
      operatorCode: operator.code,
      action: 'attestation.issue',
      detail: {
        protocolNo,
        accountId: a.accountId,
        papayCode: a.papayCode,
        taxYear: f.taxYear,
        totalCents: f.totalCents,
        batch: batchYear !== null,
      },
    });
    return row;
  };

  /** The attestation as the register holds it (code limits and notes from the year's rules). */
  const viewOf = (row: AttestationRow, a: AccountItem): AttestationView => {
    const rule = taxRulesOf(taxYearsOf(ctx.counter.config), row.tax_year);
    const totalCents = row.traceable_cents + row.cash_cents;
    return {
      protocolNo: row.protocol_no,
      issuedAt: row.issued_at,
      account: a,
      taxYear: row.tax_year,
      code: row.code,
      limitCents: rule.limitCents[row.code] ?? null,
      notes: rule.notes,
      traceableCents: row.traceable_cents,
      cashCents: row.cash_cents,
      totalCents,
      payerCfs: JSON.parse(row.payer_cfs) as string[],
      none: row.traceable_cents === 0 && row.cash_cents === 0,
      dataAsOf: row.data_as_of,
    };
  };

  /** Renders the row's document and saves it (durable: fsync'd, for one at the desk; a batch fsyncs its folder at the end). */
  const write = async (view: AttestationView, file: string, operator: Operator, durable: boolean): Promise<void> => {
    const doc = attestationDocument(
      {
        header: ctx.counter.config.receiptHeader,
        enteFiscalCode: ctx.counter.config.ente?.fiscalCode ?? null,
        counterName: ctx.counter.name,
        printedAt: ctx.clock.now().toISOString(),
        operator: `${operator.name} (${operator.code})`,
      },
      view,
    );
    const pdf = await renderPdf(doc);
    if (durable) writeFileAtomically(file, pdf);
    else {
      const temp = `${file}.tmp`;
      fs.writeFileSync(temp, pdf);
      fs.renameSync(temp, file);
    }
  };

  return {
    account,
    checkYear,
    figures,
    register,
    viewOf,
    write,
    /** One attestation at the desk: numbered, audited, saved; the view and the PDF's path. */
    async issue(accountId: string, taxYear: number, operator: Operator) {
      checkYear(taxYear);
      const a = account(accountId);
      const f = figures(a, taxYear);
      const row = ctx.db.sqlite.transaction(() => register(a, f, operator, null, ctx.clock.now()))();
      const view = viewOf(row, a);
      await write(view, row.file, operator, true);
      return { attestation: view, pdfPath: row.file };
    },
  };
}

export type AttestationOffice = ReturnType<typeof attestationOffice>;
