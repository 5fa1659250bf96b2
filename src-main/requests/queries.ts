import type { Row } from '../db/schema';
import { preparedPerConnection } from '../db/statements';

/** Money requests already recorded, by the id their client made. */
export const requestQueries = preparedPerConnection((s) => ({
  byId: s.prepare<[requestId: string], Row<'money_requests'>>(
    `SELECT request_id, channel, operator_code, fingerprint, operation_id, reply, created_at
       FROM money_requests WHERE request_id = ?`,
  ),
  insert: s.prepare<[Row<'money_requests'>]>(
    `INSERT INTO money_requests (request_id, channel, operator_code, fingerprint, operation_id, reply, created_at)
     VALUES (@request_id, @channel, @operator_code, @fingerprint, @operation_id, @reply, @created_at)`,
  ),
}));
