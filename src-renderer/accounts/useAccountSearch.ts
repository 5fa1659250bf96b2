import { useCallback, useRef, useState } from 'react';
import type { ChannelOutput } from '../../shared/contract';
import { call } from '../api';
import type { BalanceChange } from './balanceText';
import { useSearch } from './useSearch';

export type AccountDetail = ChannelOutput<'accounts.get'>;

/**
 * The search screen: the field, its results, the account opened from them with its selected
 * operation, and the one-line notice that says why a key did nothing.
 */
export function useAccountSearch(pharmacy: boolean) {
  const search = useSearch(pharmacy);
  const [detail, setDetail] = useState<AccountDetail | null>(null);
  const [selectedOp, setSelectedOp] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [change, setChange] = useState<BalanceChange | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  /** After every action the cursor goes back to the search field with its text selected: the next scan replaces it. */
  const focusField = useCallback(() => {
    const input = fieldRef.current;
    if (!input) return;
    input.focus();
    input.select();
  }, []);

  const openAccount = useCallback(
    async (accountId: string): Promise<AccountDetail | null> => {
      const reply = await call('accounts.get', { accountId });
      if (!reply.ok) {
        search.setError(reply.error.message);
        return null;
      }
      setDetail(reply.value);
      setChange(null);
      setNotice(null);
      const firstVoidable = reply.value.operations.findIndex((op) => op.voidable && !op.voided);
      setSelectedOp(firstVoidable >= 0 ? firstVoidable : 0);
      return reply.value;
    },
    [search],
  );

  async function runSearch() {
    setNotice(null);
    const found = await search.run();
    if (found === null) {
      focusField();
      return;
    }
    setDetail(null);
    const only = found.items[0];
    // A code identifies one account: no need to pick it from a list of one.
    if (found.items.length === 1 && found.queryKind !== 'name' && only) await openAccount(only.accountId);
    focusField();
  }

  /** Invio: opens the chosen result, or searches what the field says now. */
  function enter() {
    const chosen = search.results[search.selected];
    if (detail === null && search.isCurrent() && chosen) {
      void openAccount(chosen.accountId).then(() => focusField());
    } else if (search.query.trim() !== '') {
      void runSearch();
    }
  }

  /** The arrows choose an operation of the open account, or a result (the next page comes past the last). */
  function move(step: -1 | 1) {
    if (detail) setSelectedOp((i) => Math.max(0, Math.min(detail.operations.length - 1, i + step)));
    else if (step > 0 && search.selected === search.results.length - 1 && search.nextPage !== null)
      void search.loadMore();
    else search.move(step);
  }

  /** Esc closes the account, or empties the field. */
  function escape() {
    setNotice(null);
    setChange(null);
    if (detail) setDetail(null);
    else search.clear();
  }

  /** After an operation on the open account: reads it again and shows what happened to the balance. */
  async function reload() {
    if (!detail) return;
    const before = detail.account.balanceCents;
    const after = await openAccount(detail.account.accountId);
    const afterCents = after?.account.balanceCents ?? before;
    if (afterCents !== before) setChange({ deltaCents: afterCents - before, afterCents });
  }

  return {
    search,
    detail,
    change,
    selectedOp,
    selectedOperation: detail?.operations[selectedOp],
    notice,
    setNotice,
    fieldRef,
    focusField,
    enter,
    move,
    more: () => void search.loadMore(),
    escape,
    reload,
  };
}

export type AccountSearch = ReturnType<typeof useAccountSearch>;
