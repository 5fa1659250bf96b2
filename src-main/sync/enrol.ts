import type { EnrolResponse } from '../../shared/central';
import { DomainError } from '../../shared/errors';
import { receiptQueries } from '../receipts/queries';
import type { Db } from '../db/open';
import { CentralRefusedError, CentralRevokedError, CentralTransportError, type CentralClient } from './http';
import { writeSyncState } from './state';
import { installationQueries } from '../core/queries';

/**
 * Enrols this PC with a one-time code. The central's counter must be this installation's: a code
 * made for another counter is refused before anything is stored. Receipt numbering continues from
 * the higher of ours and the central's, per year, so a replaced PC never reuses a number.
 */
export async function enrolCounter(
  db: Db,
  client: CentralClient,
  counterCode: string,
  code: string,
  deviceName: string,
  /** This installation's id: the database becomes this folder's own (a copied one may number again). */
  installationId?: string,
): Promise<EnrolResponse> {
  let reply;
  try {
    reply = await client.enrol({ code, deviceName, counterCode });
  } catch (e) {
    if (e instanceof CentralTransportError) {
      throw new DomainError(
        'CENTRAL_UNAVAILABLE',
        "Servizio centrale non raggiungibile: riprovare l'attivazione quando la rete è disponibile.",
      );
    }
    if (e instanceof CentralRefusedError && e.code === 'WRONG_COUNTER')
      throw new DomainError('WRONG_COUNTER', e.message);
    if (e instanceof CentralRefusedError || e instanceof CentralRevokedError) {
      throw new DomainError(
        'INPUT_INVALID',
        `Codice di attivazione rifiutato dal servizio centrale (${e.message}). Chiedere un nuovo codice al supervisore.`,
      );
    }
    throw e;
  }
  const enrolled = reply.value;
  if (enrolled.counterCode !== counterCode) {
    throw new DomainError(
      'WRONG_COUNTER',
      `Il codice di attivazione è dello sportello ${enrolled.counterCode}, ma questa installazione è lo sportello ${counterCode}. ` +
        'Chiedere il codice giusto al supervisore.',
    );
  }
  const { continueNumbering: continueFrom } = receiptQueries(db.sqlite);
  db.sqlite.transaction(() => {
    for (const { year, lastNumber } of enrolled.receiptNumbering) continueFrom.run(counterCode, year, lastNumber);
    writeSyncState(db, { token: enrolled.token, tokenRevoked: false, lastError: null });
    if (installationId !== undefined) installationQueries(db.sqlite).setInstallationId.run(installationId);
  })();
  return enrolled;
}
