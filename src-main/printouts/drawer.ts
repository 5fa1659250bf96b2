import type { CoreContext } from '../core/context';
import { journal } from '../journal/journal';

export type KickReason = 'topup' | 'request';
export interface KickOutcome {
  opened: boolean;
  error?: string;
}

/** The receipt printer has a cash drawer on its kick port (the counter's configuration says so). */
export function drawerConfigured(ctx: CoreContext): boolean {
  return ctx.counter.config.printer?.drawer === true;
}

/**
 * Opens the cash drawer (ESC p on the receipt printer, a job of its own) and records the attempt in the
 * audit: after a cash top-up's commit, or at a supervisor's request. Never throws for a printer fault:
 * the money is already recorded, the outcome says whether the drawer opened.
 */
export function drawerKicker(ctx: CoreContext) {
  const j = journal(ctx.db.sqlite);
  const log = ctx.log.child({ scope: 'print' });
  return async function kick(
    reason: KickReason,
    operatorCode: string,
    operationId: string | null,
  ): Promise<KickOutcome> {
    const printer = ctx.printer;
    const result =
      printer.kick === undefined
        ? ({ ok: false, error: 'Questa stampante non può aprire il cassetto.' } as const)
        : await printer.kick();
    const outcome: KickOutcome = result.ok ? { opened: true } : { opened: false, error: result.error };
    j.audit({
      at: ctx.clock.now().toISOString(),
      counterCode: ctx.counter.code,
      operatorCode,
      action: 'drawer.kick',
      detail: { reason, operationId, ...outcome },
    });
    if (result.ok) log.info({ reason, operationId }, 'cassetto aperto');
    else log.warn({ reason, operationId, error: result.error }, 'apertura del cassetto non riuscita');
    return outcome;
  };
}
