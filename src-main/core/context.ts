import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import type { ReceiptPrinter } from '../printing/printer';
import type { EventName, EventPayload } from '../../shared/contract';
import type { Clock } from './clock';
import type { Counter } from './installation';

/** Everything a handler needs, built once when the core opens. */
export interface CoreContext {
  db: Db;
  /** The data folder of this installation (documents such as the notices' PDFs are saved under it). */
  dataDir: string;
  /** Always the current record: a pull from the central service may change its configuration. */
  counter: Counter;
  clock: Clock;
  log: Logger;
  printer: ReceiptPrinter;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Reads the counter's record again after this PC changed its configuration (settings screen). */
  reloadCounter?: () => void;
  /**
   * Throws when this database was copied into another data folder (installationId.ts): such a copy
   * takes no receipt number until a supervisor enrols it again, which reads the central's numbering.
   */
  assertOwnData?: () => void;
  /** Told after every committed money operation (the sync sends it soon after); must not throw. */
  afterMoneyCommit?: () => void;
  /** Told after a till session closed (a checked copy of the database is taken); must not throw. */
  afterTillClose?: () => void;
}
