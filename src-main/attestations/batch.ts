import fs from 'node:fs';
import path from 'node:path';
import type { AccountItem, BatchResult } from '../../shared/contract';
import { SERVICE_LABELS } from '../../shared/domain';
import { csvCents, toCsv, type CsvField } from '../../shared/reports/csv';
import type { CoreContext } from '../core/context';
import { writeFileAtomically } from '../documents/pdf';
import type { Operator } from '../session/sessions';
import { attestationFolder, type AttestationOffice } from './attestations';
import { attestationQueries, type AttestationRow } from './queries';

/** Accounts numbered per transaction and reported per progress event. */
const CHUNK = 100;

export const INDEX_FILE = 'indice.csv';

const INDEX_HEAD = [
  'Protocollo',
  'Codice Pa-Pay',
  'Servizio',
  'Cognome',
  'Nome',
  'Codice fiscale bambino/a',
  'Adulto di riferimento',
  'Codice fiscale adulto',
  'Codici fiscali paganti',
  'Codice 730',
  'Tracciabili',
  'Contanti',
  'Totale',
  'File',
];

function indexRow(row: AttestationRow, a: AccountItem): CsvField[] {
  const c = a.child;
  return [
    row.protocol_no,
    a.papayCode,
    SERVICE_LABELS[a.service],
    c.surname,
    c.firstName,
    c.fiscalCode ?? null,
    c.parent?.name ?? null,
    c.parent?.fiscalCode ?? null,
    (JSON.parse(row.payer_cfs) as string[]).join(' '),
    row.code,
    csvCents(row.traceable_cents),
    csvCents(row.cash_cents),
    csvCents(row.traceable_cents + row.cash_cents),
    path.basename(row.file),
  ];
}

/** A file a crash may have left empty is not a document written. */
function written(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/**
 * The yearly batch: an attestation for every account with a payment or a void in the tax year, into
 * one folder with a CSV index. Resumable: an account the register already holds for this batch keeps
 * its protocol number and is only written again when its file is missing. The numbers, the register
 * rows and their audit go in one transaction per chunk; the PDFs follow (not fsync'd one by one: the
 * index, written last, is, and a lost file is written again by the next run). A run stopped on request
 * ends between two documents, without the index: the next run continues and writes it.
 */
export async function writeBatch(
  ctx: CoreContext,
  office: AttestationOffice,
  taxYear: number,
  operator: Operator,
  /** Asked between two documents: true stops the run there (the next one continues; no index yet). */
  stopRequested: () => boolean = () => false,
): Promise<BatchResult> {
  office.checkYear(taxYear);
  const q = attestationQueries(ctx.db.sqlite);
  const folder = attestationFolder(ctx.dataDir, taxYear, true);
  fs.mkdirSync(folder, { recursive: true });
  const ids = q.accountsPaidInYear.all(`${taxYear}-01-01`, `${taxYear}-12-31`).map((r) => r.account_id);
  const registered = new Map(q.batchRows.all(taxYear).map((r) => [r.account_id, r]));
  const accounts = new Map<string, AccountItem>();
  const result: BatchResult = {
    taxYear,
    folder,
    indexPath: path.join(folder, INDEX_FILE),
    total: ids.length,
    written: 0,
    rewritten: 0,
    skipped: 0,
    stopped: false,
  };
  ctx.emit('attestations.progress', { taxYear, done: 0, total: ids.length });
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK).map((id) => office.account(id));
    for (const a of chunk) accounts.set(a.accountId, a);
    const fresh = chunk.filter((a) => !registered.has(a.accountId)).map((a) => ({ a, f: office.figures(a, taxYear) }));
    const at = ctx.clock.now();
    const rows = ctx.db.sqlite.transaction(() =>
      fresh.map(({ a, f }) => office.register(a, f, operator, taxYear, at)),
    )();
    const isNew = new Set(rows.map((r) => r.account_id));
    for (const r of rows) registered.set(r.account_id, r);
    let done = start;
    for (const a of chunk) {
      // Let the host answer meanwhile (the stop request itself, the status bar): a render yields
      // only to promise jobs, never to the network.
      await new Promise((resolve) => setImmediate(resolve));
      if (stopRequested()) {
        // What this chunk numbered and did not write yet is written by the next run, under its number.
        ctx.emit('attestations.progress', { taxYear, done, total: ids.length });
        return { ...result, stopped: true };
      }
      done++;
      const row = registered.get(a.accountId);
      if (row === undefined) throw new Error(`attestazione non registrata per il conto ${a.accountId}`);
      if (!isNew.has(a.accountId) && written(row.file)) {
        result.skipped++;
        continue;
      }
      await office.write(office.viewOf(row, a), row.file, operator, false);
      if (isNew.has(a.accountId)) result.written++;
      else result.rewritten++;
    }
    ctx.emit('attestations.progress', { taxYear, done: Math.min(start + CHUNK, ids.length), total: ids.length });
  }
  const index = [...registered.values()]
    .sort((x, y) => x.year - y.year || x.number - y.number)
    .map((row) => indexRow(row, accounts.get(row.account_id) ?? office.account(row.account_id)));
  writeFileAtomically(result.indexPath, Buffer.from(toCsv([INDEX_HEAD, ...index]), 'utf8'));
  return result;
}
