import type { KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { FAMILY_ID, FamilyPanel, familyOptionId } from '../family/FamilyPanel';
import { familyAccounts } from '../family/familyText';
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
 * open account under it (at the front office beside its family, both inside the screen: each column
 * scrolls on its own); the arrows move their selection through aria-activedescendant.
 */
export function SearchPanel({ state, pharmacy, onKeyDown }: Props) {
  const { search, detail, selectedOp, notice, family, familyLevel } = state;
  const listed = detail === null && search.results.length > 0;
  const familyIndex =
    family && detail ? familyAccounts(family).findIndex((a) => a.account.accountId === detail.account.accountId) : -1;
  const onFamily = familyLevel === 'accounts' && familyIndex >= 0;
  let activeDescendant: string | undefined;
  if (onFamily) activeDescendant = familyOptionId(familyIndex);
  else if (detail) activeDescendant = operationRowId(selectedOp);
  else if (listed) activeDescendant = resultOptionId(search.selected);
  const accountView = detail && (
    <AccountView account={detail.account} operations={detail.operations} selected={selectedOp} change={state.change} />
  );
  let content = null;
  if (detail && family) {
    content = (
      <Box
        sx={{
          flex: 1,
          minHeight: 0,
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
          gap: 2,
          '& > *': { minHeight: 0, overflow: 'auto' },
        }}
      >
        {/* Each column scrolls on its own when it must: focusable, so it scrolls by keyboard too. */}
        <Box data-testid="family-column" role="group" aria-label="Colonna della famiglia" tabIndex={0}>
          <FamilyPanel
            family={family}
            selectedId={detail.account.accountId}
            active={onFamily}
            onSelect={state.selectInFamily}
          />
        </Box>
        <Box data-testid="account-column" role="group" aria-label="Colonna del conto aperto" tabIndex={0}>
          {accountView}
        </Box>
      </Box>
    );
  } else if (accountView) content = accountView;
  else if (search.results.length > 0) {
    content = (
      <ResultsList
        items={search.results}
        totalChildren={search.totalChildren}
        selected={search.selected}
        hasMore={search.nextPage !== null}
        onLoadMore={() => void search.loadMore()}
      />
    );
  }
  return (
    // With a family the screen holds it whole (1366x768): the columns scroll, never the page.
    <Box sx={detail && family ? { height: '100%', display: 'flex', flexDirection: 'column' } : undefined}>
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
            'aria-expanded': listed || onFamily,
            // Only while the list is on screen: an id that points at nothing is an ARIA error.
            'aria-controls': listed ? RESULTS_ID : onFamily ? FAMILY_ID : undefined,
            'aria-activedescendant': activeDescendant,
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
      {content}
    </Box>
  );
}
