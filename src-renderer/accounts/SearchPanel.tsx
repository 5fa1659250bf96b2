import type { KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { AccountView, operationRowId } from './AccountView';
import { RESULTS_ID, ResultsList, resultOptionId } from './ResultsList';
import type { AccountSearch } from './useAccountSearch';

interface Props {
  state: AccountSearch;
  /** A pharmacy finds by Pa-Pay code only. */
  pharmacy: boolean;
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * The search field, which keeps the focus (a scanner may type at any time), with the results or the
 * open account under it; the arrows move their selection through aria-activedescendant.
 */
export function SearchPanel({ state, pharmacy, onKeyDown }: Props) {
  const { search, detail, selectedOp, notice } = state;
  const listed = detail === null && search.results.length > 0;
  const activeDescendant = listed ? resultOptionId(search.selected) : undefined;
  return (
    <>
      <TextField
        label={pharmacy ? 'Cerca: codice Pa-Pay' : 'Cerca: codice Pa-Pay, codice fiscale o cognome e nome'}
        value={search.query}
        onChange={(e) => search.setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        inputRef={state.fieldRef}
        fullWidth
        error={search.error !== null}
        helperText={search.error ?? ' '}
        slotProps={{
          htmlInput: {
            role: 'combobox',
            'aria-expanded': listed,
            // Only while the list is on screen: an id that points at nothing is an ARIA error.
            'aria-controls': listed ? RESULTS_ID : undefined,
            'aria-activedescendant': detail ? operationRowId(selectedOp) : activeDescendant,
            autoComplete: 'off',
            spellCheck: false,
          },
          formHelperText: { role: search.error ? 'alert' : undefined },
        }}
        sx={{ mb: 1, '& input': { fontSize: '1.3em' } }}
      />
      {notice && (
        <Alert severity="info" role="status" sx={{ mb: 1 }} onClose={() => state.setNotice(null)}>
          {notice}
        </Alert>
      )}
      {detail ? (
        <AccountView
          account={detail.account}
          operations={detail.operations}
          selected={selectedOp}
          change={state.change}
        />
      ) : (
        search.results.length > 0 && (
          <ResultsList
            items={search.results}
            totalChildren={search.totalChildren}
            selected={search.selected}
            hasMore={search.nextPage !== null}
            onLoadMore={() => void search.loadMore()}
          />
        )
      )}
    </>
  );
}
