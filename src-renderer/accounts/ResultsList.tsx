import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { AccountItem } from '../../shared/contract';
import { AccountCard } from './AccountCard';
import { palette } from '../theme';

export const RESULTS_ID = 'search-results';
export const resultOptionId = (index: number) => `search-result-${index}`;

interface Props {
  items: AccountItem[];
  selected: number;
  hasMore: boolean;
  onLoadMore: () => void;
}

/**
 * The results of a search. Focus stays in the search field (a scanner may type at any time);
 * the arrows move the selection here through aria-activedescendant.
 */
export function ResultsList({ items, selected, hasMore, onLoadMore }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector(`#${resultOptionId(selected)}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }} role="status">
        {items.length === 1 ? '1 conto trovato' : `${items.length} conti trovati`}
        {hasMore ? ' (altri con Pag↓)' : ''}. Frecce per scegliere, Invio per aprire.
      </Typography>
      <Box
        component="ul"
        id={RESULTS_ID}
        ref={listRef}
        role="listbox"
        aria-label="Risultati della ricerca"
        sx={{ listStyle: 'none', m: 0, p: 0 }}
      >
        {items.map((item, index) => (
          <Box
            component="li"
            key={item.accountId}
            id={resultOptionId(index)}
            role="option"
            aria-selected={index === selected}
            sx={{
              p: 1.5,
              mb: 0.5,
              bgcolor: index === selected ? palette.selected : 'background.paper',
              borderLeft: '4px solid',
              borderLeftColor: index === selected ? 'primary.main' : 'transparent',
            }}
          >
            <AccountCard account={item} />
          </Box>
        ))}
      </Box>
      {hasMore && (
        <Button onClick={onLoadMore} sx={{ mt: 1 }} tabIndex={-1}>
          Altri risultati (Pag↓)
        </Button>
      )}
    </Box>
  );
}
