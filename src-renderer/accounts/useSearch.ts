import { useCallback, useMemo, useState } from 'react';
import type { AccountItem, ChannelOutput } from '../../shared/contract';
import { noMatchMessage } from '../../shared/lookup';
import { call } from '../api';

type Found = ChannelOutput<'accounts.find'>;

/** The state of the search field and its results, with paging for name searches. */
export function useSearch(pharmacy: boolean) {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [results, setResults] = useState<AccountItem[]>([]);
  const [nextPage, setNextPage] = useState<number | null>(null);
  const [totalChildren, setTotalChildren] = useState(0);
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (): Promise<Found | null> => {
    const text = query.trim();
    const reply = await call('accounts.find', { query: text });
    setSearched(query);
    if (!reply.ok) {
      setError(reply.error.message);
      setResults([]);
      setNextPage(null);
      setTotalChildren(0);
      return null;
    }
    setResults(reply.value.items);
    setNextPage(reply.value.nextPage);
    setTotalChildren(reply.value.totalChildren);
    setSelected(0);
    setError(reply.value.items.length === 0 ? noMatchMessage(reply.value.queryKind, pharmacy) : null);
    return reply.value;
  }, [query, pharmacy]);

  const loadMore = useCallback(async () => {
    if (nextPage === null || searched === null) return;
    const reply = await call('accounts.find', { query: searched.trim(), page: nextPage });
    if (!reply.ok) {
      setError(reply.error.message);
      return;
    }
    setResults((previous) => {
      setSelected(previous.length);
      return [...previous, ...reply.value.items];
    });
    setNextPage(reply.value.nextPage);
  }, [nextPage, searched]);

  const move = useCallback(
    (step: number) => setSelected((s) => Math.max(0, Math.min(results.length - 1, s + step))),
    [results.length],
  );

  const clear = useCallback(() => {
    setQuery('');
    setSearched(null);
    setResults([]);
    setNextPage(null);
    setTotalChildren(0);
    setError(null);
  }, []);

  return useMemo(
    () => ({
      query,
      setQuery,
      results,
      nextPage,
      totalChildren,
      selected,
      error,
      setError,
      run,
      loadMore,
      move,
      clear,
      /** True when the results on screen are for exactly what is in the field. */
      isCurrent: () => searched === query,
    }),
    [query, results, nextPage, totalChildren, selected, error, run, loadMore, move, clear, searched],
  );
}
