import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_RETENTION, type Retention } from '../../shared/config';
import { journal } from '../journal/journal';
import { receiptsFolder } from '../printing/receiptPrinter';
import type { Db } from './open';

/** The folders under `<dataDir>/documents` whose files the retention rule lets go (not `chiusure`, not `rapporti`). */
const PERSONAL_DOCUMENTS = ['avvisi', 'estratti', 'attestazioni', 'iscrizioni', 'diagnostica'];

export interface RetentionDone {
  registrationPayloads: number;
  receiptTexts: number;
  documents: number;
}

const DAY_MS = 86_400_000;

/**
 * Lets go of the personal data this PC no longer needs, by the counter's rule: a registration's
 * payload once the central confirmed it, a printed receipt's text (the receipt's number, amount
 * and ledger entry stay; a duplicate is then refused in Italian), the documents made here. What
 * the central has not confirmed, and receipts not yet printed, are never touched. Audited when
 * anything went. Runs after the hourly backup, off the operator's path.
 */
export function applyRetention(
  db: Db,
  dataDir: string,
  counterCode: string,
  rule: Retention | undefined,
  at: Date,
): RetentionDone {
  const r = rule ?? DEFAULT_RETENTION;
  const before = (days: number) => new Date(at.getTime() - days * DAY_MS).toISOString();
  const done = db.sqlite.transaction((): Omit<RetentionDone, 'documents'> => {
    const registrationPayloads = db.sqlite
      .prepare(
        `UPDATE outbox SET payload = '{}'
          WHERE type = 'registration' AND state = 'confirmed' AND created_at < ? AND payload <> '{}'`,
      )
      .run(before(r.registrationPayloadDays)).changes;
    const receiptTexts = db.sqlite
      .prepare(`UPDATE receipts SET text = '' WHERE created_at < ? AND printed_at IS NOT NULL AND text <> ''`)
      .run(before(r.receiptTextDays)).changes;
    return { registrationPayloads, receiptTexts };
  })();
  const cutoff = at.getTime() - r.documentDays * DAY_MS;
  const folders = [...PERSONAL_DOCUMENTS.map((d) => path.join(dataDir, 'documents', d)), receiptsFolder(dataDir)];
  const documents = folders.reduce((n, dir) => n + removeFilesOlderThan(dir, cutoff), 0);
  const result = { ...done, documents };
  if (result.registrationPayloads + result.receiptTexts + result.documents > 0) {
    journal(db.sqlite).audit({
      at: at.toISOString(),
      counterCode,
      operatorCode: null,
      action: 'retention.applied',
      detail: { ...result, rule: r },
    });
  }
  return result;
}

function removeFilesOlderThan(dir: string, cutoffMs: number): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) removed += removeFilesOlderThan(file, cutoffMs);
    else if (entry.isFile() && fs.statSync(file).mtimeMs < cutoffMs) {
      fs.rmSync(file);
      removed++;
    }
  }
  return removed;
}
