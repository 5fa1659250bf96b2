import type { HandlersOf } from '../core/call';
import type { CoreContext } from '../core/context';
import { DomainError } from '../../shared/errors';
import { attestationOffice } from './attestations';
import { writeBatch } from './batch';

/** The attestazione for the 730: one at the desk, or the whole year's batch (one at a time per counter). */
export function attestationHandlers(ctx: CoreContext): HandlersOf<'attestations'> {
  const office = attestationOffice(ctx);
  let running: number | null = null;
  let stop = false;
  return {
    'attestations.issue': async ({ input, operator }) => office.issue(input.accountId, input.taxYear, operator),

    'attestations.batch': async ({ input, operator }) => {
      if (running !== null) {
        throw new DomainError(
          'INPUT_INVALID',
          `Il lotto delle attestazioni ${running} è già in corso: attendere che finisca.`,
        );
      }
      running = input.taxYear;
      stop = false;
      try {
        return await writeBatch(ctx, office, input.taxYear, operator, () => stop);
      } finally {
        running = null;
      }
    },

    'attestations.stopBatch': () => {
      stop = running !== null;
      return { stopping: stop };
    },
  };
}
