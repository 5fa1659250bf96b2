import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { AccountItem } from '../../shared/contract';
import { palette } from '../theme';
import { ResultRow } from './ResultRow';
import { resultsCountText } from './resultsText';

export const RESULTS_ID = 'search-results';
export const resultOptionId = (index: number) => `search-result-${index}`;

interface Props {
  items: AccountItem[];
  /** How many children the whole search found, beyond the pages listed. */
  totalChildren: number;
  selected: number;
  hasMore: boolean;
  onLoadMore: () => void;
}

/**
 * The results of a search. Focus stays in the search field (a scanner may type at any time);
 * the arrows move the selection here through aria-activedescendant.
 */
export function ResultsList({ items, totalChildren, selected, hasMore, onLoadMore }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector(`#${resultOptionId(selected)}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 0.5 }} role="status">
        {resultsCountText(totalChildren, new Set(items.map((i) => i.child.childId)).size, items.length)}
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
              px: 1,
              py: 0.5,
              borderBottom: `1px solid ${palette.divider}`,
              bgcolor: index === selected ? palette.selected : 'background.paper',
              borderLeft: '4px solid',
              borderLeftColor: index === selected ? 'primary.main' : 'transparent',
            }}
          >
            <ResultRow account={item} />
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
