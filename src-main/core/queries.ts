import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** Which counter this installation is (fixed at the first start). */
export const installationQueries = preparedPerConnection((s) => ({
  counterCode: s
    .prepare<[], Row<'installation'>['counter_code']>('SELECT counter_code FROM installation WHERE id = 1')
    .pluck(),
  /** The installation (data folder) this database belongs to; null before the first start that says. */
  installationId: s
    .prepare<[], Row<'installation'>['installation_id']>('SELECT installation_id FROM installation WHERE id = 1')
    .pluck(),
  setInstallationId: s.prepare<[installationId: string]>('UPDATE installation SET installation_id = ? WHERE id = 1'),
  install: s.prepare<[counterCode: string, createdAt: string]>(
    'INSERT INTO installation (id, counter_code, created_at) VALUES (1, ?, ?)',
  ),
}));
