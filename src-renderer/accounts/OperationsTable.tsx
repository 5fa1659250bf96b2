import { useEffect, useRef } from 'react';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { OperationView } from '../../shared/contract';
import { LEDGER_KIND_LABELS } from '../../shared/domain';
import { formatEuro } from '../../shared/money';
import { formatRomeDateTime } from '../../shared/time';
import { palette } from '../theme';

export const operationRowId = (index: number) => `operation-${index}`;

/** What the central service does not count yet, on the operation's own row. */
const SEND_STATE: Record<NonNullable<OperationView['sendState']>, { label: string; color: 'warning' | 'error' }> = {
  to_send: { label: 'da inviare', color: 'warning' },
  rejected: { label: 'rifiutata: da risolvere', color: 'error' },
  not_counted: { label: 'inviata, non ancora nel saldo centrale', color: 'warning' },
};

/** The latest operations of the account, newest first: the first row is marked as the last operation. */
export function OperationsTable({ operations, selected }: { operations: OperationView[]; selected: number }) {
  const tableRef = useRef<HTMLTableElement>(null);
  useEffect(() => {
    tableRef.current?.querySelector(`#${operationRowId(selected)}`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <Table size="small" ref={tableRef} aria-label="Operazioni del conto" sx={{ bgcolor: 'background.paper' }}>
      <TableHead>
        <TableRow>
          <TableCell>Operazione</TableCell>
          <TableCell align="right">Importo</TableCell>
          <TableCell>Data</TableCell>
          <TableCell>Ricevuta</TableCell>
          <TableCell>Stato</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {operations.map((op, index) => {
          const send = op.sendState ? SEND_STATE[op.sendState] : null;
          const last = index === 0;
          return (
            <TableRow
              key={op.operationId}
              id={operationRowId(index)}
              aria-selected={index === selected}
              selected={index === selected}
              data-testid="operation-row"
              sx={
                last
                  ? {
                      '& td': { fontWeight: 700 },
                      '& td:first-of-type': { boxShadow: `inset 4px 0 0 ${palette.primary}` },
                    }
                  : undefined
              }
            >
              <TableCell>
                {LEDGER_KIND_LABELS[op.kind]}
                {last && <Chip size="small" color="primary" label="ultima operazione" sx={{ ml: 1 }} />}
              </TableCell>
              <TableCell align="right" sx={{ color: op.amountCents < 0 ? palette.danger : palette.text }}>
                {formatEuro(op.amountCents)}
              </TableCell>
              <TableCell>{formatRomeDateTime(op.createdAt)}</TableCell>
              <TableCell>{op.receiptNo ?? '—'}</TableCell>
              <TableCell>
                {send && <Chip size="small" variant="outlined" color={send.color} label={send.label} sx={{ mr: 1 }} />}
                {op.voided && <Chip size="small" color="error" variant="outlined" label="stornata" />}
                {!op.voided && op.voidable && index === selected && (
                  <Typography component="span" variant="body2" sx={{ color: palette.textSecondary }}>
                    F4 per stornare
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
