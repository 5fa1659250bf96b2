import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { requestQueries } from './queries';

/** What a money request asked, without its id or any secret: the same id must ask the same thing. */
export function fingerprintOf(fields: Record<string, unknown>): string {
  const sorted = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k] ?? null]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

export interface MoneyRequest {
  channel: string;
  requestId: string;
  operatorCode: string;
  fingerprint: string;
}

export const REQUEST_REUSED =
  'Questa richiesta risulta già registrata con dati diversi: controllare le ultime operazioni del conto prima di ripetere.';

/**
 * Idempotent money requests: each carries the id its client made for the operator's action. The
 * first reply is kept in the same transaction as the operation; a repeat of the id gets that reply
 * back and records nothing. The core is one thread and a money operation runs synchronously from
 * this look-up to its commit, so two copies of one request in flight cannot both record (and the
 * primary key would refuse the second if they could).
 */
export function moneyRequests(sqlite: BetterSqlite3.Database) {
  const q = requestQueries(sqlite);
  return {
    /** The first reply to this request, or null if it was never recorded. */
    prior<T>(req: MoneyRequest): T | null {
      const row = q.byId.get(req.requestId);
      if (!row) return null;
      if (
        row.channel !== req.channel ||
        row.operator_code !== req.operatorCode ||
        row.fingerprint !== req.fingerprint
      ) {
        throw new DomainError('INPUT_INVALID', REQUEST_REUSED);
      }
      return JSON.parse(row.reply) as T;
    },
    /** Inside the operation's transaction: the reply a repeat will get. */
    remember(req: MoneyRequest, operationId: string, reply: unknown, at: string): void {
      q.insert.run({
        request_id: req.requestId,
        channel: req.channel,
        operator_code: req.operatorCode,
        fingerprint: req.fingerprint,
        operation_id: operationId,
        reply: JSON.stringify(reply),
        created_at: at,
      });
    },
  };
}
