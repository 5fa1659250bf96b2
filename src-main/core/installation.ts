import type { Db } from '../db/open';
import { counterQueries } from '../roster/queries';
import { forgetForeignVerifiers } from '../roster/verifiers';
import { installationQueries } from './queries';
import { CounterConfig, DEFAULT_COUNTER_CONFIG } from '../../shared/config';
import { CounterKind } from '../../shared/domain';
import { DomainError } from '../../shared/errors';

export interface Counter {
  code: string;
  name: string;
  kind: CounterKind;
  address: string;
  config: CounterConfig;
}

/**
 * Each installation is one counter. The first start fixes which one (stored in the database);
 * a later start naming another counter is refused.
 */
export function establishCounter(db: Db, requested: string | undefined, now: Date): Counter {
  const installed = installationQueries(db.sqlite);
  const installedCode = installed.counterCode.get();
  if (installedCode !== undefined && requested && installedCode !== requested) {
    throw new DomainError(
      'WRONG_COUNTER',
      `Questa installazione è lo sportello ${installedCode}: non può essere avviata come ${requested}. ` +
        'Per cambiare sportello serve una nuova installazione.',
    );
  }
  const code = installedCode ?? requested;
  if (!code) throw new DomainError('INPUT_INVALID', 'Indicare il codice dello sportello (per esempio --counter SE1).');
  const counter = loadCounter(db, code);
  db.sqlite.transaction(() => {
    if (installedCode === undefined) installed.install.run(code, now.toISOString());
    forgetForeignVerifiers(db.sqlite, code);
  })();
  return counter;
}

export function loadCounter(db: Db, code: string): Counter {
  const c = counterQueries(db.sqlite).counter.get(code);
  if (!c) {
    throw new DomainError(
      'NOT_FOUND',
      `Lo sportello ${code} non è nell'anagrafica: caricare i dati (sportello seed --demo) o sincronizzare con il servizio centrale.`,
    );
  }
  return {
    code: c.code,
    name: c.name,
    kind: CounterKind.parse(c.kind),
    address: c.address,
    config: CounterConfig.parse(JSON.parse(c.config)),
  };
}

export function saveCounterConfig(db: Db, code: string, config: CounterConfig): void {
  counterQueries(db.sqlite).saveConfig.run(JSON.stringify(CounterConfig.parse(config)), code);
}

/**
 * A new PC that gets its data from the central service has no counter record before the first
 * sync, yet must open (to show the enrolment screen). It starts with a stand-in record, as a
 * pharmacy (the kind that shows the least), which the first pull replaces with the real one.
 */
export function ensureProvisionalCounter(db: Db, code: string): void {
  counterQueries(db.sqlite).insertStandIn.run(code, `Sportello ${code}`, JSON.stringify(DEFAULT_COUNTER_CONFIG));
}
