import { SessionInfo } from '../../shared/contract';
import { isMinimised } from '../../shared/roles';
import type { Core } from '../core/types';

export type DocumentAccess = 'allowed' | 'no-session' | 'pharmacy';

/**
 * Whether the operator behind a host session may open the saved A4 documents: a notice and an
 * enrolment summary carry codici fiscali, which a pharmacy must not see. Both hosts ask this.
 */
export async function documentAccess(core: Core, sessionId: string | undefined): Promise<DocumentAccess> {
  if (sessionId === undefined) return 'no-session';
  const reply = await core.invoke(sessionId, 'session.current', {});
  if (!reply.ok || reply.value === null) return 'no-session';
  const parsed = SessionInfo.safeParse(reply.value);
  if (!parsed.success) return 'no-session';
  return isMinimised(parsed.data.operator.role, parsed.data.counter.kind) ? 'pharmacy' : 'allowed';
}
