import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** Which counter this installation is (fixed at the first start). */
export const installationQueries = preparedPerConnection((s) => ({
  counterCode: s
    .prepare<[], Row<'installation'>['counter_code']>('SELECT counter_code FROM installation WHERE id = 1')
    .pluck(),
  install: s.prepare<[counterCode: string, createdAt: string]>(
    'INSERT INTO installation (id, counter_code, created_at) VALUES (1, ?, ?)',
  ),
}));
