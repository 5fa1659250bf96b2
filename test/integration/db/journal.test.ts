import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/db/open';
import { journal, type OutboxPayloads } from '../../../src-main/journal/journal';

let dataDir: string;
let db: Db;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(os.tmpdir() + '/sportello-journal-');
  db = await openDatabase(dataDir);
});

afterAll(async () => {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('journal', () => {
  it('queues an operation under its own id and time, with its kind in the type column', () => {
    const payload: OutboxPayloads['notice_cancel'] = {
      id: '0190a0b0-0000-7000-8000-000000000001',
      noticeId: '0190a0b0-0000-7000-8000-000000000002',
      accountId: '0190a0b0-0000-7000-8000-000000000003',
      counterCode: 'SE1',
      operatorCode: 'sportello1',
      createdAt: '2026-10-05T08:30:00.000Z',
      reason: 'importo errato',
      amountCents: 4500,
    };
    journal(db.sqlite).outbox({ type: 'notice_cancel', payload });
    const row = db.sqlite
      .prepare('SELECT operation_id, type, payload, created_at, state FROM outbox WHERE operation_id = ?')
      .get(payload.id);
    expect(row).toEqual({
      operation_id: payload.id,
      type: 'notice_cancel',
      payload: JSON.stringify(payload),
      created_at: '2026-10-05T08:30:00.000Z',
      state: 'pending',
    });
  });

  it('records who did what, with the detail as JSON', () => {
    journal(db.sqlite).audit({
      at: '2026-10-05T08:31:00.000Z',
      counterCode: 'SE1',
      operatorCode: 'supervisore',
      action: 'sync.retry',
      detail: { operationId: 'op-1', rejectedReason: 'conto chiuso' },
    });
    const row = db.sqlite
      .prepare("SELECT at, counter_code, operator_code, detail FROM audit WHERE action = 'sync.retry'")
      .get();
    expect(row).toEqual({
      at: '2026-10-05T08:31:00.000Z',
      counter_code: 'SE1',
      operator_code: 'supervisore',
      detail: '{"operationId":"op-1","rejectedReason":"conto chiuso"}',
    });
  });

  it('is one per connection: its statements are prepared once', () => {
    expect(journal(db.sqlite)).toBe(journal(db.sqlite));
  });
});
