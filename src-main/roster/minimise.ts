import { childSearchKeys } from '../../shared/searchKey';
import { surnameInitial } from '../../shared/roles';
import type { Db } from '../db/open';
import { pharmacyMinimiseQueries } from './queries';

/**
 * A pharmacy keeps only what the central's feed would send it: each child's name, surname initial
 * and school with the accounts, never a family, a codice fiscale or a birth date. A database that
 * holds more (a folder seeded with the demo data, a front-office copy started as a pharmacy) is
 * reduced to that at start, in one transaction. Returns how many children were reduced.
 */
export function minimiseForPharmacy(db: Db): number {
  const q = pharmacyMinimiseQueries(db.sqlite);
  return db.sqlite.transaction(() => {
    const full = q.fullChildren.all();
    for (const c of full) {
      const surname = surnameInitial(c.surname);
      const keys = childSearchKeys(surname, c.name);
      q.reduceChild.run(surname, keys.surnameKey, keys.nameKey, c.id);
    }
    if (q.families.get()! > 0) {
      // Children first were unlinked above; what hangs on a family goes before it.
      q.dropLinks.run();
      q.dropEnrolments.run();
      q.dropRegistrations.run();
      q.dropFamilies.run();
    }
    return full.length;
  })();
}
