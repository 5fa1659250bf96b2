import { useEffect, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { focusRing } from '../theme';

interface Props<T> {
  tableRef: RefObject<HTMLTableElement | null>;
  /** Says what the list is and which keys move in it. */
  label: string;
  items: readonly T[];
  selected: number;
  rowKey: (item: T) => string;
  /** The header cells. */
  head: ReactNode;
  /** The cells of one row. */
  cells: (item: T) => ReactNode;
  rowTestId?: string;
  onKeyDown?: (event: KeyboardEvent) => void;
}

/**
 * A list the arrows move through: it takes the focus (with a ring that shows it has the keys) and
 * keeps the chosen row in sight.
 */
export function SelectableTable<T>({
  tableRef,
  label,
  items,
  selected,
  rowKey,
  head,
  cells,
  rowTestId,
  onKeyDown,
}: Props<T>) {
  useEffect(() => {
    tableRef.current?.querySelector(`[data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [tableRef, selected]);

  return (
    <Table
      size="small"
      ref={tableRef}
      tabIndex={0}
      {...(onKeyDown ? { onKeyDown } : {})}
      aria-label={label}
      sx={{ bgcolor: 'background.paper', '&:focus': { outline: focusRing } }}
    >
      <TableHead>
        <TableRow>{head}</TableRow>
      </TableHead>
      <TableBody>
        {items.map((item, index) => (
          <TableRow
            key={rowKey(item)}
            data-index={index}
            {...(rowTestId ? { 'data-testid': rowTestId } : {})}
            selected={index === selected}
            aria-selected={index === selected}
          >
            {cells(item)}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
