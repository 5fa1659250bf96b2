import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { omocodicVariant, withCheckCharacter } from '../../../shared/codiceFiscale';
import { DEFAULT_COUNTER_CONFIG } from '../../../shared/config';
import { makePapayCode } from '../../../shared/papay';
import { openDatabase, type Db } from '../../../src-main/db/open';
import {
  insertAccount,
  insertCentralLedgerEntry,
  insertChild,
  insertFamily,
  InvalidRosterDataError,
  upsertCounter,
  upsertOperator,
} from '../../../src-main/roster/store';

const PARENT_CF = withCheckCharacter('BRTFNC85M45B832');
const CHILD_CF = withCheckCharacter('BRTNCC18C12B832');

describe('roster store', () => {
  let dir: string;
  let db: Db;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-'));
    db = await openDatabase(dir);
    insertFamily(db, {
      id: 'fam-1',
      surname: 'Bertoloni',
      name: 'Francesca',
      fiscalCode: PARENT_CF.toLowerCase(),
      address: 'Via Roma 1, 54033 Carrara (MS)',
      phone: null,
      email: null,
    });
  });

  afterEach(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the codice fiscale normalized and the canonical form of an omocodic one', () => {
    const omocodic = omocodicVariant(CHILD_CF, 3);
    expect(omocodic).not.toBe(CHILD_CF);
    insertChild(db, {
      id: 'child-1',
      familyId: 'fam-1',
      surname: 'Bertoloni',
      name: 'Niccolò',
      fiscalCode: ` ${omocodic.toLowerCase()} `,
      birthDate: '2018-03-12',
      school: 'Scuola primaria Fossone - classe 4ª A',
    });
    const row = db.sqlite.prepare('SELECT fiscal_code, fiscal_code_canonical FROM children').get();
    expect(row).toEqual({ fiscal_code: omocodic, fiscal_code_canonical: CHILD_CF });
    expect(db.sqlite.prepare('SELECT fiscal_code FROM families').get()).toEqual({ fiscal_code: PARENT_CF });
  });

  it('refuses an invalid codice fiscale with the reason in Italian, writing nothing', () => {
    const wrongCheck = CHILD_CF.slice(0, 15) + (CHILD_CF.endsWith('A') ? 'B' : 'A');
    const attempt = (): void =>
      insertChild(db, {
        id: 'child-1',
        familyId: 'fam-1',
        surname: 'Bertoloni',
        name: 'Niccolò',
        fiscalCode: wrongCheck,
        birthDate: '2018-03-12',
        school: 'Scuola primaria Fossone',
      });
    expect(attempt).toThrow(InvalidRosterDataError);
    expect(attempt).toThrow(/Consumatore Bertoloni Niccolò: .*carattere di controllo/);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM children').get()).toEqual({ n: 0 });
    expect(() =>
      insertFamily(db, {
        id: 'fam-2',
        surname: 'X',
        name: 'Y',
        fiscalCode: 'ABC',
        address: 'Z',
        phone: null,
        email: null,
      }),
    ).toThrow(/16 caratteri/);
  });

  it('writes accounts and central history already counted in the balance', () => {
    insertChild(db, {
      id: 'child-1',
      familyId: 'fam-1',
      surname: 'Bertoloni',
      name: 'Niccolò',
      fiscalCode: CHILD_CF,
      birthDate: '2018-03-12',
      school: 'Scuola primaria Fossone',
    });
    const account = {
      id: 'acc-1',
      childId: 'child-1',
      service: 'refezione' as const,
      papayCode: makePapayCode(123456789),
      serverBalanceCents: -450,
      serverSeq: 7,
      serverBalanceAt: '2026-11-27T16:00:00.000Z',
    };
    insertAccount(db, account);
    expect(() => insertAccount(db, { ...account, id: 'acc-2', service: 'trasporto', papayCode: '1234567890' })).toThrow(
      /cifra di controllo/,
    );
    insertCentralLedgerEntry(db, {
      id: 'led-1',
      accountId: 'acc-1',
      kind: 'meal',
      amountCents: -450,
      createdAt: '2026-11-27T11:40:00.000Z',
      businessDate: '2026-11-27',
      counterCode: null,
      reason: null,
    });
    expect(() =>
      insertCentralLedgerEntry(db, {
        id: 'led-2',
        accountId: 'acc-1',
        kind: 'meal',
        amountCents: -4.5,
        createdAt: '2026-11-27T11:40:00.000Z',
        businessDate: '2026-11-27',
        counterCode: null,
        reason: null,
      }),
    ).toThrow(InvalidRosterDataError);
    expect(db.sqlite.prepare('SELECT papay_code, server_balance_cents, server_seq FROM accounts').all()).toEqual([
      { papay_code: '1234567897', server_balance_cents: -450, server_seq: 7 },
    ]);
    expect(db.sqlite.prepare('SELECT id, origin, included_in_server_balance, amount_cents FROM ledger').all()).toEqual([
      { id: 'led-1', origin: 'central', included_in_server_balance: 1, amount_cents: -450 },
    ]);
  });

  it('updates counters and operators in place, keeping the local lockout state', () => {
    const counter = {
      code: 'SE1',
      name: 'Sportello 1',
      kind: 'sportello' as const,
      address: 'Via Solferino 12A',
      config: DEFAULT_COUNTER_CONFIG,
    };
    upsertCounter(db, counter);
    upsertCounter(db, { ...counter, name: 'Sportello uno', config: { ...DEFAULT_COUNTER_CONFIG, largeType: true } });
    const stored = db.sqlite.prepare('SELECT name, config FROM counters').all() as { name: string; config: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.name).toBe('Sportello uno');
    expect(JSON.parse(stored[0]?.config ?? '{}')).toMatchObject({ largeType: true });
    expect(() => upsertCounter(db, { ...counter, config: { ...DEFAULT_COUNTER_CONFIG, receiptHeader: [] } })).toThrow();

    const operator = {
      code: 'sportello1',
      name: 'Anna',
      role: 'sportello' as const,
      counterCode: 'SE1',
      pinHash: 'h1',
    };
    upsertOperator(db, operator);
    db.sqlite.prepare("UPDATE operators SET failed_attempts = 3, locked_until = '2026-11-27T17:00:00.000Z'").run();
    upsertOperator(db, { ...operator, role: 'supervisore', counterCode: null, pinHash: 'h2' });
    expect(
      db.sqlite.prepare('SELECT role, counter_code, pin_hash, failed_attempts, locked_until FROM operators').get(),
    ).toEqual({
      role: 'supervisore',
      counter_code: null,
      pin_hash: 'h2',
      failed_attempts: 3,
      locked_until: '2026-11-27T17:00:00.000Z',
    });
  });
});
