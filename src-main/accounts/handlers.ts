import { FAMILY_RECENT_OPERATIONS } from '../../shared/contract';
import { DomainError } from '../../shared/errors';
import { parseQuery } from '../../shared/lookup';
import { searchAllowed, searchRefusedMessage } from '../../shared/roles';
import { romeDate } from '../../shared/time';
import type { CoreContext } from '../core/context';
import type { HandlersOf } from '../core/call';
import { AccountLookup } from './lookup';
import { operationsReader } from './operations';

/** Finding a child's accounts and reading one (minimised at a pharmacy). */
export function accountHandlers(ctx: CoreContext): HandlersOf<'accounts'> {
  const lookup = new AccountLookup(ctx.db);
  const operations = operationsReader(ctx.db, ctx.counter.code);

  return {
    'accounts.find': ({ input, operator, visibility }) => {
      const parsed = parseQuery(input.query);
      if (!searchAllowed(operator.role, ctx.counter.kind, parsed.kind))
        throw new DomainError('FORBIDDEN', searchRefusedMessage());
      if (parsed.kind === 'invalid') throw new DomainError('INPUT_INVALID', parsed.message);
      return { queryKind: parsed.kind, ...lookup.find(parsed, visibility, input.page ?? 0) };
    },

    'accounts.family': ({ input }) => {
      const family = lookup.family(input.accountId);
      if (!family) throw new DomainError('NOT_FOUND', 'Conto non trovato: ripetere la ricerca.');
      const today = romeDate(ctx.clock.now());
      return {
        parent: family.parent,
        children: family.children.map(({ child, accounts }) => ({
          child,
          accounts: accounts.map((account) => ({
            account,
            recent: operations(account.accountId, today).slice(0, FAMILY_RECENT_OPERATIONS),
          })),
        })),
      };
    },

    'accounts.get': ({ input, visibility }) => {
      const account = lookup.get(input.accountId, visibility);
      if (!account) throw new DomainError('NOT_FOUND', 'Conto non trovato: ripetere la ricerca.');
      return { account, operations: operations(input.accountId, romeDate(ctx.clock.now())) };
    },
  };
}
