import { accountHandlers } from '../accounts/handlers';
import { attestationHandlers } from '../attestations/handlers';
import { noticeHandlers } from '../notices/handlers';
import { paymentHandlers } from '../payments/handlers';
import { receiptHandlers } from '../receipts/handlers';
import { registrationHandlers } from '../registration/handlers';
import { reportHandlers } from '../reports/handlers';
import { sessionHandlers } from '../session/handlers';
import { settingsHandlers } from '../settings/handlers';
import type { Sessions } from '../session/sessions';
import { statementHandlers } from '../statements/handlers';
import { syncHandlers } from '../sync/handlers';
import type { SyncService } from '../sync/service';
import { tillHandlers } from '../till/handlers';
import { topupHandlers } from '../topups/handlers';
import type { Handlers } from './call';
import type { CoreContext } from './context';

/**
 * The registry: every domain's handlers merged into the one map the dispatcher reads. The type
 * `Handlers` makes a channel of the contract without its handler fail to compile. No domain
 * imports this file (the access check and the types live in access.ts and call.ts), so there is no
 * cycle between the core and the domains.
 */
export function createHandlers(ctx: CoreContext, sessions: Sessions, sync: SyncService): Handlers {
  return {
    ...sessionHandlers(ctx, sessions),
    ...accountHandlers(ctx),
    ...topupHandlers(ctx, sessions),
    ...paymentHandlers(ctx),
    ...receiptHandlers(ctx),
    ...reportHandlers(ctx),
    ...syncHandlers(ctx, sync, sessions),
    ...noticeHandlers(ctx, sync),
    ...registrationHandlers(ctx),
    ...tillHandlers(ctx, sessions),
    ...statementHandlers(ctx),
    ...attestationHandlers(ctx),
    ...settingsHandlers(ctx),
  };
}
