import type { CoreContext } from '../core/context';
import { tillConfigOf } from '../../shared/config';
import { DomainError } from '../../shared/errors';
import { tillQueries } from './queries';

export const TILL_NOT_OPEN_MESSAGE =
  'La cassa non è aperta: aprire la sessione di cassa (fondo cassa) prima di registrare un incasso. ' +
  'Nulla è stato registrato.';

/**
 * The check every money operation makes inside its own transaction: with the counter's configuration
 * requiring it, no open session means TILL_NOT_OPEN and nothing written (the UI offers to open one).
 * Inside the transaction, a close racing with the operation is either before it (refused) or after it
 * (the operation is in the close).
 */
export function tillGuard(ctx: CoreContext): () => void {
  const q = tillQueries(ctx.db.sqlite);
  return () => {
    if (!tillConfigOf(ctx.counter).requireOpenSession) return;
    if (!q.openSession.get(ctx.counter.code)) throw new DomainError('TILL_NOT_OPEN', TILL_NOT_OPEN_MESSAGE);
  };
}
