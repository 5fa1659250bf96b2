import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRetention } from '../../../src-main/db/retention';
import { openDatabase, type Db } from '../../../src-main/db/open';
import { receiptsFolder } from '../../../src-main/printing/receiptPrinter';
import { openTestCore, pick, type TestCore } from '../../support/core-fixture';
import { recordHeld } from '../../support/security-table';

let t: TestCore | undefined;
let db: Db | undefined;
afterEach(async () => {
  await t?.close();
  await db?.close();
  t = undefined;
  db = undefined;
});

const DAY = 86_400_000;
const PAYLOAD = JSON.stringify({ family: { fiscalCode: 'RSSMRA80A01H501U', phone: '3331234567' } });

/** A file made `ageDays` before `now` (by its modification time). */
function fileAged(file: string, now: Date, ageDays: number): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'RSSMRA80A01H501U');
  const when = new Date(now.getTime() - ageDays * DAY);
  fs.utimesSync(file, when, when);
  return file;
}

describe('retention: what the PC no longer needs goes, by the counter rule', () => {
  it('drops confirmed registration payloads, printed receipt texts and old documents; keeps the rest; audits it', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const acc = pick(t.sql).account();
    const printed = await t.must('topups.record', { accountId: acc.id, amountCents: 2_000, method: 'cash' });
    const unprinted = await t.must('topups.record', { accountId: acc.id, amountCents: 2_500, method: 'card' });
    t.sql.prepare('UPDATE receipts SET printed_at = NULL WHERE receipt_no = ?').run(unprinted.receiptNo);
    const now = t.clock.now();
    const dataDir = t.dataDir;
    await t.close();
    t = undefined;

    // Written while the counter is closed, so only the run below sees them; the run is 401 days on.
    const later = new Date(now.getTime() + 401 * DAY);
    db = await openDatabase(dataDir);
    const old = new Date(now.getTime() - 40 * DAY).toISOString();
    const insert = db.sqlite.prepare(
      "INSERT INTO outbox (operation_id, type, payload, created_at, state) VALUES (?, 'registration', ?, ?, ?)",
    );
    insert.run(randomUUID(), PAYLOAD, old, 'confirmed');
    insert.run(randomUUID(), PAYLOAD, old, 'pending');
    insert.run(randomUUID(), PAYLOAD, now.toISOString(), 'confirmed');
    const oldNotice = fileAged(path.join(dataDir, 'documents', 'avvisi', 'vecchio.pdf'), later, 120);
    const newNotice = fileAged(path.join(dataDir, 'documents', 'avvisi', 'nuovo.pdf'), later, 10);
    const oldBatch = fileAged(path.join(dataDir, 'documents', 'attestazioni', '2025-lotto', 'a.pdf'), later, 120);
    const oldZ = fileAged(path.join(dataDir, 'documents', 'chiusure', 'chiusura-Z.pdf'), later, 1000);
    const oldReceiptFile = fileAged(path.join(receiptsFolder(dataDir), 'r.txt'), later, 120);
    const done = applyRetention(db, dataDir, 'SE1', undefined, later);
    expect(done).toEqual({ registrationPayloads: 2, receiptTexts: 1, documents: 3 });
    const payloads = db.sqlite.prepare("SELECT state, payload FROM outbox WHERE type = 'registration'").all();
    expect(payloads).toEqual(
      expect.arrayContaining([
        { state: 'confirmed', payload: '{}' },
        { state: 'pending', payload: PAYLOAD },
      ]),
    );
    const text = (no: string) => db!.sqlite.prepare('SELECT text FROM receipts WHERE receipt_no = ?').pluck().get(no);
    expect(text(printed.receiptNo)).toBe('');
    expect(text(unprinted.receiptNo)).not.toBe('');
    // The money stays: the ledger entry and the receipt's number and amount.
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM ledger WHERE id = ?').pluck().get(printed.operationId)).toBe(1);
    for (const gone of [oldNotice, oldBatch, oldReceiptFile, newNotice]) {
      expect(fs.existsSync(gone)).toBe(gone === newNotice);
    }
    expect(fs.existsSync(oldZ)).toBe(true);
    const audit = db.sqlite.prepare("SELECT detail FROM audit WHERE action = 'retention.applied'").pluck().all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0] as string)).toMatchObject({ receiptTexts: 1, rule: { receiptTextDays: 400 } });
    // A second run finds nothing more and writes no audit.
    expect(applyRetention(db, dataDir, 'SE1', undefined, later)).toEqual({
      registrationPayloads: 0,
      receiptTexts: 0,
      documents: 0,
    });
    await db.close();
    db = undefined;

    t = await openTestCore({ dataDir });
    await t.login('sportello1', '2468');
    const copy = await t.call('receipts.reprint', { receiptNo: printed.receiptNo });
    expect(copy).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(copy.ok ? '' : copy.error.message).toMatch(
      /non è più conservato su questo PC.*il pagamento resta registrato/,
    );
    recordHeld({
      attack: 'personal data kept longer than needed (registrations, receipt texts, documents)',
      tried: 3,
      held: 'let go by the retention rule, audited; unconfirmed and unprinted kept',
    });
  });

  it('follows the counter configuration when it sets its own days', async () => {
    t = await openTestCore();
    await t.login('sportello1', '2468');
    const acc = pick(t.sql).account();
    const top = await t.must('topups.record', { accountId: acc.id, amountCents: 2_000, method: 'cash' });
    const now = t.clock.now();
    const dataDir = t.dataDir;
    await t.close();
    t = undefined;
    db = await openDatabase(dataDir);
    const rule = { registrationPayloadDays: 1, receiptTextDays: 30, documentDays: 1 };
    expect(applyRetention(db, dataDir, 'SE1', rule, new Date(now.getTime() + 29 * DAY)).receiptTexts).toBe(0);
    expect(applyRetention(db, dataDir, 'SE1', rule, new Date(now.getTime() + 31 * DAY)).receiptTexts).toBe(1);
    expect(db.sqlite.prepare('SELECT text FROM receipts WHERE receipt_no = ?').pluck().get(top.receiptNo)).toBe('');
  });
});
