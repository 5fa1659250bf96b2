import type { Access } from '../../shared/contract';
import type { CounterKind } from '../../shared/domain';
import { assertNever, DomainError } from '../../shared/errors';
import { isMinimised } from '../../shared/roles';
import type { Visibility } from '../accounts/lookup';
import type { Operator } from '../session/sessions';

/**
 * The one access check: every call of a channel that is not public passes here, with the operator
 * of a live session, before its handler runs. Answers what the operator may see (a pharmacy sees
 * as little personal data as possible) or refuses with the channel's own Italian text.
 */
export function checkAccess(
  access: Exclude<Access, { who: 'public' }>,
  op: Operator,
  counterKind: CounterKind,
): Visibility {
  const minimised = isMinimised(op.role, counterKind);
  switch (access.who) {
    case 'operator':
      break;
    case 'supervisor':
      if (op.role !== 'supervisore') throw new DomainError('FORBIDDEN', access.refusal);
      break;
    case 'frontOffice':
      if (minimised) throw new DomainError('FORBIDDEN', access.refusal);
      break;
    default:
      return assertNever(access, 'accesso');
  }
  return minimised ? 'minimal' : 'full';
}
