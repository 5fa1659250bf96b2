import crypto from 'node:crypto';
import type { EnrolRequest, EnrolResponse } from '../shared/central';
import type { CentralSqlite } from './schema';

/**
 * Device identity: a supervisor gets a one-time code for a counter (valid 24 h); the PC trades it
 * for its own token. Enrolling again revokes the counter's previous token, so a counter never has
 * two live PCs. Codes and tokens are stored only as SHA-256 hashes.
 */
const CODE_TTL_MS = 24 * 60 * 60 * 1000;
// No 0/O, 1/I/L: the code is read aloud over the phone and typed by hand.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

export class UnknownCounterError extends Error {
  constructor(code: string) {
    super(`Sportello sconosciuto: "${code}". Controllare il codice dello sportello.`);
    this.name = 'UnknownCounterError';
  }
}

export class EnrolmentRefusedError extends Error {
  constructor() {
    super('Codice di attivazione non valido, scaduto o già usato: richiederne uno nuovo.');
    this.name = 'EnrolmentRefusedError';
  }
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Codes are typed by people: spaces, dashes and case do not matter. */
function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function createEnrolmentCode(sqlite: CentralSqlite, counterCode: string, now = new Date()): string {
  const known = sqlite.prepare('SELECT 1 FROM counters WHERE code = ?').get(counterCode);
  if (known === undefined) throw new UnknownCounterError(counterCode);
  const bytes = crypto.randomBytes(CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += CODE_ALPHABET[b % CODE_ALPHABET.length];
  sqlite
    .prepare('INSERT INTO enrolment_codes (code_hash, counter_code, created_at, expires_at) VALUES (?, ?, ?, ?)')
    .run(sha256(code), counterCode, now.toISOString(), new Date(now.getTime() + CODE_TTL_MS).toISOString());
  return code;
}

/** The last receipt number per year this counter used, from the receipt numbers it pushed ("SE1/2026/000042"). */
export function receiptNumbering(sqlite: CentralSqlite, counterCode: string): EnrolResponse['receiptNumbering'] {
  const receiptNos = sqlite
    .prepare('SELECT receipt_no FROM ledger WHERE counter_code = ? AND receipt_no IS NOT NULL')
    .pluck()
    .all(counterCode) as string[];
  const lastByYear = new Map<number, number>();
  for (const receiptNo of receiptNos) {
    const match = /\/(\d{4})\/(\d+)$/.exec(receiptNo);
    if (!match?.[1] || !match[2]) continue;
    const year = Number(match[1]);
    const n = Number(match[2]);
    if (n > (lastByYear.get(year) ?? 0)) lastByYear.set(year, n);
  }
  return [...lastByYear.entries()].sort(([a], [b]) => a - b).map(([year, lastNumber]) => ({ year, lastNumber }));
}

export class WrongCounterError extends Error {
  constructor(codeCounter: string, asking: string) {
    super(
      `Il codice di attivazione è dello sportello ${codeCounter}, ma questa installazione è lo sportello ${asking}: ` +
        'il codice non è stato usato. Chiedere il codice giusto al supervisore.',
    );
    this.name = 'WrongCounterError';
  }
}

export class SecondInstallationError extends Error {
  constructor(counterCode: string) {
    super(
      `Il token dello sportello ${counterCode} è in uso su un'altra installazione: questo PC è una copia della cartella dati ` +
        "dello sportello (o è stato ripristinato in un'altra cartella). La sincronizzazione di questo PC è ferma e le " +
        'operazioni registrate qui non arrivano al servizio centrale: non incassare su questo PC. Se sostituisce ' +
        "il PC dello sportello, un supervisore lo attivi di nuovo con un nuovo codice (l'altro smetterà di sincronizzare).",
    );
    this.name = 'SecondInstallationError';
  }
}

export function enrol(sqlite: CentralSqlite, request: EnrolRequest, now: Date): Omit<EnrolResponse, 'serverTime'> {
  return sqlite.transaction(() => {
    const codeHash = sha256(normaliseCode(request.code));
    // A code for another counter is refused before it is consumed: typing SE1's code at a pharmacy
    // must neither use it up nor revoke the real SE1.
    if (request.counterCode !== undefined) {
      const codeCounter = sqlite
        .prepare('SELECT counter_code FROM enrolment_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?')
        .pluck()
        .get(codeHash, now.toISOString()) as string | undefined;
      if (codeCounter !== undefined && codeCounter !== request.counterCode) {
        throw new WrongCounterError(codeCounter, request.counterCode);
      }
    }
    // Consuming the code is the first write: a code can win only once, whatever happens next.
    const used = sqlite
      .prepare(
        `UPDATE enrolment_codes SET used_at = @now
         WHERE code_hash = @codeHash AND used_at IS NULL AND expires_at > @now RETURNING counter_code`,
      )
      .pluck()
      .get({ codeHash, now: now.toISOString() }) as string | undefined;
    if (used === undefined) throw new EnrolmentRefusedError();
    sqlite
      .prepare('UPDATE devices SET revoked_at = ? WHERE counter_code = ? AND revoked_at IS NULL')
      .run(now.toISOString(), used);
    const token = crypto.randomBytes(32).toString('base64url');
    sqlite
      .prepare(
        'INSERT INTO devices (token_hash, counter_code, device_name, enrolled_at, installation_id) VALUES (?, ?, ?, ?, ?)',
      )
      .run(sha256(token), used, request.deviceName, now.toISOString(), request.installationId ?? null);
    return { counterCode: used, token, receiptNumbering: receiptNumbering(sqlite, used) };
  })();
}

export type TokenCheck =
  | { status: 'valid'; counterCode: string }
  | { status: 'revoked' }
  | { status: 'unknown' }
  | { status: 'secondInstallation'; counterCode: string };

/**
 * The token's counter, if the token is live and presented by the installation it was given to. A
 * token enrolled without an installation id is bound to the first one presented.
 */
export function checkToken(sqlite: CentralSqlite, token: string, installationId: string | null = null): TokenCheck {
  const hash = sha256(token);
  const row = sqlite
    .prepare(
      `SELECT counter_code AS counterCode, revoked_at AS revokedAt, installation_id AS installationId
       FROM devices WHERE token_hash = ?`,
    )
    .get(hash) as { counterCode: string; revokedAt: string | null; installationId: string | null } | undefined;
  if (row === undefined) return { status: 'unknown' };
  if (row.revokedAt !== null) return { status: 'revoked' };
  if (installationId !== null) {
    if (row.installationId === null) {
      sqlite
        .prepare('UPDATE devices SET installation_id = ? WHERE token_hash = ? AND installation_id IS NULL')
        .run(installationId, hash);
    } else if (row.installationId !== installationId) {
      return { status: 'secondInstallation', counterCode: row.counterCode };
    }
  }
  return { status: 'valid', counterCode: row.counterCode };
}
