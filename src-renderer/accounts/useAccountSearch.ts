import { useCallback, useRef, useState } from 'react';
import type { AccountItem, ChannelOutput, FamilyView } from '../../shared/contract';
import { call } from '../api';
import { familyStep } from '../family/familyText';
import type { BalanceChange } from './balanceText';
import { useSearch } from './useSearch';

export type AccountDetail = ChannelOutput<'accounts.get'>;

/**
 * Where the arrows are on an open account at the front office: between the accounts of the family
 * (the open one follows the selection), or on the open account's operations (Invio goes there, Esc
 * comes back).
 */
export type FamilyLevel = 'accounts' | 'operations';

/** The accounts found are all of one child, or all of the children of one adulto di riferimento. */
function oneFamily(items: AccountItem[], pharmacy: boolean): boolean {
  if (pharmacy) return false;
  const children = new Set(items.map((i) => i.child.childId));
  const parents = new Set(items.map((i) => i.child.parent?.fiscalCode ?? null));
  return children.size === 1 || (parents.size === 1 && !parents.has(null));
}

/**
 * The search screen: the field, its results, the account opened from them with its selected
 * operation and (front office) its family, and the one-line notice that says why a key did nothing.
 */
export function useAccountSearch(pharmacy: boolean) {
  const search = useSearch(pharmacy);
  const [detail, setDetail] = useState<AccountDetail | null>(null);
  /** The family of the open account's child (front office only: a pharmacy sees the account found by its code). */
  const [family, setFamily] = useState<FamilyView | null>(null);
  const [level, setLevel] = useState<FamilyLevel>('accounts');
  const [selectedOp, setSelectedOp] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [change, setChange] = useState<BalanceChange | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  /** The account last asked for: only its answer is shown. */
  const latest = useRef<string | null>(null);
  /** The family's account the arrows last chose, while it opens: the next press moves on from it. */
  const choosing = useRef<string | null>(null);
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

  /**
   * Opens an account; at the front office with its family (read again, or kept when the arrows only
   * moved to another account of the family on screen).
   */
  const openAccount = useCallback(
    async (accountId: string, withFamily: 'read' | 'keep' = 'read'): Promise<AccountDetail | null> => {
      latest.current = accountId;
      const readFamily = !pharmacy && withFamily === 'read';
      const [reply, familyReply] = await Promise.all([
        call('accounts.get', { accountId }),
        readFamily ? call('accounts.family', { accountId }) : Promise.resolve(null),
      ]);
      // An account asked for later (the arrows pressed again meanwhile) wins, whichever answer comes last.
      if (latest.current !== accountId) return reply.ok ? reply.value : null;
      if (!reply.ok) {
        search.setError(reply.error.message);
        return null;
      }
      if (familyReply !== null) {
        // The account is still shown without its family if that one cannot be read.
        setFamily(familyReply.ok ? familyReply.value : null);
        if (!familyReply.ok) setNotice(familyReply.error.message);
        setLevel('accounts');
      }
      setDetail(reply.value);
      setChange(null);
      if (familyReply === null || familyReply.ok) setNotice(null);
      const firstVoidable = reply.value.operations.findIndex((op) => op.voidable && !op.voided);
      setSelectedOp(firstVoidable >= 0 ? firstVoidable : 0);
      return reply.value;
    },
    [search, pharmacy],
  );

  async function runSearch(): Promise<AccountDetail | null> {
    setNotice(null);
    const found = await search.run();
    if (found === null) {
      focusField();
      return null;
    }
    setDetail(null);
    setFamily(null);
    const only = found.items[0];
    // A code identifies one account: no need to pick it from a list of one. At the front office a
    // codice fiscale (a child's, or the adulto di riferimento's) opens its family, which shows them all.
    const opened =
      only && found.queryKind !== 'name' && (found.items.length === 1 || oneFamily(found.items, pharmacy))
        ? await openAccount(only.accountId)
        : null;
    focusField();
    return opened;
  }

  /**
   * Invio: opens the chosen result, or on a family goes to the open account's operations, or
   * searches what the field says now.
   */
  function enter() {
    const chosen = search.results[search.selected];
    if (detail !== null && family !== null && level === 'accounts' && search.isCurrent()) {
      setLevel('operations');
      focusField();
    } else if (detail === null && search.isCurrent() && chosen) {
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

  /**
   * The arrows choose an account of the family (which opens beside it), an operation of the open
   * account, or a result (the next page comes past the last).
   */
  function move(step: -1 | 1) {
    if (detail && family && level === 'accounts') {
      const from = choosing.current ?? detail.account.accountId;
      const next = familyStep(family, from, step);
      if (next === null || next === from) return;
      choosing.current = next;
      track(
        openAccount(next, 'keep').finally(() => {
          if (choosing.current === next) choosing.current = null;
        }),
      );
    } else if (detail) setSelectedOp((i) => Math.max(0, Math.min(detail.operations.length - 1, i + step)));
    else if (step > 0 && search.selected === search.results.length - 1 && search.nextPage !== null)
      void search.loadMore();
    else search.move(step);
  }

  /** Another view opens: what was said about this screen's last search or key is no longer true there. */
  function leave() {
    setNotice(null);
    search.setError(null);
  }

  /** Esc goes back from the operations to the family, closes the account (and its family), or empties the field. */
  function escape() {
    setNotice(null);
    setChange(null);
    if (detail && family && level === 'operations') setLevel('accounts');
    else if (detail) {
      setDetail(null);
      setFamily(null);
    } else search.clear();
  }

  /** A click on an account of the family opens it beside it, as the arrows do. */
  function selectInFamily(accountId: string) {
    setLevel('accounts');
    if (detail?.account.accountId !== accountId) track(openAccount(accountId, 'keep'));
    focusField();
  }

  /** After an operation on the open account: reads it (and its family) again and shows what happened to the balance. */
  async function reload() {
    if (!detail) return;
    const before = detail.account.balanceCents;
    const keepLevel = level;
    const after = await openAccount(detail.account.accountId);
    setLevel(keepLevel);
    const afterCents = after?.account.balanceCents ?? before;
    if (afterCents !== before) setChange({ deltaCents: afterCents - before, afterCents });
  }

  return {
    search,
    detail,
    family,
    /** Where the arrows are while a family is on screen. */
    familyLevel: family !== null && detail !== null ? level : null,
    selectInFamily,
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
