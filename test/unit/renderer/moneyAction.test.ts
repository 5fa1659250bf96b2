import { describe, expect, it } from 'vitest';
import { moneyAction } from '../../../src-renderer/moneyAction';

describe('moneyAction: one request id per operator action', () => {
  it('keeps the id across retries and makes a new one only after the action is recorded', () => {
    let n = 0;
    const action = moneyAction(() => `id-${++n}`);
    const tries = [action.requestId, action.requestId, action.requestId];
    expect(new Set(tries)).toEqual(new Set(['id-1']));
    action.recorded();
    expect(action.requestId).toBe('id-2');
    expect(action.requestId).toBe('id-2');
  });

  it('makes UUIDs the contract accepts, different between actions', async () => {
    const { RequestId } = await import('../../../shared/contract/common');
    const a = moneyAction();
    const first = a.requestId;
    a.recorded();
    expect(RequestId.safeParse(first).success).toBe(true);
    expect(a.requestId).not.toBe(first);
  });
});
