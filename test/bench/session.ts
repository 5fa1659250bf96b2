import type { Reply } from '../../shared/errors';
import type { Core } from '../../src-main/core/types';
import type { ReceiptPrinter } from '../../src-main/printing/printer';

/** The bench runs at the front office, as the first demo operator of the seeds. */
export const BENCH_COUNTER = 'SE1';
const BENCH_OPERATOR = { operator: 'sportello1', pin: '2468' };

/** A printer that takes every receipt at once: the bench measures the database, not a printer. */
export const instantPrinter: ReceiptPrinter = {
  print: () => Promise.resolve({ ok: true, where: 'file' }),
};

/** A failed call stops the bench: a figure made of error replies would be meaningless. */
export function valueOf(reply: Reply<unknown>, what: string): unknown {
  if (!reply.ok) throw new Error(`${what}: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

/**
 * A new session for each measurement block, so the 5-minute idle lock of the counter can never
 * turn a block into a series of SESSION_LOCKED replies. The PIN check (scrypt) is not timed.
 */
export async function loginFresh(core: Core, label: string): Promise<string> {
  const sessionId = `bench-${label}`;
  valueOf(await core.invoke(sessionId, 'session.login', BENCH_OPERATOR), `login ${label}`);
  // The desk takes money only in an open till session: the bench measures top-ups with that check.
  const till = valueOf(await core.invoke(sessionId, 'till.status', {}), 'till.status') as { session: unknown };
  if (till.session === null) valueOf(await core.invoke(sessionId, 'till.open', { floatCounts: {} }), 'till.open');
  return sessionId;
}
