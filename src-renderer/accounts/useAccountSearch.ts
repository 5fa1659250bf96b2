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
  /** The search or opening under way, if any: a key pressed meanwhile waits for its account. */
  const inFlight = useRef<Promise<AccountDetail | null> | null>(null);

  function track(opening: Promise<AccountDetail | null>) {
    inFlight.current = opening;
    void opening.finally(() => {
      if (inFlight.current === opening) inFlight.current = null;
    });
  }

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

  async function runSearch(): Promise<AccountDetail | null> {
    setNotice(null);
    const found = await search.run();
    if (found === null) {
      focusField();
      return null;
    }
    setDetail(null);
    const only = found.items[0];
    // A code identifies one account: no need to pick it from a list of one.
    const opened =
      found.items.length === 1 && found.queryKind !== 'name' && only ? await openAccount(only.accountId) : null;
    focusField();
    return opened;
  }

  /** Invio: opens the chosen result, or searches what the field says now. */
  function enter() {
    const chosen = search.results[search.selected];
    if (detail === null && search.isCurrent() && chosen) {
      track(
        openAccount(chosen.accountId).then((opened) => {
          focusField();
          return opened;
        }),
      );
    } else if (search.query.trim() !== '') {
      track(runSearch());
    }
  }

  /** The arrows choose an operation of the open account, or a result (the next page comes past the last). */
  function move(step: -1 | 1) {
    if (detail) setSelectedOp((i) => Math.max(0, Math.min(detail.operations.length - 1, i + step)));
    else if (step > 0 && search.selected === search.results.length - 1 && search.nextPage !== null)
      void search.loadMore();
    else search.move(step);
  }

  /** Another view opens: what was said about this screen's last search or key is no longer true there. */
  function leave() {
    setNotice(null);
    search.setError(null);
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
    leave,
    reload,
    /** The search or opening the scanner's Invio started, while it is under way. */
    opening: () => inFlight.current,
  };
}

export type AccountSearch = ReturnType<typeof useAccountSearch>;
